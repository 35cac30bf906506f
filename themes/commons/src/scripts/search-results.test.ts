import { describe, expect, it } from 'vitest';
import { resultsMessage, sanitizeExcerpt } from './search-results.ts';

describe('sanitizeExcerpt', () => {
  it('keeps the marks around matched words', () => {
    expect(sanitizeExcerpt('the <mark>tenants</mark> union meets')).toBe('the <mark>tenants</mark> union meets');
    expect(sanitizeExcerpt('<MARK>Rent</MARK> strike')).toBe('<mark>Rent</mark> strike');
  });

  it('shows any other markup as text', () => {
    expect(sanitizeExcerpt('<img src=x onerror=alert(1)> and <script>x</script>')).toBe(
      '&lt;img src=x onerror=alert(1)&gt; and &lt;script&gt;x&lt;/script&gt;',
    );
    expect(sanitizeExcerpt('<mark class="x">a</mark>')).toBe('&lt;mark class="x"&gt;a</mark>');
  });

  it('keeps character references as they are and escapes bare ampersands', () => {
    expect(sanitizeExcerpt('Tom &amp; Jerry &lt;3 &#39;hi&#x27; & more')).toBe('Tom &amp; Jerry &lt;3 &#39;hi&#x27; &amp; more');
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
  });
});
