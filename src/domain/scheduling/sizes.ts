/**
 * Table sizes "as equal as possible and never larger than the requested size": 150 people at
 * tables of 8 gives 19 tables (17 of 8 and 2 of 7), not 18 of 8 and one of 6.
 */
export function balancedSizes(people: number, maxSize: number): number[] {
  if (!Number.isInteger(people) || people < 1)
    throw new RangeError('people must be a positive integer');
  if (!Number.isInteger(maxSize) || maxSize < 1)
    throw new RangeError('group size must be a positive integer');
  const tables = Math.ceil(people / maxSize);
  return splitEvenly(people, tables);
}

/** `people` over exactly `tables` tables, larger tables first. */
export function splitEvenly(people: number, tables: number): number[] {
  if (!Number.isInteger(tables) || tables < 1)
    throw new RangeError('tables must be a positive integer');
  const base = Math.floor(people / tables);
  const extra = people % tables;
  return Array.from({ length: tables }, (_, t) => base + (t < extra ? 1 : 0));
}
