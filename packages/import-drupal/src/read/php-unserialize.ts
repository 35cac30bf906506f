/**
 * PHP's unserialize() for the values Drupal 7 keeps in `variable.value` and `data` columns: null,
 * booleans, integers, floats, strings (whose lengths count UTF-8 bytes), arrays and objects.
 * Arrays become plain objects keyed as in PHP (`{ '0': …, name: … }`), or JavaScript arrays when
 * their keys are 0…n-1; objects become plain objects of their properties. References (`r:`/`R:`)
 * become null: Drupal's variables do not use them.
 */
export type PhpValue = null | boolean | number | string | PhpValue[] | { [key: string]: PhpValue };

export class PhpUnserializeError extends Error {
  override name = 'PhpUnserializeError';
}

export function phpUnserialize(input: string | Uint8Array): PhpValue {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input);
  let at = 0;

  const fail = (message: string): never => {
    throw new PhpUnserializeError(`${message} at byte ${at} of a serialized PHP value`);
  };
  const expect = (char: string) => {
    if (bytes[at] !== char.charCodeAt(0)) fail(`expected "${char}"`);
    at += 1;
  };
  const readUntil = (char: string): string => {
    const end = bytes.indexOf(char.charCodeAt(0), at);
    if (end < 0) fail(`missing "${char}"`);
    const text = bytes.toString('latin1', at, end);
    at = end + 1;
    return text;
  };
  const readInteger = (terminator: string): number => {
    const text = readUntil(terminator);
    if (!/^[+-]?\d+$/.test(text)) fail(`"${text}" is not an integer`);
    return Number(text);
  };
  const readString = (): string => {
    const length = readInteger(':');
    expect('"');
    if (at + length > bytes.length) fail('string runs past the end');
    const text = bytes.toString('utf8', at, at + length);
    at += length;
    expect('"');
    return text;
  };
  const readEntries = (): [string, PhpValue][] => {
    const count = readInteger(':');
    expect('{');
    const entries: [string, PhpValue][] = [];
    for (let index = 0; index < count; index++) {
      const key = readValue();
      if (typeof key !== 'string' && typeof key !== 'number') fail('an array key must be an integer or a string');
      entries.push([String(key), readValue()]);
    }
    expect('}');
    return entries;
  };
  const toContainer = (entries: [string, PhpValue][]): PhpValue => {
    if (entries.every(([key], index) => key === String(index))) return entries.map(([, value]) => value);
    return Object.fromEntries(entries);
  };

  function readValue(): PhpValue {
    const type = String.fromCharCode(bytes[at] ?? 0);
    at += 1;
    switch (type) {
      case 'N':
        expect(';');
        return null;
      case 'b': {
        expect(':');
        return readInteger(';') !== 0;
      }
      case 'i':
        expect(':');
        return readInteger(';');
      case 'd': {
        expect(':');
        const text = readUntil(';');
        if (text === 'INF') return Infinity;
        if (text === '-INF') return -Infinity;
        const value = Number(text);
        if (text === '' || Number.isNaN(value)) {
          if (text === 'NAN') return Number.NaN;
          fail(`"${text}" is not a number`);
        }
        return value;
      }
      case 's': {
        expect(':');
        const text = readString();
        expect(';');
        return text;
      }
      case 'a':
        expect(':');
        return toContainer(readEntries());
      case 'O': {
        expect(':');
        readString(); // the class name (stdClass, …): the properties are what Drupal reads
        expect(':');
        // Private and protected properties carry NUL-delimited prefixes ("\0Class\0name", "\0*\0name").
        return Object.fromEntries(readEntries().map(([key, value]) => [key.replace(/^\0[^\0]*\0/, ''), value]));
      }
      case 'r':
      case 'R':
        expect(':');
        readInteger(';');
        return null;
      default:
        return fail(`unknown type "${type}"`);
    }
  }

  const value = readValue();
  if (at !== bytes.length) fail('unexpected data after the value');
  return value;
}
