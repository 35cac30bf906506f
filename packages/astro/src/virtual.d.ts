declare module 'virtual:openoutreach/config' {
  const config: import('./contract.ts').RuntimeConfig & {
    cssVariables: string;
    /** Whether the dev server (`astro dev`, `npm run edit`) is serving, rather than a build. */
    dev: boolean;
  };
  export default config;
}
declare module 'virtual:openoutreach/logo' {
  const logo: import('astro').ImageMetadata | undefined;
  export default logo;
}
declare module 'virtual:openoutreach/share-image' {
  /** The settings' default share image, for pages without an image of their own. */
  const image: import('./contract.ts').ImageWithAlt | undefined;
  export default image;
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
declare module 'virtual:openoutreach/security' {
  /** The CMS page's own policy, and what Astro's policy must add there so it blocks none of it. */
  const security: { adminPolicy: string; admin: { scriptResources: string[]; styleResources: string[]; directives: string[] } };
  export default security;
}

declare module 'virtual:openoutreach/cms-config' {
  /** The CMS configuration as YAML: with the local backend in the dev server, without in a build. */
  const yaml: string;
  export default yaml;
}
declare module 'virtual:openoutreach/font-preloads' {
  const urls: string[];
  export default urls;
}

declare namespace App {
  interface Locals {
    /** The page's language, settings, menus and links, set by the Open Outreach middleware. */
    openOutreach: import('./contract.ts').PageContext;
  }
}
