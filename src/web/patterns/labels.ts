import type { TFunction } from 'i18next';
import { SPECTRUM_LEVEL_CODES } from '../../contract/constants.ts';
import type { SpectrumLevelCode } from '../../contract/patterns.ts';
import en from '../i18n/en.json';

/** The levels of the spectrum, lowest first (the order the charts stack them in). */
export const LEVELS: readonly SpectrumLevelCode[] = SPECTRUM_LEVEL_CODES;

export function levelText(t: TFunction, level: string): string {
  return level in en.spectrum.levels
    ? t(`spectrum.levels.${level as keyof typeof en.spectrum.levels}`)
    : level;
}

/** A reason code of the rule in words ("documents retained (ILO 7)"); unknown codes as they are. */
export function reasonText(t: TFunction, code: string): string {
  return code in en.spectrum.reasons
    ? t(`spectrum.reasons.${code as keyof typeof en.spectrum.reasons}`)
    : code;
}
