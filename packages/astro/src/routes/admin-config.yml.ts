import cms from 'virtual:openoutreach/cms-config';

/**
 * The CMS configuration, generated at build time from the schemas (see @openoutreach/cms). The
 * dev server's copy adds the local backend, so edits are saved straight to this repository.
 */
export function GET() {
  return new Response(import.meta.env.DEV ? cms.local : cms.published, {
    headers: { 'Content-Type': 'text/yaml; charset=utf-8' },
  });
}
