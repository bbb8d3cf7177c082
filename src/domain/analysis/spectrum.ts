/**
 * The spectrum of exploitation: where an anonymised experience pattern sits on the continuum
 * decent work → labour-rights violation → serious exploitation → forced labour → trafficking.
 *
 * An explicit, versioned rule following the ILO's statistical approach (docs/spectrum.md cites the
 * sources and explains each step):
 * - forced labour is work that is both **involuntary** and exacted under the **menace of a
 *   penalty** (coercion) — ICLS 2018 guidelines concerning the measurement of forced labour;
 * - involuntariness and coercion are looked for in three dimensions — unfree recruitment, work and
 *   life under duress, impossibility of leaving the employer — ILO 2012, "Hard to see, harder to
 *   count";
 * - trafficking for forced labour is forced labour whose recruitment was unfree (deception or
 *   coercion) and moved the person (ILO 2012);
 * - short of both elements, any single element of forced labour is serious exploitation; a
 *   shortfall in pay or conditions with no element of forced labour is a labour-rights violation.
 *
 * The rule is monotonic by construction: every condition only asks whether something bad is
 * present, so adding an indicator, worse pay, losing the freedom to leave, a worse recruitment or
 * being moved can never lower the level (property-tested). Reasons are stable codes; texts are in
 * REASON_TEXT (English) and the web locale files (spectrum.reason.<code>).
 */

/** Changes whenever the rule's outcome for some input changes. */
export const SPECTRUM_RULE_VERSION = 'ilo-spectrum/1';

export const SPECTRUM_LEVELS = [
  'decent_work',
  'labour_rights_violation',
  'serious_exploitation',
  'forced_labour',
  'trafficking',
] as const;
export type SpectrumLevel = (typeof SPECTRUM_LEVELS)[number];

/** Worst last: the order the monotonicity property compares in. */
export const PAY = ['full', 'partly', 'never'] as const;
export type Pay = (typeof PAY)[number];
export const RECRUITMENT = ['free', 'deceived', 'coerced'] as const;
export type Recruitment = (typeof RECRUITMENT)[number];

/** The ILO's eleven indicators of forced labour, by their number in the ILO's list (2012). */
export const ILO_INDICATOR_NUMBERS = {
  1: 'abuseOfVulnerability',
  2: 'deception',
  3: 'restrictionOfMovement',
  4: 'isolation',
  5: 'violence',
  6: 'intimidation',
  7: 'retentionOfDocuments',
  8: 'withholdingOfWages',
  9: 'debtBondage',
  10: 'abusiveConditions',
  11: 'excessiveOvertime',
} as const;
export type IloNumber = keyof typeof ILO_INDICATOR_NUMBERS;

export interface ExperiencePattern {
  paid: Pay;
  canLeave: boolean;
  /** ILO indicator numbers present (1–11). */
  indicators: readonly number[];
  recruitment: Recruitment;
  /** Moved from home by a recruiter, broker or employer. */
  moved: boolean;
}

export const SPECTRUM_REASONS = [
  // involuntariness, by dimension
  'recruitment_deceived',
  'recruitment_coerced',
  'ilo2_deception',
  'ilo10_abusive_conditions',
  'ilo11_excessive_overtime',
  'cannot_leave',
  // menace of penalty (coercion)
  'ilo3_restriction_of_movement',
  'ilo4_isolation',
  'ilo5_violence',
  'ilo6_intimidation',
  'ilo7_retention_of_documents',
  'ilo8_withholding_of_wages',
  'ilo9_debt_bondage',
  'never_paid',
  // trafficking: the act of moving the person
  'moved_by_recruiter',
  // labour-rights shortfalls with no element of forced labour
  'partly_paid',
  'ilo1_abuse_of_vulnerability',
] as const;
export type SpectrumReason = (typeof SPECTRUM_REASONS)[number];

export const REASON_TEXT: Record<SpectrumReason, string> = {
  recruitment_deceived: 'deceived when recruited',
  recruitment_coerced: 'recruited by force or threat',
  ilo2_deception: 'deception (ILO 2)',
  ilo10_abusive_conditions: 'abusive working and living conditions (ILO 10)',
  ilo11_excessive_overtime: 'excessive overtime (ILO 11)',
  cannot_leave: 'cannot leave',
  ilo3_restriction_of_movement: 'movement restricted (ILO 3)',
  ilo4_isolation: 'isolated (ILO 4)',
  ilo5_violence: 'physical or sexual violence (ILO 5)',
  ilo6_intimidation: 'intimidation and threats (ILO 6)',
  ilo7_retention_of_documents: 'documents retained (ILO 7)',
  ilo8_withholding_of_wages: 'wages withheld (ILO 8)',
  ilo9_debt_bondage: 'debt bondage (ILO 9)',
  never_paid: 'never paid',
  moved_by_recruiter: 'moved from home by a recruiter, broker or employer',
  partly_paid: 'paid only in part',
  ilo1_abuse_of_vulnerability: 'abuse of vulnerability (ILO 1)',
};

export const LEVEL_TEXT: Record<SpectrumLevel, string> = {
  decent_work: 'decent work',
  labour_rights_violation: 'labour-rights violation',
  serious_exploitation: 'serious exploitation',
  forced_labour: 'forced labour',
  trafficking: 'trafficking',
};

export interface SpectrumResult {
  level: SpectrumLevel;
  /** Why, most decisive first: the involuntariness, then the coercion, then the rest. */
  reasons: SpectrumReason[];
  rule: typeof SPECTRUM_RULE_VERSION;
}

/** Indicators that are a menace of penalty (coercion) in the ICLS 2018 guidelines' sense. */
const COERCION: Partial<Record<number, SpectrumReason>> = {
  3: 'ilo3_restriction_of_movement',
  4: 'ilo4_isolation',
  5: 'ilo5_violence',
  6: 'ilo6_intimidation',
  7: 'ilo7_retention_of_documents',
  8: 'ilo8_withholding_of_wages',
  9: 'ilo9_debt_bondage',
};

export function classifyPattern(p: ExperiencePattern): SpectrumResult {
  const has = new Set(p.indicators);
  // Involuntariness, by dimension
  const recruitment: SpectrumReason[] = [];
  if (p.recruitment === 'deceived') recruitment.push('recruitment_deceived');
  if (p.recruitment === 'coerced') recruitment.push('recruitment_coerced');
  if (has.has(2)) recruitment.push('ilo2_deception');
  const duress: SpectrumReason[] = [];
  if (has.has(10)) duress.push('ilo10_abusive_conditions');
  if (has.has(11)) duress.push('ilo11_excessive_overtime');
  const leaving: SpectrumReason[] = p.canLeave ? [] : ['cannot_leave'];
  const involuntary = [...recruitment, ...duress, ...leaving];
  // Menace of penalty
  const coercion: SpectrumReason[] = [];
  for (let n = 3; n <= 9; n++) {
    const reason = COERCION[n];
    if (reason && has.has(n)) coercion.push(reason);
  }
  if (p.paid === 'never') coercion.push('never_paid');
  // recruitment by force or threat is itself a menace of penalty
  if (p.recruitment === 'coerced') coercion.push('recruitment_coerced');
  // Shortfalls that are no element of forced labour on their own
  const rights: SpectrumReason[] = [];
  if (p.paid === 'partly') rights.push('partly_paid');
  if (has.has(1)) rights.push('ilo1_abuse_of_vulnerability');

  const unique = (xs: SpectrumReason[]) => [...new Set(xs)];
  const forced = involuntary.length > 0 && coercion.length > 0;
  const unfreeRecruitment = recruitment.length > 0;
  let level: SpectrumLevel;
  let reasons: SpectrumReason[];
  if (forced && p.moved && unfreeRecruitment) {
    level = 'trafficking';
    reasons = unique([...recruitment, 'moved_by_recruiter', ...coercion, ...duress, ...leaving]);
  } else if (forced) {
    level = 'forced_labour';
    reasons = unique([...involuntary, ...coercion]);
  } else if (coercion.length > 0 || recruitment.length > 0 || leaving.length > 0) {
    level = 'serious_exploitation';
    reasons = unique([...coercion, ...recruitment, ...leaving]);
  } else if (rights.length > 0 || duress.length > 0) {
    level = 'labour_rights_violation';
    reasons = unique([...duress, ...rights]);
    return { level, reasons, rule: SPECTRUM_RULE_VERSION };
  } else {
    return { level: 'decent_work', reasons: [], rule: SPECTRUM_RULE_VERSION };
  }
  // the lesser shortfalls are reasons too, after the decisive ones
  reasons = unique([...reasons, ...duress, ...rights]);
  return { level, reasons, rule: SPECTRUM_RULE_VERSION };
}

/** "forced labour: cannot leave; documents retained (ILO 7)" */
export function explain(result: SpectrumResult): string {
  const level = LEVEL_TEXT[result.level];
  return result.reasons.length
    ? `${level}: ${result.reasons.map((r) => REASON_TEXT[r]).join('; ')}`
    : level;
}

export function levelRank(level: SpectrumLevel): number {
  return SPECTRUM_LEVELS.indexOf(level);
}
