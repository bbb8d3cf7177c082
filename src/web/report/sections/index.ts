import type { ReportSection } from '../section.ts';
import { atlasSection } from './Atlas.tsx';
import { learningsSection } from './Learnings.tsx';
import { overlapSection } from './Overlap.tsx';
import { participationSection } from './Participation.tsx';
import { roadmapsSection } from './Roadmaps.tsx';
import { sheetsSection } from './Sheets.tsx';
import { spectrumSection } from './Spectrum.tsx';

/**
 * The report's sections in reading order. Learnings by theme and roadmaps with commitments plug in
 * here once their data is on main (one module each, and their key in the report API).
 */
export const REPORT_SECTIONS: readonly ReportSection[] = [
  participationSection,
  sheetsSection,
  overlapSection,
  spectrumSection,
  atlasSection,
  learningsSection,
  roadmapsSection,
];
