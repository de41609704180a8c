/**
 * The one JSON writer: valid JSON for jq, with non-finite numbers as the strings "NaN", "Infinity", "-Infinity"
 * (JSON has no literal for them). Maps become objects, so user-named keys (a variable called __proto__) are safe.
 */
export function toJson(value: unknown, indent: number = 2): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
    if (v instanceof Map) return Object.fromEntries(v);
    return v;
  }, indent);
}
