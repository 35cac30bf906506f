/** The kinds of page the kit publishes; a layout marks its page with one (`data-page-type`). */
export { PAGE_TYPES, type PageType } from '@openoutreach/core';
