import yaml from 'virtual:openoutreach/cms-config';

/**
 * The CMS configuration, generated from the schemas (see @openoutreach/cms). The dev server's
 * copy adds the local backend, so edits are saved straight to this repository.
 */
export function GET() {
  return new Response(yaml, { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
}
