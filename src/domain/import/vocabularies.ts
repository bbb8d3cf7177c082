import { countryAliases, listCountries } from '../geo/countries.ts';
import {
  FORMS_OF_EXPLOITATION,
  LABOUR_SECTORS,
  LANGUAGES,
  POPULATIONS,
} from '../taxonomy/codes.ts';
import type { VocabEntry, Vocabulary } from './values.ts';
import { TAXONOMY_LABELS } from './labels.ts';

/**
 * Vocabularies an import matches values against, with the words people use for them. Labels are
 * the interface's own (English and Thai; a test checks they agree with the locale files), plus
 * synonyms from registration forms of the region's convenings.
 */

/** Participant sectors: the keys of contract/constants.ts PARTICIPANT_SECTORS. */
export const PARTICIPANT_SECTOR_WORDS: Record<string, { labels: string[]; synonyms: string[] }> = {
  ngo: {
    labels: ['NGO', 'องค์กรพัฒนาเอกชน'],
    synonyms: [
      'non-governmental organisation',
      'non-governmental organization',
      'non-profit',
      'nonprofit',
      'civil society',
      'CSO',
      'INGO',
      'international NGO',
      'local NGO',
      'community-based organisation',
      'CBO',
      'charity',
      'foundation',
      'เอ็นจีโอ',
      'ภาคประชาสังคม',
      'มูลนิธิ',
    ],
  },
  government: {
    labels: ['Government', 'หน่วยงานรัฐ'],
    synonyms: [
      'public sector',
      'ministry',
      'government agency',
      'national government',
      'local government',
      'state agency',
      'public authority',
      'social welfare',
      'ภาครัฐ',
      'รัฐบาล',
      'กระทรวง',
    ],
  },
  lawEnforcement: {
    labels: ['Law enforcement', 'หน่วยบังคับใช้กฎหมาย'],
    synonyms: [
      'police',
      'policing',
      'immigration police',
      'border police',
      'prosecution',
      'prosecutor',
      'public prosecutor',
      'law enforcement agency',
      'ตำรวจ',
      'อัยการ',
    ],
  },
  un: {
    labels: ['UN agency', 'หน่วยงานสหประชาชาติ'],
    synonyms: ['UN', 'United Nations', 'UN system', 'สหประชาชาติ'],
  },
  research: {
    labels: ['Research', 'งานวิจัย'],
    synonyms: [
      'academia',
      'academic',
      'university',
      'researcher',
      'research institute',
      'think tank',
      'มหาวิทยาลัย',
      'นักวิจัย',
      'วิชาการ',
    ],
  },
  survivorLed: {
    labels: ['Survivor-led group', 'กลุ่มที่นำโดยผู้รอดชีวิต'],
    synonyms: [
      'survivor-led',
      'survivor led organisation',
      'survivor network',
      'survivor',
      'lived experience',
    ],
  },
  faith: {
    labels: ['Faith-based', 'องค์กรศาสนา'],
    synonyms: [
      'faith-based organisation',
      'FBO',
      'church',
      'religious organisation',
      'mission',
      'temple',
      'ศาสนา',
    ],
  },
  business: {
    labels: ['Business', 'ภาคธุรกิจ'],
    synonyms: [
      'private sector',
      'company',
      'corporate',
      'industry',
      'trade union',
      'employer',
      'เอกชน',
      'บริษัท',
    ],
  },
  funder: {
    labels: ['Funder', 'แหล่งทุน'],
    synonyms: ['donor', 'foundation donor', 'grant maker', 'grantmaker', 'embassy donor', 'ผู้ให้ทุน'],
  },
  other: { labels: ['Other', 'อื่น ๆ'], synonyms: ['others', 'n/a'] },
};

export function sectorVocabulary(keys: readonly string[]): Vocabulary {
  return {
    id: 'sector',
    loose: true,
    entries: keys.map((key) => ({
      key,
      labels: PARTICIPANT_SECTOR_WORDS[key]?.labels ?? [],
      synonyms: PARTICIPANT_SECTOR_WORDS[key]?.synonyms ?? [],
    })),
  };
}

/**
 * Words for the default expertise groups (domain/taxonomy/issues.ts) beyond their labels: the
 * café issues each one covers and how forms name them. An event's renamed or added groups match
 * by their own key and label.
 */
const GROUP_SYNONYMS: Record<string, string[]> = {
  sexTrafficking: [
    'sexual exploitation',
    'child sex trafficking',
    'adult sex trafficking',
    'commercial sexual exploitation of children',
    'CSEC',
    'การค้าประเวณี',
    'การแสวงหาประโยชน์ทางเพศ',
  ],
  forcedMarriage: ['child marriage', 'early marriage', 'bride trafficking', 'การบังคับแต่งงาน'],
  forcedLabour: [
    'forced labor',
    'labour trafficking',
    'labor trafficking',
    'labour exploitation',
    'fishing',
    'fisheries',
    'construction',
    'forced labour in the fishing industry',
    'forced labour in the construction industry',
    'แรงงานบังคับ',
    'ประมง',
  ],
  domesticWorkers: ['domestic work', 'domestic servitude', 'แรงงานทำงานบ้าน'],
  migrantsRefugees: ['migrants', 'refugees', 'migration', 'stateless', 'แรงงานข้ามชาติ', 'ผู้ลี้ภัย'],
  policyLegal: [
    'policy',
    'legal',
    'law and policy',
    'policy and advocacy',
    'advocacy',
    'นโยบายและกฎหมาย',
  ],
};

export function expertiseVocabulary(groups: readonly { key: string; label: string }[]): Vocabulary {
  return {
    id: 'expertise',
    loose: true,
    entries: groups.map((g) => ({
      key: g.key,
      labels: [g.label],
      synonyms: GROUP_SYNONYMS[g.key] ?? [],
    })),
  };
}

/** Common names the ISO lists do not carry. */
const COUNTRY_SYNONYMS: Record<string, string[]> = {
  MM: ['Burma'],
  TH: ['ประเทศไทย', 'Siam'],
  LA: ['Laos', 'Lao PDR', 'Lao'],
  VN: ['Viet Nam'],
  TL: ['East Timor', 'Timor Leste'],
  KH: ['Kampuchea'],
  HK: ['Hong Kong SAR'],
  GB: ['UK', 'Great Britain', 'England'],
  US: ['USA', 'United States of America'],
};

let countries: Vocabulary | undefined;
export function countryVocabulary(): Vocabulary {
  countries ??= {
    id: 'country',
    entries: listCountries().map((c) => ({
      key: c.code,
      labels: countryAliases(c.code),
      synonyms: COUNTRY_SYNONYMS[c.code] ?? [],
    })),
  };
  return countries;
}

const LANGUAGE_SYNONYMS: Record<string, string[]> = {
  my: ['Myanmar', 'Burmese'],
  id: ['Bahasa Indonesia', 'Bahasa'],
  ms: ['Bahasa Melayu', 'Malaysian'],
  tl: ['Filipino', 'Tagalog', 'Pilipino'],
  th: ['ภาษาไทย'],
  zh: ['Mandarin', 'Chinese', 'Putonghua', 'Cantonese'],
  kar: ['Karen', 'Sgaw Karen'],
  shn: ['Shan'],
  rhg: ['Rohingya'],
  tet: ['Tetum', 'Tetun'],
  km: ['Cambodian'],
  lo: ['Laotian'],
};

let languages: Vocabulary | undefined;
export function languageVocabulary(): Vocabulary {
  if (languages) return languages;
  const en = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  const th = new Intl.DisplayNames(['th'], { type: 'language', fallback: 'none' });
  const entries: VocabEntry[] = LANGUAGES.map((code) => {
    let own: string | undefined;
    try {
      own = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
    } catch {
      own = undefined; // a code ICU has no locale for
    }
    return {
      key: code,
      labels: [en.of(code), th.of(code), own].filter((s): s is string => !!s && s !== code),
      synonyms: LANGUAGE_SYNONYMS[code] ?? [],
    };
  });
  languages = { id: 'language', entries };
  return languages;
}

/** Synonyms people write for the built-in codes, beyond the interface's labels. */
const TAXONOMY_SYNONYMS: Record<string, Record<string, string[]>> = {
  orgType: {
    NGO: ['non-profit', 'nonprofit', 'civil society', 'CSO', 'charity'],
    LawEnforcement: ['police'],
    CentralGovernmentOrganisation: ['government', 'ministry', 'national government'],
    LocalGovernmentOrganisation: ['municipality', 'provincial government'],
    ImmigrationService: ['immigration'],
    CorporateBusiness: ['company', 'private sector', 'corporate'],
    InternationalOrganisation: ['UN', 'UN agency', 'IGO', 'INGO'],
    FaithBased: ['faith', 'church', 'religious'],
    AcademicResearch: ['university', 'academic', 'research institute'],
    Funder: ['donor', 'foundation'],
  },
  visibility: {
    organisation: ['private', 'own organisation', 'organisation only'],
    coalition: ['members', 'coalition members'],
  },
};

/**
 * A built-in code list (organisation types, kinds of work, forms of exploitation…) as a
 * vocabulary: each code by itself, its English and Thai labels, and common synonyms.
 */
export function taxonomyVocabulary(id: string, codes: readonly string[]): Vocabulary {
  const labels = TAXONOMY_LABELS[id] ?? {};
  return {
    id,
    loose: true,
    entries: codes.map((key) => ({
      key,
      labels: labels[key] ?? [],
      synonyms: TAXONOMY_SYNONYMS[id]?.[key] ?? [],
    })),
  };
}

/** The tags routes and café cards share: forms of exploitation, labour sectors, populations. */
export function tagVocabularies(): Record<'form' | 'labourSector' | 'population', Vocabulary> {
  return {
    form: taxonomyVocabulary('form', FORMS_OF_EXPLOITATION),
    labourSector: taxonomyVocabulary('labourSector', LABOUR_SECTORS),
    population: taxonomyVocabulary('population', POPULATIONS),
  };
}
