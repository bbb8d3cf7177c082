/**
 * The default café issues' and expertise groups' names in every language of the factor vocabulary
 * (en th vi id tl zh km my). An event copies the English names; one it has not renamed is written
 * in the reader's language (a report, the public spectrum), one a facilitator renamed stays as
 * written — the facilitator's words are not translated.
 */
import { DEFAULT_CAFE_ISSUES, DEFAULT_EXPERTISE_GROUPS } from './issues.ts';

type Names = Readonly<Record<string, Readonly<Record<string, string>>>>;

const FORCED_MARRIAGE = {
  th: 'การบังคับแต่งงาน',
  vi: 'Cưỡng ép kết hôn',
  id: 'Perkawinan paksa',
  tl: 'Sapilitang pag-aasawa',
  zh: '强迫婚姻',
  km: 'ការរៀបការដោយបង្ខំ',
  my: 'အတင်းအဓမ္မ လက်ထပ်ခြင်း',
};
const DOMESTIC_WORKERS = {
  th: 'แรงงานทำงานบ้าน',
  vi: 'Lao động giúp việc gia đình',
  id: 'Pekerja rumah tangga',
  tl: 'Mga kasambahay',
  zh: '家政工人',
  km: 'កម្មករតាមផ្ទះ',
  my: 'အိမ်အကူလုပ်သားများ',
};
const POLICY_AND_LEGAL = {
  th: 'นโยบายและกฎหมาย',
  vi: 'Chính sách và pháp luật',
  id: 'Kebijakan dan hukum',
  tl: 'Patakaran at batas',
  zh: '政策与法律',
  km: 'គោលនយោបាយ និងច្បាប់',
  my: 'မူဝါဒနှင့် ဥပဒေ',
};

/** Issue key → language → name (English is the definition's own label). */
export const ISSUE_NAMES: Names = {
  childSexTrafficking: {
    th: 'การค้ามนุษย์ทางเพศที่เป็นเด็ก',
    vi: 'Mua bán trẻ em vì mục đích tình dục',
    id: 'Perdagangan anak untuk eksploitasi seksual',
    tl: 'Sex trafficking ng mga bata',
    zh: '儿童性贩运',
    km: 'ការជួញដូរកុមារដើម្បីកេងប្រវ័ញ្ចផ្លូវភេទ',
    my: 'ကလေးများကို လိင်ပိုင်းဆိုင်ရာ လူကုန်ကူးမှု',
  },
  adultSexTrafficking: {
    th: 'การค้ามนุษย์ทางเพศที่เป็นผู้ใหญ่',
    vi: 'Mua bán người trưởng thành vì mục đích tình dục',
    id: 'Perdagangan orang dewasa untuk eksploitasi seksual',
    tl: 'Sex trafficking ng mga nasa hustong gulang',
    zh: '成人性贩运',
    km: 'ការជួញដូរមនុស្សពេញវ័យដើម្បីកេងប្រវ័ញ្ចផ្លូវភេទ',
    my: 'အရွယ်ရောက်သူများကို လိင်ပိုင်းဆိုင်ရာ လူကုန်ကူးမှု',
  },
  forcedMarriage: FORCED_MARRIAGE,
  forcedLabourFishing: {
    th: 'แรงงานบังคับในอุตสาหกรรมประมง',
    vi: 'Lao động cưỡng bức trong ngành đánh bắt cá',
    id: 'Kerja paksa di industri perikanan',
    tl: 'Sapilitang paggawa sa industriya ng pangingisda',
    zh: '渔业强迫劳动',
    km: 'ពលកម្មដោយបង្ខំក្នុងឧស្សាហកម្មនេសាទ',
    my: 'ငါးဖမ်းလုပ်ငန်းတွင် အဓမ္မလုပ်အားပေးခိုင်းစေမှု',
  },
  forcedLabourConstruction: {
    th: 'แรงงานบังคับในอุตสาหกรรมก่อสร้าง',
    vi: 'Lao động cưỡng bức trong ngành xây dựng',
    id: 'Kerja paksa di industri konstruksi',
    tl: 'Sapilitang paggawa sa industriya ng konstruksyon',
    zh: '建筑业强迫劳动',
    km: 'ពលកម្មដោយបង្ខំក្នុងឧស្សាហកម្មសំណង់',
    my: 'ဆောက်လုပ်ရေးလုပ်ငန်းတွင် အဓမ္မလုပ်အားပေးခိုင်းစေမှု',
  },
  domesticWorkers: DOMESTIC_WORKERS,
  migrants: {
    th: 'ผู้ย้ายถิ่น',
    vi: 'Người di cư',
    id: 'Migran',
    tl: 'Mga migrante',
    zh: '移民',
    km: 'ជនចំណាកស្រុក',
    my: 'ရွှေ့ပြောင်းသူများ',
  },
  refugees: {
    th: 'ผู้ลี้ภัย',
    vi: 'Người tị nạn',
    id: 'Pengungsi',
    tl: 'Mga refugee',
    zh: '难民',
    km: 'ជនភៀសខ្លួន',
    my: 'ဒုက္ခသည်များ',
  },
  policyAndLegal: POLICY_AND_LEGAL,
};

/** Expertise group key → language → name. */
export const GROUP_NAMES: Names = {
  sexTrafficking: {
    th: 'การค้ามนุษย์ทางเพศ',
    vi: 'Mua bán người vì mục đích tình dục',
    id: 'Perdagangan orang untuk eksploitasi seksual',
    tl: 'Sex trafficking',
    zh: '性贩运',
    km: 'ការជួញដូរមនុស្សដើម្បីកេងប្រវ័ញ្ចផ្លូវភេទ',
    my: 'လိင်ပိုင်းဆိုင်ရာ လူကုန်ကူးမှု',
  },
  forcedMarriage: FORCED_MARRIAGE,
  forcedLabour: {
    th: 'แรงงานบังคับ (ประมงและก่อสร้าง)',
    vi: 'Lao động cưỡng bức (đánh bắt cá và xây dựng)',
    id: 'Kerja paksa (perikanan dan konstruksi)',
    tl: 'Sapilitang paggawa (pangingisda at konstruksyon)',
    zh: '强迫劳动（渔业和建筑业）',
    km: 'ពលកម្មដោយបង្ខំ (នេសាទ និងសំណង់)',
    my: 'အဓမ္မလုပ်အားပေးခိုင်းစေမှု (ငါးဖမ်းနှင့် ဆောက်လုပ်ရေး)',
  },
  domesticWorkers: DOMESTIC_WORKERS,
  migrantsRefugees: {
    th: 'ผู้ย้ายถิ่นและผู้ลี้ภัย',
    vi: 'Người di cư và người tị nạn',
    id: 'Migran dan pengungsi',
    tl: 'Mga migrante at refugee',
    zh: '移民和难民',
    km: 'ជនចំណាកស្រុក និងជនភៀសខ្លួន',
    my: 'ရွှေ့ပြောင်းသူများနှင့် ဒုက္ခသည်များ',
  },
  policyLegal: POLICY_AND_LEGAL,
};

function localName(
  defaults: readonly { key: string; label: string }[],
  names: Names,
  item: { key: string; label: string },
  language: string,
): string {
  const d = defaults.find((x) => x.key === item.key);
  // Renamed by the event: the facilitator's words stand in every language.
  if (!d || d.label !== item.label) return item.label;
  return names[item.key]?.[language] ?? item.label;
}

/** An event's café issue by name in `language`: a default one translated, a renamed one as written. */
export const issueName = (issue: { key: string; label: string }, language: string): string =>
  localName(DEFAULT_CAFE_ISSUES, ISSUE_NAMES, issue, language);

/** An event's expertise group by name in `language` (as `issueName`). */
export const groupName = (group: { key: string; label: string }, language: string): string =>
  localName(DEFAULT_EXPERTISE_GROUPS, GROUP_NAMES, group, language);

/** A default café issue's name by key alone (the public spectrum), English when unknown. */
export function defaultIssueName(key: string, language: string): string | null {
  const d = DEFAULT_CAFE_ISSUES.find((x) => x.key === key);
  return d ? issueName(d, language) : null;
}
