import { describe, expect, it } from 'vitest';
import { phpUnserialize } from './php-unserialize.ts';

describe('phpUnserialize', () => {
  it('reads scalars', () => {
    expect(phpUnserialize('N;')).toBe(null);
    expect(phpUnserialize('b:1;')).toBe(true);
    expect(phpUnserialize('b:0;')).toBe(false);
    expect(phpUnserialize('i:-42;')).toBe(-42);
    expect(phpUnserialize('d:0.5;')).toBe(0.5);
    expect(phpUnserialize('s:0:"";')).toBe('');
  });

  it('counts string lengths in UTF-8 bytes, as PHP does', () => {
    // "Riverside Tenants’ Association": the curly apostrophe is three bytes.
    expect(phpUnserialize('s:32:"Riverside Tenants’ Association";')).toBe('Riverside Tenants’ Association');
    expect(phpUnserialize(Buffer.from('s:9:"Français";', 'utf8'))).toBe('Français');
  });

  it('keeps quotes and semicolons inside strings', () => {
    expect(phpUnserialize('s:8:"a";"b;c}";')).toBe('a";"b;c}');
  });

  it('turns lists into arrays and keyed arrays into objects', () => {
    expect(phpUnserialize('a:2:{i:0;s:1:"a";i:1;s:1:"b";}')).toEqual(['a', 'b']);
    expect(phpUnserialize('a:2:{s:9:"logo_path";s:17:"public://logo.png";s:12:"default_logo";i:0;}')).toEqual({
      logo_path: 'public://logo.png',
      default_logo: 0,
    });
    expect(phpUnserialize('a:1:{i:3;a:0:{}}')).toEqual({ 3: [] });
  });

  it('reads stdClass objects such as language_default', () => {
    const value = phpUnserialize('O:8:"stdClass":3:{s:8:"language";s:2:"fr";s:6:"native";s:9:"Français";s:9:"direction";i:0;}');
    expect(value).toEqual({ language: 'fr', native: 'Français', direction: 0 });
  });

  it('rejects truncated or malformed input with the byte offset', () => {
    expect(() => phpUnserialize('s:10:"short";')).toThrow(/byte/);
    expect(() => phpUnserialize('a:1:{i:0;')).toThrow(/serialized PHP value/);
    expect(() => phpUnserialize('x:1;')).toThrow(/unknown type "x"/);
    expect(() => phpUnserialize('i:1;trailing')).toThrow(/unexpected data/);
  });
});
