declare module 'virtual:openoutreach/config' {
  const config: import('./src/contract.ts').RuntimeConfig & { cssVariables: string };
  export default config;
}
declare module 'virtual:openoutreach/logo' {
  const logo: import('astro').ImageMetadata | undefined;
  export default logo;
}
declare module 'virtual:openoutreach/styles' {}
declare module 'virtual:openoutreach/components/*' {
  const Component: (props: any) => any;
  export default Component;
}
declare module 'virtual:openoutreach/preview-styles' {
  const urls: string[];
  export default urls;
}
declare module 'virtual:openoutreach/cms-config' {
  const yaml: { local: string; published: string };
  export default yaml;
}
declare module 'virtual:openoutreach/font-preloads' {
  const urls: string[];
  export default urls;
}
