/**
 * The previews of a theme that provides none (no `openoutreach.cmsPreview` in its package.json):
 * the entry's title, summary and body, plainly, under a note saying why the preview does not look
 * like the site. The site's stylesheets still apply.
 */
import { data, type CmsPreviews } from './preview-api.ts';

export function fallbackPreviews(note: string) {
  return (cms: CmsPreviews): void => {
    const { h } = cms;
    for (const collection of cms.settings.collections) {
      cms.register(collection, ({ entry, widgetFor }) => {
        const title = data(entry, 'title') ?? data(entry, 'name');
        const summary = data(entry, 'summary');
        return h('main', { id: 'main', 'data-openoutreach-preview': 'fallback' }, [
          h('p', { key: 'note', role: 'note', style: { border: '1px dashed', padding: '0.5em 1em', fontSize: '0.9em' } }, note),
          title ? h('h1', { key: 'title' }, String(title)) : null,
          summary ? h('p', { key: 'summary' }, String(summary)) : null,
          h('div', { key: 'body' }, widgetFor('body')),
        ]);
      });
    }
  };
}
