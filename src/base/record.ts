/**
 * A record keyed by names the user chose (variables, check names). It has no prototype, so a variable called
 * __proto__ or constructor is an ordinary key, never Object.prototype's setter or method.
 */
export function userRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
