/**
 * JSON columns, typed. A column declared `Json<T>` in the schema holds the text of a `T`: it is
 * written only through `toJson` (so the compiler checks what goes in) and read through `fromJson`
 * (so what comes out is a `T` without a cast at every reader). The database stores plain text on
 * both backends; the brand exists only for the type checker.
 */
declare const json: unique symbol;

/** The stored text of a `T`. */
export type Json<T> = string & { readonly [json]: T };

/** The stored text of `value`. */
export const toJson = <T>(value: T): Json<T> =>
  // The one place a string becomes a Json<T>: it is the text of a T because we just made it so.
  JSON.stringify(value) as Json<T>;

/** The value a `Json<T>` column holds (every writer went through `toJson`). */
export function fromJson<T>(text: Json<T>): T {
  const value: T = JSON.parse(text); // JSON.parse returns `any`: the column's type names what it is
  return value;
}
