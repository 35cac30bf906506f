/**
 * Open Outreach's additions to Decap CMS on /admin/, bundled with the site (Vite) and loaded after
 * decap-cms.js: the image-with-description widget, the site's stylesheets in the preview, and the
 * previews of the site's theme (`virtual:openoutreach/cms-preview`), so an editor sees the page as
 * visitors will, in whichever theme the site uses.
 */
import registerPreviews from 'virtual:openoutreach/cms-preview';
import { decapGlobals } from './decap.ts';
import { registerImageWithAlt } from './image-with-alt.ts';
import { previewApi } from './preview-api.ts';
import { readAdminData } from './admin-data.ts';

const { CMS, h, createClass } = decapGlobals();
const admin = readAdminData(document);

for (const url of admin.previewStyles) CMS.registerPreviewStyle(url);
if (admin.cssVariables) CMS.registerPreviewStyle(admin.cssVariables, { raw: true });
registerImageWithAlt(CMS, h as never, createClass, admin.labels['admin.altRequired'] ?? 'Describe the image for people who cannot see it.');
registerPreviews(
  previewApi(h, (collection, template) => CMS.registerPreviewTemplate(collection, template), {
    locale: admin.locale,
    collections: admin.collections,
    labels: admin.labels,
  }),
);
