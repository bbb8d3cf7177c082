import type { TFunction } from 'i18next';
import { isCode } from '../directory/vocab.ts';
import { LABOUR_SECTORS } from '../../contract/vocab.ts';
import type { Count } from '../../contract/atlas.ts';

/** Labels of the atlas's own vocabularies; the directory's (form, population, kind of work) are reused. */
export function formLabel(t: TFunction, code: string): string {
  return isCode('form', code) ? t(`vocab.form.${code}`) : code;
}
export function populationLabel(t: TFunction, code: string): string {
  return isCode('population', code) ? t(`vocab.population.${code}`) : code;
}
export function kindLabel(t: TFunction, code: string): string {
  return isCode('kindOfWork', code) ? t(`vocab.kindOfWork.${code}`) : code;
}
const SECTORS = LABOUR_SECTORS;
export function sectorLabel(t: TFunction, code: string): string {
  return (SECTORS as readonly string[]).includes(code)
    ? t(`atlas.sector.${code as (typeof SECTORS)[number]}`)
    : code;
}
export function confidenceLabel(t: TFunction, code: string): string {
  return code === 'confirmed' || code === 'likely' || code === 'suspected'
    ? t(`atlas.confidence.${code}`)
    : code;
}
export function basisLabel(t: TFunction, code: string): string {
  return code === 'casework' ||
    code === 'hotline' ||
    code === 'research' ||
    code === 'media' ||
    code === 'fieldObservation'
    ? t(`atlas.basis.${code}`)
    : code;
}
/** A count as published: exact, withheld ("<11") or, in public views, a range ("22–31"). */
export function countText(t: TFunction, n: Count, k: number): string {
  if (n === null) return t('atlas.suppressed', { k });
  return typeof n === 'number' ? String(n) : t('atlasPublic.range', { lo: n.lo, hi: n.hi });
}

/** One number to size or shade by: a range counts as its middle, a withheld count as 0. */
export function countValue(n: Count): number {
  if (n === null) return 0;
  return typeof n === 'number' ? n : (n.lo + n.hi) / 2;
}
