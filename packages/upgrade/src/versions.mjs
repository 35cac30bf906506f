// @ts-check

const VERSION = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** Whether `text` is a version number such as 1.4.0 or 2.0.0-next.1. @param {string} text */
export const isVersion = (text) => VERSION.test(text);

/**
 * Orders two versions as semver does: negative when `a` is older, 0 when equal, positive when
 * newer. A pre-release (1.0.0-next.1) comes before its release (1.0.0).
 * @param {string} a
 * @param {string} b
 */
export function compareVersions(a, b) {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if (x.numbers[i] !== y.numbers[i]) return (x.numbers[i] ?? 0) - (y.numbers[i] ?? 0);
  if (!x.pre.length || !y.pre.length) return y.pre.length - x.pre.length;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const [p, q] = [x.pre[i], y.pre[i]];
    if (p === undefined || q === undefined) return p === undefined ? -1 : 1;
    if (p === q) continue;
    const [m, n] = [Number(p), Number(q)];
    if (Number.isInteger(m) && Number.isInteger(n)) return m - n;
    if (Number.isInteger(m) !== Number.isInteger(n)) return Number.isInteger(m) ? -1 : 1;
    return p < q ? -1 : 1;
  }
  return 0;
}

/** @param {string} version */
function parts(version) {
  const match = VERSION.exec(version);
  if (!match) throw new TypeError(`not a version: ${version}`);
  return { numbers: [Number(match[1]), Number(match[2]), Number(match[3])], pre: match[4]?.split('.') ?? [] };
}

/**
 * Whether `version` is after `from` and no later than `to`: the versions whose migrations an
 * upgrade from `from` to `to` runs.
 * @param {string} version
 * @param {string} from
 * @param {string} to
 */
export const isBetween = (version, from, to) => compareVersions(from, version) < 0 && compareVersions(version, to) <= 0;
