export { cmsConfig, cmsConfigYaml, LOCAL_BACKEND_PORT, type CmsConfigInput } from './config.ts';
export { cmsField, cmsFields, labelFromName, type CmsField } from './fields.ts';
export { backendSchema, type Backend, type BackendInput } from './backend.ts';
export { adminAssets } from './assets.ts';
