export { cmsConfig, cmsConfigYaml, LOCAL_BACKEND_PORT, type CmsConfigInput } from './config.ts';
export { cmsField, cmsFields, labelFromName, type CmsField } from './fields.ts';
export { backendDeprecation, backendSchema, signInProblem, type Backend, type BackendInput } from './backend.ts';
export { ADMIN_SCRIPT, adminAssets, adminAssetMiddleware, copyAdminAssets } from './admin-files.ts';
export { adminDataJson, adminSignInProblem, ADMIN_DATA_ID, type AdminPageInput } from './admin-page.ts';
export { previewEntry, fallbackNote, type PreviewEntry } from './preview-entry.ts';
export { currentBranch, siteDirInRepository } from './git.ts';
