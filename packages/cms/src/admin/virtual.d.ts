declare module 'virtual:openoutreach/cms-preview' {
  /** The site's theme's preview entry (or the kit's plain fallback), see preview-entry.ts. */
  const registerPreviews: import('./preview-api.ts').RegisterPreviews;
  export default registerPreviews;
}
