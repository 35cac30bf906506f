import { describe, expect, it } from 'vitest';
import { personSchema } from './person.ts';

const schema = personSchema();

describe('personSchema', () => {
  it('parses a minimal person, filling in the defaults', () => {
    expect(schema.parse({ name: 'Sam Rivera' })).toEqual({ name: 'Sam Rivera', groups: [], links: [], order: 0, draft: false });
  });

  it('keeps a role, groups of the kit or of the site, an email and links', () => {
    const person = schema.parse({
      name: 'Sam',
      role: 'Treasurer',
      groups: ['board', 'Youth council'],
      email: 'sam@example.org',
      links: [{ label: 'Website', url: 'https://sam.example' }],
    });
    expect(person).toMatchObject({ role: 'Treasurer', groups: ['board', 'Youth council'], email: 'sam@example.org' });
  });

  it('refuses a person without a name', () => {
    expect(schema.safeParse({ role: 'Treasurer' }).error?.issues[0]).toMatchObject({ path: ['name'], message: 'every person needs a name' });
  });

  it('refuses a photo without its description', () => {
    expect(schema.safeParse({ name: 'Sam', photo: { src: '../../assets/people/sam.jpg' } }).error?.issues[0]?.path).toEqual(['photo', 'alt']);
  });

  it('refuses a link that is not a web address and an email that is not one', () => {
    const result = schema.safeParse({ name: 'Sam', email: 'sam at example', links: [{ label: 'Site', url: 'sam.example' }] });
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['email', 'links.0.url']);
  });

  it('reads fields the CMS cleared as not given', () => {
    expect(schema.parse({ name: 'Sam', role: '', email: '', photo: { src: '', alt: '' } })).toEqual({
      name: 'Sam',
      groups: [],
      links: [],
      order: 0,
      draft: false,
    });
  });
});
