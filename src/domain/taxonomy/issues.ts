import type { FormOfExploitation, LabourSector, Population } from './codes.ts';

/**
 * A world-café issue is a named combination of axes that must stay apart in the model: form of
 * exploitation, sector, population, or a theme that is none of these ("policy and legal").
 */
export interface IssueDefinition {
  key: string;
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
    forms: ['SexualExploitation'],
    sectors: [],
    populations: ['children'],
  },
  { key: 'adultSexTrafficking', forms: ['SexualExploitation'], sectors: [], populations: [] },
  { key: 'forcedMarriage', forms: ['ForcedMarriage'], sectors: [], populations: [] },
  {
    key: 'forcedLabourFishing',
    forms: ['ForcedLabour'],
    sectors: ['Fishing'],
    populations: ['fishers'],
  },
  {
    key: 'forcedLabourConstruction',
    forms: ['ForcedLabour'],
    sectors: ['Construction'],
    populations: [],
  },
  {
    key: 'domesticWorkers',
    forms: ['ForcedLabour', 'Servitude'],
    sectors: ['DomesticWork'],
    populations: ['domesticWorkers'],
  },
  { key: 'migrants', forms: [], sectors: [], populations: ['migrants'] },
  { key: 'refugees', forms: [], sectors: [], populations: ['refugees'] },
  { key: 'policyAndLegal', forms: [], sectors: [], populations: [], theme: 'policyAndLegal' },
];
