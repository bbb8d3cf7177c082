import type { FormOfExploitation, LabourSector, Population } from './codes.ts';

/**
 * A world-café issue is a named combination of axes that must stay apart in the model: form of
 * exploitation, sector, population, or a theme that is none of these ("policy and legal").
 */
export interface IssueDefinition {
  key: string;
  /** English label; the interface translates by key. */
  label: string;
  forms: FormOfExploitation[];
  sectors: LabourSector[];
  populations: Population[];
  theme?: 'policyAndLegal';
}

/**
 * The key issues of day three of the Asia Region conference. The account announces ten and lists
 * nine, so an event copies this list and edits it.
 */
export const DEFAULT_CAFE_ISSUES: readonly IssueDefinition[] = [
  {
    key: 'childSexTrafficking',
    label: 'Child sex trafficking',
    forms: ['SexualExploitation'],
    sectors: [],
    populations: ['children'],
  },
  {
    key: 'adultSexTrafficking',
    label: 'Adult sex trafficking',
    forms: ['SexualExploitation'],
    sectors: [],
    populations: [],
  },
  {
    key: 'forcedMarriage',
    label: 'Forced marriage',
    forms: ['ForcedMarriage'],
    sectors: [],
    populations: [],
  },
  {
    key: 'forcedLabourFishing',
    label: 'Forced labour in the fishing industry',
    forms: ['ForcedLabour'],
    sectors: ['Fishing'],
    populations: ['fishers'],
  },
  {
    key: 'forcedLabourConstruction',
    label: 'Forced labour in the construction industry',
    forms: ['ForcedLabour'],
    sectors: ['Construction'],
    populations: [],
  },
  {
    key: 'domesticWorkers',
    label: 'Domestic workers',
    forms: ['ForcedLabour', 'Servitude'],
    sectors: ['DomesticWork'],
    populations: ['domesticWorkers'],
  },
  { key: 'migrants', label: 'Migrants', forms: [], sectors: [], populations: ['migrants'] },
  { key: 'refugees', label: 'Refugees', forms: [], sectors: [], populations: ['refugees'] },
  {
    key: 'policyAndLegal',
    label: 'Policy and legal',
    forms: [],
    sectors: [],
    populations: [],
    theme: 'policyAndLegal',
  },
];

/** The six expertise groups formed on day three (the next day used eight; events edit the list). */
export const DEFAULT_EXPERTISE_GROUPS: readonly { key: string; label: string }[] = [
  { key: 'sexTrafficking', label: 'Sex trafficking' },
  { key: 'forcedMarriage', label: 'Forced marriage' },
  { key: 'forcedLabour', label: 'Forced labour (fishing and construction)' },
  { key: 'domesticWorkers', label: 'Domestic workers' },
  { key: 'migrantsRefugees', label: 'Migrants and refugees' },
  { key: 'policyLegal', label: 'Policy and legal' },
];
