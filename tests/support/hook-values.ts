/**
 * An object whose properties `beforeAll` hooks fill in through `values`. Its getters read
 * `values`, so a property read before the hook has run (at the top of a test file, say) throws
 * an error saying so instead of handing out `undefined`.
 */
export function setByHooks<T extends object>(helper: string, values: Partial<T>, keys: readonly (keyof T & string)[]): T {
  const object = {} as T;
  for (const key of keys) {
    Object.defineProperty(object, key, {
      get: () => values[key] ?? notYet(helper, key),
    });
  }
  return object;
}

function notYet(helper: string, key: string): never {
  throw new Error(`${helper}(): \`${key}\` is set in a beforeAll hook; read it inside a test or a later hook.`);
}
