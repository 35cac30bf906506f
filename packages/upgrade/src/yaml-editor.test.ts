import { describe, expect, it } from 'vitest';
import { UpgradeError } from './upgrade-error.mjs';
import { YamlEditor } from './yaml-editor.mjs';

const SETTINGS = `# The settings of your site.
name: Maple Street   # shown in the header
description: >-
  The Maple Street Community Association brings neighbours together for clean-ups, festivals
  and a louder voice at city hall.
announcement:
  text: 'The festival needs volunteers.'
  # the words of the link
  linkLabel: Sign up
  link: /news/
translations:
  es:
    announcement:
      linkLabel: Apúntate
social:
  - network: mastodon
    url: https://social.coop/@example
`;

describe('YamlEditor', () => {
  it('renames a field on its own line, keeping comments, quotes and folded text', () => {
    const yaml = new YamlEditor(SETTINGS, 'src/settings/site.yaml');
    expect(yaml.rename(['announcement', 'linkLabel'], 'linkText')).toBe(true);
    expect(yaml.rename(['translations', 'es', 'announcement', 'linkLabel'], 'linkText')).toBe(true);
    expect(yaml.text).toBe(SETTINGS.replace('  linkLabel: Sign up', '  linkText: Sign up').replace('linkLabel: Apúntate', 'linkText: Apúntate'));
    expect(yaml.get(['announcement', 'linkText'])).toBe('Sign up');
    expect(yaml.get(['translations'])).toEqual({ es: { announcement: { linkText: 'Apúntate' } } });
    expect(yaml.get(['social', 0])).toEqual({ network: 'mastodon', url: 'https://social.coop/@example' });
    expect(yaml.get(['tagline'])).toBeUndefined();
  });

  it('does nothing the second time', () => {
    const yaml = new YamlEditor(SETTINGS, 'site.yaml');
    yaml.rename(['announcement', 'linkLabel'], 'linkText');
    const once = yaml.text;
    expect(yaml.rename(['announcement', 'linkLabel'], 'linkText')).toBe(false);
    expect(yaml.set(['newsPerPage'], 12)).toBe(true);
    expect(yaml.set(['newsPerPage'], 12)).toBe(false);
    expect(yaml.delete(['newsPerPage'])).toBe(true);
    expect(yaml.delete(['newsPerPage'])).toBe(false);
    expect(yaml.text).toBe(once);
  });

  it('refuses to rename onto a field that is there, naming the file and the fix', () => {
    const yaml = new YamlEditor('announcement:\n  linkLabel: A\n  linkText: B\n', 'src/settings/site.yaml');
    expect(() => yaml.rename(['announcement', 'linkLabel'], 'linkText')).toThrow(UpgradeError);
    expect(() => yaml.rename(['announcement', 'linkLabel'], 'linkText')).toThrow(
      /src\/settings\/site\.yaml has both announcement\.linkLabel and announcement\.linkText\.\n {2}Fix: keep only announcement\.linkText/,
    );
  });

  it('sets a value in place, and adds a new field beside its neighbours', () => {
    const yaml = new YamlEditor(SETTINGS, 'site.yaml');
    yaml.set(['announcement', 'text'], 'Come to the festival');
    yaml.set(['announcement', 'shown'], true);
    yaml.set(['videos', 'peertube'], ['framatube.org']);
    expect(yaml.text).toBe(
      SETTINGS.replace(`'The festival needs volunteers.'`, 'Come to the festival').replace('  link: /news/\n', '  link: /news/\n  shown: true\n') +
        'videos:\n  peertube:\n    - framatube.org\n',
    );
  });

  it('deletes a field with its value and nothing else', () => {
    const yaml = new YamlEditor(SETTINGS, 'site.yaml');
    yaml.delete(['translations']);
    yaml.delete(['announcement', 'link']);
    expect(yaml.text).toBe(SETTINGS.replace('  link: /news/\n', '').replace('translations:\n  es:\n    announcement:\n      linkLabel: Apúntate\n', ''));
  });

  it('edits fields inside a list', () => {
    const yaml = new YamlEditor(SETTINGS, 'site.yaml');
    yaml.rename(['social', 0, 'url'], 'href');
    expect(yaml.text).toContain('  - network: mastodon\n    href: https://social.coop/@example\n');
  });

  it('says which file and line cannot be read', () => {
    expect(() => new YamlEditor('name: [unclosed\n', 'src/content/news/en/a.md')).toThrow(/^src\/content\/news\/en\/a\.md cannot be read as YAML \(line \d\)/);
  });
});
