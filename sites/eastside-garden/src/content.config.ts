import { openOutreachCollections } from '@openoutreach/astro/content';

export const collections = openOutreachCollections();
