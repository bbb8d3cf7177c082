/** "12–14 Dec 2026" in the interface language, from ISO dates. */
export function formatDates(startsOn: string, endsOn: string, locale: string): string {
  const d = (s: string) => new Date(`${s}T12:00:00Z`);
  try {
    const f = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    return startsOn === endsOn ? f.format(d(startsOn)) : f.formatRange(d(startsOn), d(endsOn));
  } catch {
    return startsOn === endsOn ? startsOn : `${startsOn} – ${endsOn}`;
  }
}

/** A short key for a label a facilitator typed ("Forced labour (fishing)" → "forcedLabourFishing"). */
export function keyOf(label: string, taken: ReadonlySet<string>): string {
  const words = label
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9 ]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  let k = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
  if (!/^[a-zA-Z]/.test(k)) k = `item${k}`;
  k = k.slice(0, 56);
  let out = k;
  for (let n = 2; taken.has(out); n++) out = `${k}${n}`;
  return out;
}
