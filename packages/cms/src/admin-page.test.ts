import { describe, expect, test } from 'vitest';
import { adminDataJson } from './admin-page.ts';
import { readAdminData } from './admin/admin-data.ts';
import { fallbackPreviews } from './admin/fallback-previews.ts';
import { previewApi, type PreviewTemplate } from './admin/preview-api.ts';

const yaml = 'collections:\n  - name: pages\n    folder: src/content/pages\n  - name: news\n    folder: src/content/news\n';
const t = ((key: string) => `«${key}»`) as (key: never) => string;

describe('what the /admin/ page tells its script', () => {
  test('the collections, stylesheets and labels, as JSON that cannot close its <script>', () => {
    const json = adminDataJson({ previewStyles: ['/_astro/global.css'], cssVariables: ':root{--x:"</script>"}', locale: 'fr', cmsConfigYaml: yaml, t });
    expect(json).not.toContain('</script>');
    const data = JSON.parse(json);
    expect(data).toMatchObject({ previewStyles: ['/_astro/global.css'], locale: 'fr', collections: ['pages', 'news'] });
    expect(data.labels['admin.altRequired']).toBe('«admin.altRequired»');
    expect(data.labels['events.register']).toBe('«events.register»');
  });

  test('the script reads it back, with defaults when the page has none', () => {
    const json = adminDataJson({ previewStyles: [], cssVariables: '', locale: 'de', cmsConfigYaml: yaml, t });
    const page = (text: string | undefined) =>
      ({ getElementById: (id: string) => (id === 'openoutreach-admin' && text !== undefined ? { textContent: text } : null) }) as unknown as Document;
    expect(readAdminData(page(json))).toMatchObject({ locale: 'de', collections: ['pages', 'news'] });
    expect(readAdminData(page(undefined))).toEqual({ previewStyles: [], cssVariables: '', locale: 'en', collections: [], labels: {} });
  });
});

describe('the plain previews of a theme without its own', () => {
  test('every collection gets one, showing the note, the title and the text', () => {
    const h = (type: unknown, props: unknown, ...children: unknown[]) => ({ type, props, children });
    const templates = new Map<string, PreviewTemplate>();
    fallbackPreviews('No previews in theme "x".')(
      previewApi(h as never, (name, template) => templates.set(name, template), { locale: 'en', collections: ['pages', 'news'], labels: {} }),
    );
    expect([...templates.keys()]).toEqual(['pages', 'news']);
    const entry = { get: () => undefined, getIn: (path: (string | number)[]) => ({ 'data.title': 'Hello' })[path.join('.')] };
    const preview = templates.get('news')!({ entry, widgetFor: () => 'BODY', getAsset: (path) => path }) as {
      props: Record<string, unknown>;
      children: { props: { role?: string }; children: unknown[] }[][];
    };
    expect(preview.props['data-openoutreach-preview']).toBe('fallback');
    const [note, title, , body] = preview.children[0]!;
    expect(note?.props.role).toBe('note');
    expect(note?.children).toEqual(['No previews in theme "x".']);
    expect(title?.children).toEqual(['Hello']);
    expect(body?.children).toEqual(['BODY']);
  });
});

describe('dates in the previews', () => {
  const api = previewApi((() => null) as never, () => undefined, { locale: 'en-GB', collections: [], labels: { 'events.when': 'When' } });
  test('a day and a wall-clock time in the site language, never shifted by a time zone', () => {
    expect(api.formatDay('2026-12-05')).toBe('5 December 2026');
    expect(api.formatWallClock('2026-12-05T18:30', false)).toMatch(/^Saturday,? 5 December 2026 at 18:30$/);
    expect(api.formatWallClock('2026-12-05T18:30', true)).toMatch(/^Saturday,? 5 December 2026$/);
    expect(api.label('events.when', 'x')).toBe('When');
    expect(api.label('events.cost', 'Cost')).toBe('Cost');
  });
});
