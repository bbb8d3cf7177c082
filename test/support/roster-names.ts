/**
 * A room of 150 as a registration form would list it: names in Latin (Vietnamese, Indonesian,
 * Filipino, Burmese and Khmer romanised, English), Thai, Chinese, Burmese, Khmer, Devanagari and
 * Bengali script, from 16 organisations, with 13 names that two people share (one pair even in
 * the same organisation). Deterministic: the same list every run.
 */
const CULTURES: { given: string[]; family: string[]; join: (g: string, f: string) => string }[] = [
  {
    given: ['Somchai', 'Siriporn', 'Anan', 'Malee', 'Kittisak', 'Pranee'],
    family: ['Jaidee', 'Srisuk', 'Wongsawat', 'Chaiyaporn'],
    join: (g, f) => `${g} ${f}`,
  },
  {
    given: ['สมชาย', 'ศิริพร', 'อนันต์', 'มาลี', 'เสกสรร', 'ใจดี'],
    family: ['ใจงาม', 'ศรีสุข', 'วงศ์สวัสดิ์'],
    join: (g, f) => `${g} ${f}`,
  },
  {
    given: ['Văn An', 'Thị Hoa', 'Minh Khai', 'Thu Trang', 'Đức Anh'],
    family: ['Nguyễn', 'Trần', 'Đặng', 'Lê'],
    join: (g, f) => `${f} ${g}`,
  },
  {
    given: ['伟', '芳', '敏', '静', '磊'],
    family: ['王', '李', '张'],
    join: (g, f) => `${f}${g}`,
  },
  {
    given: ['Aung', 'Thida', 'Zaw', 'Hnin'],
    family: ['Min', 'Win', 'Htet'],
    join: (g, f) => `${g} ${f}`,
  },
  {
    given: ['မောင်', 'သီတာ', 'ဇော်'],
    family: ['မင်း', 'ဝင်း'],
    join: (g, f) => `${g}${f}`,
  },
  {
    given: ['Sokha', 'Sreymom', 'Dara'],
    family: ['Chan', 'Meas', 'Sok'],
    join: (g, f) => `${f} ${g}`,
  },
  {
    given: ['សុខា', 'ស្រីមុំ'],
    family: ['ចាន់', 'មាស'],
    join: (g, f) => `${f} ${g}`,
  },
  {
    given: ['Putri', 'Budi', 'Siti', 'Agus', 'Dewi'],
    family: ['Santoso', 'Wijaya', 'Rahman'],
    join: (g, f) => `${g} ${f}`,
  },
  {
    given: ['Maria', 'Jose', 'Ana', 'Ramon'],
    family: ['Santos', 'Reyes', 'Cruz', 'Bautista'],
    join: (g, f) => `${g} ${f}`,
  },
  {
    given: ['अमित', 'प्रिया', 'सुनील'],
    family: ['शर्मा', 'थापा'],
    join: (g, f) => `${g} ${f}`,
  },
  {
    given: ['আমিনা', 'রহিম', 'ক্ষমা'],
    family: ['খাতুন', 'হোসেন'],
    join: (g, f) => `${g} ${f}`,
  },
  {
    given: ['Ömer', 'Åsa', 'Łucja', 'Sarah', 'Tom'],
    family: ['Brooks', 'Ng', 'O’Neill'],
    join: (g, f) => `${g} ${f}`,
  },
];

export const ORGANISATIONS = [
  'Mekong Hope Shelter',
  'Department of Special Investigation',
  'Pacific Links Foundation',
  'UNODC Regional Office',
  'Chab Dai Coalition',
  'Anti-Trafficking Police Division',
  'Mahidol Migration Centre',
  'Survivor Voices Network',
  'International Justice Mission',
  'Ministry of Social Development',
  'Legal Support for Children and Women',
  'Fair Labour Business Alliance',
  'Myanmar Migrant Workers Union',
  'IOM Mission',
  'Hagar International',
  'Liberty Shared',
];

export interface RosterPerson {
  name: string;
  organisation: string;
  sector: 'ngo' | 'government' | 'lawEnforcement' | 'un' | 'research' | 'business';
}

const SECTORS: RosterPerson['sector'][] = [
  'ngo',
  'government',
  'ngo',
  'un',
  'ngo',
  'lawEnforcement',
  'research',
  'ngo',
  'ngo',
  'government',
  'ngo',
  'business',
  'ngo',
  'un',
  'ngo',
  'research',
];

/** 137 distinct names, then 13 of them again (as another person), 150 in all. */
export function roster150(): RosterPerson[] {
  // every culture's given × family names, taken in turn, so each script runs through the list
  const lists = CULTURES.map((c) => c.family.flatMap((f) => c.given.map((g) => c.join(g, f))));
  const names: string[] = [];
  for (let i = 0; names.length < 137; i++)
    for (const list of lists) if (i < list.length && names.length < 137) names.push(list[i]!);
  const people: RosterPerson[] = names.map((name, i) => ({
    name,
    organisation: ORGANISATIONS[i % 16]!,
    sector: SECTORS[i % 16]!,
  }));
  // 13 shared names: twelve in another organisation, one in the same organisation.
  for (let d = 0; d < 13; d++) {
    const twin = people[d * 10 + 3]!;
    const org = d === 12 ? twin.organisation : ORGANISATIONS[(d * 10 + 3 + 5) % 16]!;
    people.push({ name: twin.name, organisation: org, sector: SECTORS[(d * 10 + 8) % 16]! });
  }
  return people;
}

/** The roster as the import takes it (name, organisation, sector). */
export function roster150Csv(): string {
  const q = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return `name,organisation,sector\n${roster150()
    .map((p) => [p.name, p.organisation, p.sector].map(q).join(','))
    .join('\n')}\n`;
}
