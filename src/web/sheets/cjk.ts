import { useEffect } from 'react';

/** Chinese characters: their font's ~100 slices are declared (cjk.css) only once a page shows some. */
const HAN = /\p{Script=Han}/u;

export function hasHan(texts: Iterable<string | null | undefined>): boolean {
  for (const t of texts) if (t && HAN.test(t)) return true;
  return false;
}

/** Loads the Chinese face's rules when `needed` (a name or card on the page has Han characters). */
export function useHanFont(needed: boolean): void {
  useEffect(() => {
    if (needed) void import('./cjk.css');
  }, [needed]);
}
