/**
 * The issue 12 room as a CSV: 150 people from 16 organisations (6 of 10, 10 of 9), so keeping
 * colleagues apart needs at least 10 tables.
 */
const SECTORS = ['ngo', 'government', 'lawEnforcement', 'un', 'research', 'business'];

export function rosterCsv(): string {
  const rows = ['name,organisation,sector'];
  for (let o = 0; o < 16; o++)
    for (let i = 0; i < (o < 6 ? 10 : 9); i++)
      rows.push(`Person ${o}-${i},Organisation ${o},${SECTORS[(o + i) % SECTORS.length]}`);
  return `${rows.join('\n')}\n`;
}
