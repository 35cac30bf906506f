import { describe, expect, it } from 'vitest';
import { isWebAddress, resourceSchema } from './resource.ts';

const schema = resourceSchema();
const resource = (extra: Record<string, unknown>) => schema.safeParse({ title: 'Handbook', type: 'guide', ...extra });

describe('resourceSchema', () => {
  it('takes a document of the site or a web address as its link', () => {
    expect(resource({ link: '../../assets/resources/handbook.pdf' }).data).toEqual({
      title: 'Handbook',
      type: 'guide',
      topics: [],
      link: '../../assets/resources/handbook.pdf',
      draft: false,
    });
    expect(resource({ link: 'https://example.org/toolkit', topics: ['safety'], date: '2026-05-01' }).data).toMatchObject({
      topics: ['safety'],
      date: new Date('2026-05-01T00:00:00Z'),
    });
  });

  it('refuses a resource without a link', () => {
    expect(resource({}).error?.issues[0]).toMatchObject({ path: ['link'], message: 'give the file or the web address of the resource' });
  });

  it.each([
    ['example.org/toolkit', 'neither a web address nor a document file'],
    ['www.example.org', 'is neither a full address nor a page of this site'],
    ['ftp://example.org/a.pdf', 'starts with "ftp:", which the site does not publish'],
    ['https://example', 'is not a full web address'],
    ['../../assets/resources/page.html', 'neither a web address nor a document file'],
    ['/files/handbook.pdf', 'is a place on a computer, not a file of the site'],
    ['/etc/passwd', 'is a place on a computer'],
    ['C:\\Users\\sam\\secret.pdf', 'is a place on a computer'],
    ['C:/Users/sam/secret.pdf', 'is a place on a computer'],
    ['~/secret.pdf', 'is a place on a computer'],
    ['..\\..\\..\\..\\..\\secret.pdf', 'uses \\ between folders'],
    ['../../assets\\..\\..\\..\\secret.pdf', 'uses \\ between folders'],
    ['javascript:alert(1)', 'starts with "javascript:"'],
    ['JaVaScRiPt:alert(1)', 'starts with "JaVaScRiPt:"'],
    ['data:application/pdf;base64,JVBERi0=', 'starts with "data:"'],
    ['vbscript:msgbox(1)', 'starts with "vbscript:"'],
    ['//evil.example/a.pdf', 'leads to another site'],
    ['\\\\evil.example\\share\\a.pdf', 'backslash'],
    ['java\tscript:alert(1)', 'invisible or control character'],
  ])('refuses the link %j, saying why and how to fix it', (link, message) => {
    const issue = resource({ link }).error?.issues[0];
    expect(issue?.path).toEqual(['link']);
    expect(issue?.message).toContain(message);
    expect((issue as { params?: { fix?: string } }).params?.fix).toMatch(/https:\/\//);
  });

  it('refuses an unknown type, listing the types', () => {
    expect(resource({ link: 'https://example.org', type: 'poster' }).error?.issues[0]?.message).toMatch(/^choose one of: document, guide, /);
  });

  it('tells web addresses from paths', () => {
    expect(['https://a.example', 'mailto:a@b.c', 'www.a.example'].every(isWebAddress)).toBe(true);
    expect(['../../assets/a.pdf', 'a.pdf'].some(isWebAddress)).toBe(false);
  });
});
