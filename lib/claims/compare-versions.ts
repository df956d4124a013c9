/**
 * Orders claim-set versions ("major.minor.patch"). A feed update is accepted only when its
 * version is newer than the installed one, so this comparison is the gate against a feed
 * (or a stale mirror) rolling readers back to older data.
 */

const VERSION = /^(\d+)\.(\d+)\.(\d+)$/;

export function isVersion(value: string): boolean {
  return VERSION.test(value);
}

function parts(version: string): [string, string, string] {
  const match = VERSION.exec(version);
  if (!match) throw new RangeError(`"${version}" is not a version like 1.4.0`);
  return [match[1]!, match[2]!, match[3]!];
}

/**
 * Compares two digit strings as whole numbers. Done on the digits rather than with Number()
 * so that leading zeros ("01") and numbers past 2^53 still order correctly.
 */
function compareDigits(a: string, b: string): -1 | 0 | 1 {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  if (x === y) return 0;
  return x < y ? -1 : 1;
}

/**
 * -1 when `a` is older than `b`, 0 when they are the same version, 1 when `a` is newer.
 * Throws a RangeError for anything that is not three dot-separated numbers, because a
 * silently wrong order would let an update through (or block one) for no visible reason.
 */
export function compareVersions(a: string, b: string): -1 | 0 | 1 {
  const left = parts(a);
  const right = parts(b);
  for (let i = 0; i < 3; i++) {
    const order = compareDigits(left[i]!, right[i]!);
    if (order !== 0) return order;
  }
  return 0;
}
