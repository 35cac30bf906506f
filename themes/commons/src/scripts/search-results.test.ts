import { describe, expect, it } from 'vitest';
import { excerptParts, isSiteAddress, resultsMessage } from './search-results.ts';

describe('excerptParts', () => {
  it('marks the matched words', () => {
    expect(excerptParts('the <mark>tenants</mark> union meets')).toEqual([
      { text: 'the ', marked: false },
      { text: 'tenants', marked: true },
      { text: ' union meets', marked: false },
    ]);
    expect(excerptParts('<MARK>Rent</MARK> strike')).toEqual([
      { text: 'Rent', marked: true },
      { text: ' strike', marked: false },
    ]);
  });

  it('gives any other markup back as text, never as an element', () => {
    expect(excerptParts('<img src=x onerror=alert(1)> and &lt;script&gt;x&lt;/script&gt;')).toEqual([
      { text: '<img src=x onerror=alert(1)> and <script>x</script>', marked: false },
    ]);
    expect(excerptParts('<mark class="x">a</mark>')).toEqual([{ text: '<mark class="x">a', marked: false }]);
  });

  it('reads character references and leaves a bare ampersand as it is', () => {
    expect(excerptParts('Tom &amp; Jerry &lt;3 &#39;hi&#x27; & more &copy; &#0;')).toEqual([{ text: "Tom & Jerry <3 'hi' & more &copy; &#0;", marked: false }]);
  });
});

describe('isSiteAddress', () => {
  const page = 'https://example.org/sub/search/?q=x';

  it('accepts addresses of this site', () => {
    expect(isSiteAddress('/sub/about/', page)).toBe(true);
  });

  it('refuses any other scheme or site', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'https://evil.example/', '//evil.example/', 'http://['])
      expect(isSiteAddress(url, page), url).toBe(false);
  });
});

describe('resultsMessage', () => {
  const strings = { resultsOne: '{count} result for “{query}”', resultsMany: '{count} results for “{query}”', noResults: 'No results for “{query}”.' };

  it('says how many results there are, in the singular or plural', () => {
    expect(resultsMessage(strings, 0, 'rent')).toBe('No results for “rent”.');
    expect(resultsMessage(strings, 1, 'rent')).toBe('1 result for “rent”');
    expect(resultsMessage(strings, 12, 'rent')).toBe('12 results for “rent”');
  });

  it('shows the query as typed, even with placeholder-like text', () => {
    expect(resultsMessage(strings, 2, '{count}')).toBe('2 results for “{count}”');
    expect(resultsMessage(strings, 2, "$& $` $' $$")).toBe("2 results for “$& $` $' $$”");
  });
});
