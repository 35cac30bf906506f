import { expect, test } from 'vitest';
import { decodeEntities, fragmentTargets, startTags } from './html-scan.ts';

test('startTags reads names and attributes in every quoting style, decoding entities', () => {
  const [tag] = startTags(`<A HREF="/a?x=1&amp;y=2" data-x='single' hidden class=plain>`);
  expect(tag?.name).toBe('a');
  expect(Object.fromEntries(tag!.attributes)).toEqual({ href: '/a?x=1&y=2', 'data-x': 'single', hidden: '', class: 'plain' });
});

test('startTags skips comments and the text of scripts and styles', () => {
  const tags = startTags('<!-- <a href="/in-comment"> --><script>const s = "<a href=\'/in-script\'>";</script><style>a::after{content:"<b>"}</style><p>');
  expect(tags.map((tag) => tag.name)).toEqual(['script', 'style', 'p']);
});

test('fragmentTargets collects ids and the names of anchors', () => {
  expect(fragmentTargets(startTags('<h2 id="one"><a name="two"></a><input name="three">'))).toEqual(new Set(['one', 'two']));
});

test('decodeEntities', () => {
  expect(decodeEntities('&lt;&#39;&#x27;&quot;&unknown;')).toBe(`<''"&unknown;`);
});
