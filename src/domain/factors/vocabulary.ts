/**
 * The default factor vocabulary of a new coalition (shared reference `factors.md`): push factors
 * (what leaves people vulnerable) and consequences (what trafficking does to people, families and
 * communities). Ids are stable and never change; everything else is the coalition's to edit.
 *
 * Keywords are written the way café cards are written: short phrases, slang, abbreviations and
 * the common misspellings or unaccented spellings. One string per language, phrases separated by
 * `|`. Languages: en English, th Thai, vi Vietnamese, id Indonesian and Malay, tl Tagalog/Filipino,
 * zh Chinese (simplified, with traditional where it differs), km Khmer, my Burmese.
 */
import { DEFAULT_LABELS } from './labels.ts';

export const FACTOR_LANGUAGES = ['en', 'th', 'vi', 'id', 'tl', 'zh', 'km', 'my'] as const;
export type FactorLanguage = (typeof FACTOR_LANGUAGES)[number];

/** A card's kind and the factor kind it suggests: push factors are causes, harms consequences. */
export type FactorKind = 'cause' | 'consequence';

export interface FactorDefinition {
  /** Stable id, e.g. `push.debt`; never renamed (exports and other coalitions compare on it). */
  id: string;
  kind: FactorKind;
  /** English label; other languages in `labels`. */
  label: string;
  description: string;
  /** Labels in languages other than English. */
  labels?: Partial<Record<FactorLanguage, string>>;
  /** Descriptions in languages other than English. */
  descriptions?: Partial<Record<FactorLanguage, string>>;
  /** Nearest standard codes for export (HTCDS, ILO indicator numbers). */
  codes: string[];
  /** Keywords and synonyms per language. */
  keywords: Partial<Record<FactorLanguage, string[]>>;
}

type Raw = [
  id: string,
  label: string,
  description: string,
  codes: string[],
  keywords: Partial<Record<FactorLanguage, string>>,
];

const PUSH: Raw[] = [
  [
    'push.poverty',
    'Poverty',
    'household poverty, no income, hunger, landlessness',
    ['HTCDS:Poverty'],
    {
      en: 'poverty|poor|poor family|very poor|no money|no income|low income|hunger|hungry|not enough food|landless|no land|broke|cannot afford|cant afford food|financial hardship|poverty trap',
      th: 'ยากจน|จน|ความยากจน|ครอบครัวยากจน|ไม่มีเงิน|ไม่มีตังค์|ไม่มีตัง|รายได้น้อย|รายได้ต่ำ|ไม่พอกิน|อดอยาก|หิว|ไม่มีที่ดิน|ไม่มีที่ทำกิน|ฐานะยากจน|ลำบาก',
      vi: 'nghèo|nghèo đói|đói nghèo|hộ nghèo|gia đình nghèo|đói|thiếu ăn|không có tiền|ko có tiền|k có tiền|hết tiền|thu nhập thấp|không có đất|không có ruộng|khó khăn kinh tế|túng thiếu',
      id: 'miskin|kemiskinan|keluarga miskin|tidak punya uang|tdk punya uang|gak punya duit|ga ada duit|tak ada duit|tiada wang|kelaparan|lapar|kurang makan|tidak punya tanah|tak ada tanah|penghasilan rendah|berpendapatan rendah|susah ekonomi',
      tl: 'kahirapan|mahirap|mahirap na pamilya|walang pera|walang pambili|gutom|nagugutom|walang makain|walang lupa|mababang kita|maliit na kita|hirap sa buhay|dukha|isang kahig isang tuka',
      zh: '贫困|贫穷|貧窮|穷|窮|家里穷|家庭贫困|没钱|沒錢|没有钱|饥饿|挨饿|吃不饱|没有土地|无地|收入低|低收入|生活困难|经济困难',
      km: 'ភាពក្រីក្រ|ក្រីក្រ|ក្រ|គ្រួសារក្រីក្រ|គ្មានលុយ|អត់លុយ|គ្មានប្រាក់|ឃ្លាន|អត់បាយ|ខ្វះស្បៀង|គ្មានដី|អត់ដី|ចំណូលទាប|ជីវភាពលំបាក',
      my: 'ဆင်းရဲ|ဆင်းရဲမှု|ဆင်းရဲနွမ်းပါး|ပိုက်ဆံမရှိ|ငွေမရှိ|ငတ်|ငတ်မွတ်|စားစရာမရှိ|ဝင်ငွေနည်း|ဝင်ငွေမရှိ|မြေမရှိ|လယ်မြေမရှိ|စီးပွားရေးကျပ်တည်း|မိသားစုဆင်းရဲ',
    },
  ],
  [
    'push.unemployment',
    'No decent work nearby',
    'lack of jobs or livelihoods at home, seasonal work, failed harvests as loss of income',
    [],
    {
      en: 'no jobs|no job|no work|unemployment|unemployed|jobless|lack of jobs|no livelihood|no jobs in village|seasonal work|only seasonal|crop failure|failed harvest|bad harvest|no work at home|low wages at home|factory closed|laid off',
      th: 'ไม่มีงาน|ไม่มีงานทำ|ตกงาน|ว่างงาน|หางานไม่ได้|งานหายาก|ไม่มีอาชีพ|งานตามฤดูกาล|ทำนาไม่ได้ผล|ผลผลิตเสียหาย|ค่าแรงต่ำ|โรงงานปิด|ถูกเลิกจ้าง|ในหมู่บ้านไม่มีงาน',
      vi: 'thất nghiệp|không có việc|không có việc làm|ko có việc|thiếu việc làm|không có việc ở quê|việc làm thời vụ|làm thời vụ|mất mùa|mất việc|bị sa thải|lương thấp|không có nghề',
      id: 'pengangguran|menganggur|tidak ada kerja|tdk ada kerjaan|gak ada kerjaan|susah cari kerja|lapangan kerja sedikit|kurang lapangan kerja|tiada kerja|kerja musiman|gagal panen|panen gagal|di-phk|kena phk|upah rendah',
      tl: 'walang trabaho|kawalan ng trabaho|walang hanapbuhay|tambay|mahirap maghanap ng trabaho|walang mapasukan|pana-panahong trabaho|seasonal na trabaho|nasira ang ani|walang ani|natanggal sa trabaho|mababang sahod|kontraktwal',
      zh: '没有工作|沒有工作|没工作|找不到工作|失业|失業|无业|就业机会少|没有就业机会|季节性工作|季节工|农活没收入|歉收|收成不好|庄稼歉收|被裁员|工资低|家乡没工作',
      km: 'គ្មានការងារ|អត់ការងារ|អត់ការងារធ្វើ|គ្មានការងារធ្វើ|អត់ការងារ|ភាពអត់ការងារធ្វើ|រកការងារពិបាក|ការងាររដូវកាល|ស្រែខូច|ដំណាំខូច|បាត់បង់ការងារ|ប្រាក់ឈ្នួលទាប|នៅភូមិគ្មានការងារ',
      my: 'အလုပ်မရှိ|အလုပ်လက်မဲ့|အလုပ်ရှာမရ|အလုပ်အကိုင်မရှိ|အလုပ်အကိုင်ရှားပါး|ရာသီအလုပ်|ကောက်ပဲသီးနှံပျက်|သီးနှံပျက်စီး|အလုပ်ပြုတ်|လုပ်ခနည်း|ရွာမှာအလုပ်မရှိ',
    },
  ],
  [
    'push.debt',
    'Debt',
    'loans, money owed to brokers, moneylenders, recruitment fees paid by borrowing',
    ['HTCDS:DebtBondage', 'ILO:9'],
    {
      en: 'debt|debts|in debt|owe money|owes money|owing|loan|loans|borrowed money|borrowing|loan shark|moneylender|money lender|high interest|interest rate|microfinance loan|mortgaged land|pawned|family debt',
      th: 'หนี้|หนี้สิน|เป็นหนี้|ติดหนี้|หนี้นอกระบบ|เงินกู้|กู้เงิน|กู้ยืม|ยืมเงิน|ดอกเบี้ย|ดอกเบี้ยสูง|เจ้าหนี้|นายทุนเงินกู้|จำนองที่ดิน|หนี้ครอบครัว',
      vi: 'nợ|nợ nần|mắc nợ|vay|vay tiền|vay nợ|vay nặng lãi|tín dụng đen|lãi suất cao|lãi cao|chủ nợ|cầm cố|cầm đất|nợ ngân hàng|nợ gia đình|nợ nan',
      id: 'hutang|utang|berhutang|terlilit utang|terjerat utang|pinjaman|pinjam uang|pinjol|pinjaman online|rentenir|lintah darat|bunga tinggi|gadai|menggadaikan tanah|hutang keluarga|along',
      tl: 'utang|may utang|baon sa utang|lubog sa utang|pautang|nangutang|umutang|five-six|5-6|bumbay|usurero|mataas na interes|patubo|sangla|isinangla ang lupa',
      zh: '债务|債務|欠债|欠債|负债|欠钱|欠錢|借钱|借款|贷款|贷|高利贷|高利貸|利息高|网贷|债主|抵押土地|家里欠债',
      km: 'បំណុល|ជំពាក់|ជំពាក់លុយ|ជំពាក់បំណុល|ខ្ចីលុយ|ខ្ចីប្រាក់|កម្ចី|ការប្រាក់|ការប្រាក់ខ្ពស់|មីក្រូហិរញ្ញវត្ថុ|ម៉ៃក្រូ|ធនាគារ|បញ្ចាំដី|ម្ចាស់បំណុល|បំណុលគ្រួសារ',
      my: 'အကြွေး|ကြွေး|ကြွေးမြီ|အကြွေးတင်|ကြွေးတင်|ချေးငွေ|ငွေချေး|အတိုးကြီး|အတိုးနှုန်းမြင့်|အတိုးချေး|ကြွေးရှင်|မြေပေါင်|ပေါင်နှံ|မိသားစုအကြွေး',
    },
  ],
  [
    'push.education',
    'Little schooling',
    'dropping out, illiteracy, no access to school',
    ['HTCDS:Education'],
    {
      en: 'no education|little schooling|low education|dropped out|drop out|dropout|left school|school dropout|illiterate|illiteracy|cannot read|cant read|no school|no access to school|school too far|primary only|uneducated',
      th: 'การศึกษาน้อย|ไม่ได้เรียน|ไม่ได้เรียนหนังสือ|ออกจากโรงเรียน|ออกกลางคัน|เรียนไม่จบ|อ่านไม่ออก|เขียนไม่ได้|ไม่รู้หนังสือ|โรงเรียนไกล|จบแค่ป.6|การศึกษาต่ำ',
      vi: 'ít học|học vấn thấp|trình độ thấp|bỏ học|nghỉ học|thôi học|mù chữ|không biết chữ|không được đi học|ko đi học|trường xa|chỉ học hết cấp 1|thiếu giáo dục',
      id: 'pendidikan rendah|putus sekolah|tidak sekolah|gak sekolah|tak sekolah|berhenti sekolah|buta huruf|tidak bisa membaca|tak boleh membaca|sekolah jauh|cuma lulus sd|tamat sd|kurang pendidikan|keciciran',
      tl: 'hindi nakapag-aral|hindi nakapagaral|huminto sa pag-aaral|tumigil sa pag-aaral|out of school|di marunong magbasa|hindi marunong bumasa|mangmang|malayo ang paaralan|elementarya lang|mababang edukasyon|walang pinag-aralan',
      zh: '教育程度低|文化程度低|没上学|没读书|沒讀書|辍学|輟學|退学|失学|文盲|不识字|不會讀寫|学校太远|只读到小学|小学毕业|受教育少',
      km: 'ការអប់រំទាប|កម្រិតវប្បធម៌ទាប|បោះបង់ការសិក្សា|ឈប់រៀន|មិនបានរៀន|អត់បានរៀន|មិនចេះអក្សរ|អក្ខរកម្ម|សាលារៀនឆ្ងាយ|រៀនត្រឹមបឋម|គ្មានការអប់រំ',
      my: 'ပညာမတတ်|ပညာနည်း|ပညာရေးနိမ့်|ကျောင်းထွက်|ကျောင်းမနေရ|ကျောင်းမတက်ရ|စာမတတ်|စာမဖတ်တတ်|ကျောင်းဝေး|မူလတန်းပဲ|ပညာရေးအခွင့်အရေးမရှိ',
    },
  ],
  [
    'push.awareness',
    'Not knowing rights or safe routes',
    'no information on safe migration, rights, hotlines, contracts',
    [],
    {
      en: 'no information|lack of information|lack of awareness|unaware|dont know rights|not knowing rights|no knowledge of rights|no info on safe migration|safe migration|dont know hotline|no hotline|didnt read contract|contract not understood|naive|trusting|no awareness of risks|misinformation',
      th: 'ขาดข้อมูล|ไม่มีข้อมูล|ไม่รู้สิทธิ|ไม่รู้กฎหมาย|ไม่รู้ช่องทาง|ไม่รู้ว่าย้ายถิ่นปลอดภัย|การย้ายถิ่นที่ปลอดภัย|ไม่รู้สายด่วน|อ่านสัญญาไม่เข้าใจ|ไม่เข้าใจสัญญา|รู้เท่าไม่ถึงการณ์|หลงเชื่อ|ไม่รู้ความเสี่ยง',
      vi: 'thiếu thông tin|không có thông tin|thiếu hiểu biết|không biết quyền|ko biết quyền lợi|không biết pháp luật|di cư an toàn|không biết đường dây nóng|không hiểu hợp đồng|ko đọc hợp đồng|nhẹ dạ cả tin|cả tin|nhận thức thấp|không biết rủi ro',
      id: 'kurang informasi|tidak ada informasi|kurang sosialisasi|tidak tahu hak|gak tahu hak|tak tahu hak|migrasi aman|tidak tahu hotline|tidak paham kontrak|tdk baca kontrak|mudah percaya|polos|kurang kesadaran|tidak tahu risiko',
      tl: 'kulang sa impormasyon|walang impormasyon|hindi alam ang karapatan|di alam karapatan|walang kaalaman|ligtas na migrasyon|hindi alam ang hotline|hindi naintindihan ang kontrata|di binasa kontrata|madaling maniwala|inosente|kulang sa kamalayan|hindi alam ang panganib',
      zh: '缺乏信息|信息不足|资讯不足|不了解权利|不知道自己的权利|不懂法律|法律意识薄弱|安全移民|不知道热线|看不懂合同|合同看不懂|没看合同|轻信|太天真|缺乏意识|不知道风险',
      km: 'ខ្វះព័ត៌មាន|គ្មានព័ត៌មាន|មិនដឹងពីសិទ្ធិ|មិនស្គាល់សិទ្ធិ|អត់ដឹងច្បាប់|ចំណាកស្រុកសុវត្ថិភាព|មិនដឹងលេខទូរស័ព្ទបន្ទាន់|មិនយល់កិច្ចសន្យា|ជឿងាយ|ខ្វះការយល់ដឹង|មិនដឹងពីហានិភ័យ',
      my: 'သတင်းအချက်အလက်မရှိ|အချက်အလက်မသိ|အခွင့်အရေးမသိ|ဥပဒေမသိ|ဘေးကင်းသောရွှေ့ပြောင်း|ဘေးကင်းလုံခြုံစွာ|ဟော့လိုင်းမသိ|စာချုပ်နားမလည်|စာချုပ်မဖတ်|လွယ်လွယ်ယုံ|အသိပညာနည်း|အန္တရာယ်မသိ',
    },
  ],
  [
    'push.legal_status',
    'No legal status or papers',
    'statelessness, no birth registration, irregular migrants, expired visas',
    ['HTCDS:Migration'],
    {
      en: 'no papers|without papers|w/o papers|undocumented|undoc|no documents|no id|no id card|no passport|stateless|statelessness|no nationality|no citizenship|no birth certificate|no birth registration|irregular migrant|illegal migrant|overstay|overstayed|expired visa|visa expired|no work permit',
      th: 'ไม่มีเอกสาร|ไม่มีบัตร|ไม่มีบัตรประชาชน|ไร้สัญชาติ|ไม่มีสัญชาติ|คนไร้รัฐ|ไม่มีสูติบัตร|ไม่ได้แจ้งเกิด|แรงงานผิดกฎหมาย|ลักลอบเข้าเมือง|เข้าเมืองผิดกฎหมาย|วีซ่าหมดอายุ|อยู่เกินวีซ่า|ไม่มีใบอนุญาตทำงาน|ไม่มีพาสปอร์ต',
      vi: 'không giấy tờ|ko giấy tờ|không có giấy tờ|không có cmnd|không có căn cước|không quốc tịch|vô quốc tịch|không có giấy khai sinh|chưa làm khai sinh|di cư bất hợp pháp|lao động chui|nhập cư trái phép|quá hạn visa|visa hết hạn|không có giấy phép lao động|không có hộ chiếu',
      id: 'tidak berdokumen|tanpa dokumen|tdk ada dokumen|tidak punya ktp|tak ada ic|tiada dokumen|tanpa kewarganegaraan|tidak punya kewarganegaraan|tak ada kerakyatan|tidak punya akta lahir|tiada sijil lahir|pekerja migran ilegal|pati|pendatang asing tanpa izin|imigran gelap|overstay|visa habis|permit habis|tidak punya izin kerja|tak ada permit|tidak punya paspor',
      tl: 'walang papeles|walang dokumento|walang id|walang pasaporte|walang nasyonalidad|stateless|walang birth certificate|hindi rehistrado ang kapanganakan|tnt|tago nang tago|iligal na migrante|undocumented|overstay|expired na visa|paso ang visa|walang work permit',
      zh: '没有证件|無證件|没证件|无证|黑户|没有身份证|无身份证|无国籍|無國籍|没有国籍|没有出生证明|没上户口|非法移民|非法劳工|黑工|逾期居留|签证过期|簽證過期|没有工作许可|没有护照',
      km: 'គ្មានឯកសារ|អត់ឯកសារ|គ្មានអត្តសញ្ញាណប័ណ្ណ|អត់អត្តសញ្ញាណប័ណ្ណ|គ្មានសញ្ជាតិ|អត់សញ្ជាតិ|គ្មានសំបុត្រកំណើត|មិនបានចុះសំបុត្រកំណើត|ចំណាកស្រុកខុសច្បាប់|ពលករខុសច្បាប់|ឆ្លងដែនខុសច្បាប់|ទិដ្ឋាការផុតកំណត់|វីសាផុតកំណត់|គ្មានលិខិតអនុញ្ញាតការងារ|គ្មានលិខិតឆ្លងដែន|អត់ប៉ាស្ព័រ',
      my: 'စာရွက်စာတမ်းမရှိ|မှတ်ပုံတင်မရှိ|မှတ်ပုံတင်မရ|နိုင်ငံမဲ့|နိုင်ငံသားမဟုတ်|မွေးစာရင်းမရှိ|မွေးစာရင်းမပေါက်|တရားမဝင်ရွှေ့ပြောင်း|တရားမဝင်အလုပ်သမား|တရားမဝင်ဝင်ရောက်|ဗီဇာကုန်|ဗီဇာသက်တမ်းကုန်|အလုပ်ပါမစ်မရှိ|ပါမစ်မရှိ|ပတ်စ်ပို့မရှိ|ပတ်စပို့မရှိ',
    },
  ],
  [
    'push.migration_policy',
    'Few safe legal pathways',
    'costly or closed legal migration, restrictive visas, tied work permits',
    [],
    {
      en: 'legal migration too expensive|costly legal migration|legal route too slow|no legal pathway|no legal channel|few legal pathways|restrictive visa|visa too hard|closed borders|border closed|tied visa|tied work permit|kafala|employer tied permit|quota|mou process too slow|paperwork too long|official channel expensive',
      th: 'ช่องทางถูกกฎหมายแพง|ไปแบบถูกกฎหมายแพง|ขั้นตอนยุ่งยาก|เอกสารเยอะ|ทำเอ็มโอยูช้า|เอ็มโอยูแพง|mou แพง|นโยบายวีซ่าเข้มงวด|ปิดชายแดน|ใบอนุญาตผูกกับนายจ้าง|เปลี่ยนนายจ้างไม่ได้|โควต้าแรงงาน|ไม่มีช่องทางถูกกฎหมาย',
      vi: 'đi hợp pháp quá đắt|chi phí xuất khẩu lao động cao|thủ tục phức tạp|thủ tục rườm rà|giấy tờ lâu|không có kênh hợp pháp|visa khó|chính sách visa chặt|đóng cửa biên giới|giấy phép gắn với chủ|không được đổi chủ|hạn ngạch|đi chính ngạch đắt',
      id: 'jalur resmi mahal|biaya resmi mahal|prosedur rumit|urus dokumen lama|birokrasi|tidak ada jalur legal|visa sulit|aturan visa ketat|perbatasan ditutup|izin kerja terikat majikan|tidak boleh ganti majikan|tak boleh tukar majikan|kuota|moratorium|jalur resmi lama',
      tl: 'mahal ang legal na proseso|mahal ang placement|matagal ang proseso|maraming papeles|walang legal na daan|mahirap kumuha ng visa|mahigpit na visa|sarado ang border|nakatali sa employer ang permit|bawal lumipat ng amo|kafala|kota|deployment ban|masyadong mahaba ang proseso',
      zh: '合法渠道太贵|正规出国太贵|手续复杂|手续繁琐|办证太慢|没有合法途径|合法途径少|签证难办|签证政策严格|边境关闭|封关|工作许可绑定雇主|不能换雇主|配额|劳务输出费用高',
      km: 'ផ្លូវស្របច្បាប់ថ្លៃ|ទៅតាមផ្លូវច្បាប់ថ្លៃ|នីតិវិធីស្មុគស្មាញ|ឯកសារច្រើន|ធ្វើឯកសារយូរ|ម៉ូយូយឺត|អេមអូយូថ្លៃ|គ្មានផ្លូវស្របច្បាប់|ទិដ្ឋាការពិបាក|បិទព្រំដែន|លិខិតអនុញ្ញាតភ្ជាប់នឹងនិយោជក|ប្តូរថៅកែមិនបាន|កូតា',
      my: 'တရားဝင်လမ်းကြောင်းဈေးကြီး|တရားဝင်သွားဖို့ဈေးကြီး|လုပ်ငန်းစဉ်ရှုပ်|စာရွက်စာတမ်းများ|အချိန်ကြာ|အမ်အိုယူ|MOU ကြာ|တရားဝင်လမ်းကြောင်းမရှိ|ဗီဇာရဖို့ခက်|နယ်စပ်ပိတ်|အလုပ်ရှင်နဲ့ချိတ်ထားသောပါမစ်|အလုပ်ရှင်ပြောင်းလို့မရ|ကိုတာ',
    },
  ],
  [
    'push.recruiters',
    'Unregulated recruiters and brokers',
    'agents in the village, fake agencies, false job offers, recruitment fees',
    ['HTCDS:FalsePromises', 'ILO:2'],
    {
      en: 'broker|brokers|agent|agents|recruiter|recruiters|middleman|fake agency|illegal agency|unlicensed agency|false job offer|fake job|job offer abroad|promised good job|false promises|lied about job|recruitment fee|placement fee|agent fee|village agent|sub-agent|sponsor|deceptive recruitment',
      th: 'นายหน้า|นายหน้าเถื่อน|สาย|คนชักชวน|เอเย่นต์|บริษัทจัดหางานเถื่อน|จัดหางานปลอม|หลอกไปทำงาน|หลอกว่าได้งานดี|สัญญาว่าจะได้งาน|งานปลอม|ค่านายหน้า|ค่าหัว|ค่าหางาน|นายหน้าในหมู่บ้าน',
      vi: 'môi giới|cò|cò mồi|người môi giới|công ty môi giới|công ty ma|công ty không phép|lừa đi làm|hứa việc nhẹ lương cao|việc nhẹ lương cao|lời hứa giả|tuyển dụng lừa đảo|phí môi giới|tiền môi giới|phí tuyển dụng|cò đất|đầu nậu',
      id: 'calo|sponsor|tekong|agen|agensi|perekrut|pt abal-abal|pt ilegal|agensi haram|agen tidak berizin|tawaran kerja palsu|lowongan palsu|dijanjikan kerja enak|janji gaji besar|dibohongi agen|biaya penempatan|potongan gaji agen|fee agen|calo desa|tekong darat',
      tl: 'recruiter|ahente|ahensya|illegal recruiter|pekeng ahensya|walang lisensyang ahensya|illegal na ahensya|pekeng trabaho|pangakong magandang trabaho|pinangakuan ng trabaho|niloko ng ahente|placement fee|bayad sa ahente|bugaw|padrino|kapitbahay na recruiter',
      zh: '中介|黑中介|蛇头|蛇頭|招工的人|招聘人员|劳务公司|假中介|非法中介|无牌中介|虚假招聘|假工作|骗去打工|承诺高薪|高薪诱骗|中介费|招聘费|介绍费|村里的中介',
      km: 'មេខ្យល់|ឈ្មួញកណ្ដាល|ភ្នាក់ងារ|ក្រុមហ៊ុនជ្រើសរើស|ក្រុមហ៊ុនក្លែងក្លាយ|ក្រុមហ៊ុនខុសច្បាប់|ការងារក្លែងក្លាយ|បោកប្រាស់ឲ្យទៅធ្វើការ|សន្យាការងារល្អ|ប្រាក់ខែខ្ពស់|ថ្លៃឈ្មួញ|ថ្លៃមេខ្យល់|ថ្លៃសេវាជ្រើសរើស|មេខ្យល់ក្នុងភូមិ',
      my: 'ပွဲစား|အေးဂျင့်|အေဂျင့်|အလုပ်အကိုင်အေဂျင်စီ|တရားမဝင်အေဂျင်စီ|အေဂျင်စီအတု|အလုပ်အတု|အလုပ်ကောင်းကတိ|လစာကောင်းကတိ|လိမ်ခေါ်|ပွဲခ|အေးဂျင့်ခ|ခေါ်ခ|ရွာကပွဲစား',
    },
  ],
  [
    'push.family_violence',
    'Violence or abuse at home',
    'domestic violence, child abuse, neglect',
    ['HTCDS:AbusePhysical'],
    {
      en: 'domestic violence|dv|violence at home|abuse at home|abusive father|abusive stepfather|beaten at home|child abuse|sexual abuse at home|incest|neglect|neglected child|ran away from home|runaway|violent husband|drunk father hits',
      th: 'ความรุนแรงในครอบครัว|ถูกทำร้ายที่บ้าน|พ่อทำร้าย|พ่อเลี้ยงทำร้าย|ผัวตี|สามีทำร้าย|ถูกทารุณกรรม|ทารุณเด็ก|ล่วงละเมิดทางเพศในบ้าน|ถูกทอดทิ้ง|ละเลย|หนีออกจากบ้าน|เด็กหนีบ้าน|พ่อขี้เมาตี',
      vi: 'bạo lực gia đình|bạo hành|bị đánh ở nhà|chồng đánh|bố đánh|cha dượng|bạo hành trẻ em|xâm hại tình dục|bị xâm hại|bị bỏ rơi|bỏ bê|bỏ nhà đi|trốn nhà|bố say rượu đánh|blgđ',
      id: 'kdrt|kekerasan dalam rumah tangga|kekerasan di rumah|dipukul di rumah|dipukul bapak|ayah tiri|suami kasar|dipukuli suami|kekerasan anak|pelecehan seksual di rumah|inses|diabaikan|ditelantarkan|kabur dari rumah|lari dari rumah|bapa pukul|keganasan rumah tangga',
      tl: 'karahasan sa tahanan|pang-aabuso sa bahay|binubugbog sa bahay|binubugbog ng asawa|binubugbog ng tatay|amain|pang-aabuso sa bata|sexual abuse sa bahay|inabuso|pinabayaan|napabayaan|lumayas sa bahay|naglayas|lasing na tatay nananakit|vawc',
      zh: '家暴|家庭暴力|在家被打|父亲打|继父|丈夫打|老公打|虐待儿童|虐童|家中性侵|性侵|乱伦|被忽视|被遗弃|疏于照顾|离家出走|逃离家庭|酒鬼父亲打人',
      km: 'អំពើហិង្សាក្នុងគ្រួសារ|ហិង្សាក្នុងគ្រួសារ|ត្រូវប្តីវាយ|ប្តីវាយ|ឪពុកវាយ|ឪពុកចុង|រំលោភបំពានលើកុមារ|បំពានផ្លូវភេទ|ការរំលោភផ្លូវភេទ|ត្រូវគេបោះបង់|មិនយកចិត្តទុកដាក់|រត់ចោលផ្ទះ|ចេញពីផ្ទះ|ឪពុកស្រវឹងវាយ',
      my: 'အိမ်တွင်းအကြမ်းဖက်|အိမ်ထောင်ရေးအကြမ်းဖက်|အိမ်မှာရိုက်|အဖေရိုက်|ပထွေး|ယောက်ျားရိုက်|ကလေးအလွဲသုံးစား|ကလေးညှဉ်းပန်း|လိင်ပိုင်းဆိုင်ရာအလွဲသုံးစား|လျစ်လျူရှု|ပစ်ထား|အိမ်ကထွက်ပြေး|အိမ်ကထွက်|အရက်သမားအဖေရိုက်',
    },
  ],
  [
    'push.family_breakdown',
    'Family breakdown',
    'orphans, divorce, parents working away, children left behind',
    [],
    {
      en: 'orphan|orphans|orphaned|no parents|divorce|divorced parents|parents separated|broken family|broken home|single mother|single parent|parents working away|parents abroad|left behind children|children left behind|raised by grandparents|living with grandma|stepmother|abandoned by father',
      th: 'เด็กกำพร้า|กำพร้า|ไม่มีพ่อแม่|หย่าร้าง|พ่อแม่หย่ากัน|พ่อแม่แยกทาง|ครอบครัวแตกแยก|ครอบครัวแหว่งกลาง|แม่เลี้ยงเดี่ยว|พ่อแม่ไปทำงานต่างถิ่น|อยู่กับยาย|อยู่กับตายาย|ปู่ย่าตายายเลี้ยง|แม่เลี้ยง|พ่อทิ้ง',
      vi: 'mồ côi|trẻ mồ côi|không có cha mẹ|ly hôn|bố mẹ ly hôn|bố mẹ ly thân|gia đình tan vỡ|gia đình đổ vỡ|mẹ đơn thân|bố mẹ đi làm xa|bố mẹ đi xuất khẩu lao động|trẻ bị bỏ lại|ở với ông bà|ông bà nuôi|mẹ kế|bố bỏ đi',
      id: 'yatim|yatim piatu|anak yatim|tidak punya orang tua|cerai|orang tua cerai|bercerai|orang tua pisah|keluarga broken|broken home|ibu tunggal|single parent|orang tua kerja di luar negeri|ortu jadi tki|anak ditinggal|diasuh nenek|tinggal sama nenek|ibu tiri|ditinggal ayah',
      tl: 'ulila|ulilang lubos|walang magulang|hiwalay|hiwalay ang magulang|naghiwalay|broken family|wasak na pamilya|single mom|solo parent|magulang nasa abroad|ofw ang magulang|naiwang anak|inalagaan ng lola|nakatira sa lola|madrasta|iniwan ng tatay',
      zh: '孤儿|孤兒|父母双亡|没有父母|离婚|離婚|父母离婚|父母分居|家庭破裂|单亲|單親|单亲妈妈|父母外出打工|留守儿童|留守兒童|爷爷奶奶带大|跟奶奶住|继母|父亲抛弃',
      km: 'កុមារកំព្រា|កំព្រា|គ្មានឪពុកម្ដាយ|លែងលះ|ឪពុកម្ដាយលែងលះ|ឪពុកម្ដាយបែកគ្នា|គ្រួសារបែកបាក់|ម្ដាយមេម៉ាយ|ឪពុកម្ដាយទៅធ្វើការឆ្ងាយ|ឪពុកម្ដាយទៅថៃ|កុមារនៅផ្ទះតែឯង|នៅជាមួយយាយ|យាយតាមើល|ម្ដាយចុង|ឪពុកបោះបង់',
      my: 'မိဘမဲ့|မိဘမဲ့ကလေး|မိဘမရှိ|ကွာရှင်း|မိဘကွာရှင်း|မိဘကွဲ|မိသားစုပြိုကွဲ|ကလေးတစ်ယောက်တည်းမိခင်|မိဘနိုင်ငံခြားမှာအလုပ်လုပ်|မိဘထိုင်းမှာ|ကျန်ခဲ့သောကလေး|အဖွားနဲ့နေ|အဘိုးအဖွားထိန်း|မိထွေး|အဖေထားခဲ့',
    },
  ],
  [
    'push.family_pressure',
    'Duty to provide for family',
    "pressure to send money home, filial duty, eldest daughter's duty",
    [],
    {
      en: 'pressure to send money home|send money home|remittances|remittance|provide for family|support family|support parents|family expects money|filial duty|duty to parents|eldest daughter|eldest child duty|breadwinner|repay parents|family obligation|pay back parents|family pressure',
      th: 'ส่งเงินกลับบ้าน|ต้องส่งเงินให้ที่บ้าน|เลี้ยงดูครอบครัว|เลี้ยงพ่อแม่|ทดแทนบุญคุณ|กตัญญู|ลูกสาวคนโต|ลูกคนโต|เสาหลักของครอบครัว|ภาระครอบครัว|ที่บ้านกดดัน|พ่อแม่คาดหวัง|หาเงินให้ครอบครัว',
      vi: 'gửi tiền về nhà|gửi tiền về quê|phải gửi tiền|nuôi gia đình|nuôi bố mẹ|phụng dưỡng cha mẹ|báo hiếu|chữ hiếu|con gái lớn|con cả|trụ cột gia đình|gánh nặng gia đình|áp lực gia đình|kiếm tiền cho gia đình|gia đình kỳ vọng',
      id: 'kirim uang ke rumah|kirim uang ke kampung|kiriman uang|remitan|menghidupi keluarga|menafkahi keluarga|bantu orang tua|balas budi|berbakti|anak sulung|anak perempuan sulung|tulang punggung keluarga|tuntutan keluarga|tekanan keluarga|hantar duit ke kampung|sara keluarga',
      tl: 'magpadala ng pera|padala|remittance|buhayin ang pamilya|tustusan ang pamilya|tulong sa magulang|utang na loob|obligasyon sa pamilya|panganay|panganay na anak na babae|breadwinner|haligi ng tahanan|pressure ng pamilya|inaasahan ng pamilya',
      zh: '寄钱回家|寄錢回家|往家里寄钱|汇款|養家|养家|养活家人|赡养父母|孝顺|孝道|报答父母|长女|大女儿|长子|家里的顶梁柱|家庭负担|家庭压力|家人期望',
      km: 'ផ្ញើលុយទៅផ្ទះ|ផ្ញើប្រាក់ទៅផ្ទះ|ផ្ញើលុយឲ្យម្ដាយ|ចិញ្ចឹមគ្រួសារ|ចិញ្ចឹមឪពុកម្ដាយ|សងគុណ|តបស្នងគុណ|កូនស្រីច្បង|កូនច្បង|សសរស្ដម្ភគ្រួសារ|បន្ទុកគ្រួសារ|សម្ពាធពីគ្រួសារ|គ្រួសាររំពឹង',
      my: 'အိမ်ကိုငွေပို့|ငွေပို့|မိသားစုကိုငွေပို့|မိသားစုကိုထောက်ပံ့|မိဘကိုကျွေးမွေး|ကျေးဇူးဆပ်|မိဘကျေးဇူး|သမီးအကြီး|သားအကြီး|အိမ်ထောင်ဦးစီး|မိသားစုတာဝန်|မိသားစုဖိအား|မိသားစုမျှော်လင့်',
    },
  ],
  [
    'push.gender_norms',
    'Gender norms',
    'girls valued less, dowry or bride price, expectations of early marriage',
    [],
    {
      en: 'gender norms|gender inequality|girls valued less|sons preferred|son preference|girls dont need school|dowry|bride price|early marriage|child marriage|married young|girls must marry|patriarchy|women cannot inherit|girls expected to sacrifice|gender discrimination',
      th: 'ค่านิยมทางเพศ|ความไม่เท่าเทียมทางเพศ|ผู้หญิงด้อยค่า|ลูกชายสำคัญกว่า|ผู้หญิงไม่ต้องเรียนสูง|สินสอด|ค่าสินสอด|แต่งงานเร็ว|แต่งงานตั้งแต่เด็ก|ถูกบังคับแต่งงาน|ชายเป็นใหญ่|ผู้หญิงต้องเสียสละ',
      vi: 'bất bình đẳng giới|định kiến giới|trọng nam khinh nữ|thích con trai|con gái không cần học|của hồi môn|sính lễ|tiền thách cưới|tảo hôn|lấy chồng sớm|cưới sớm|gia trưởng|phụ nữ phải hy sinh|phân biệt giới',
      id: 'norma gender|ketidaksetaraan gender|anak perempuan kurang dihargai|lebih suka anak laki-laki|perempuan tidak perlu sekolah|mahar|uang panai|mas kawin|hantaran|nikah dini|pernikahan dini|kawin muda|perkawinan anak|patriarki|perempuan harus berkorban',
      tl: 'pamantayan ng kasarian|hindi pagkakapantay ng kasarian|mas pinapahalagahan ang lalaki|babae hindi na kailangang mag-aral|dote|bigay-kaya|maagang pag-aasawa|child marriage|nag-asawa ng bata|macho|patriyarkal|babae dapat magsakripisyo|diskriminasyon sa babae',
      zh: '性别规范|性别不平等|重男轻女|女孩不重要|女孩不用读书|嫁妆|彩礼|彩禮|聘礼|早婚|童婚|很小就结婚|父权|女性要牺牲|性别歧视',
      km: 'បទដ្ឋានយេនឌ័រ|វិសមភាពយេនឌ័រ|ឲ្យតម្លៃកូនប្រុសជាង|ស្រីមិនចាំបាច់រៀន|ជំនូន|ថ្លៃជំនូន|រៀបការមុនអាយុ|រៀបការវ័យក្មេង|អាពាហ៍ពិពាហ៍កុមារ|បុរសជាធំ|ស្ត្រីត្រូវលះបង់|ការរើសអើងយេនឌ័រ',
      my: 'ကျား/မ ဆိုင်ရာ|ကျားမတန်းတူမှုမရှိ|ယောက်ျားလေးပိုအရေးကြီး|မိန်းကလေးကျောင်းမနေလည်းရ|လက်ဖွဲ့|သတို့သမီးခ|အသက်ငယ်ငယ်နဲ့လက်ထပ်|ကလေးလက်ထပ်|စောစောလက်ထပ်|အမျိုးသားကြီးစိုး|မိန်းမကအနစ်နာခံ|ကျားမခွဲခြား',
    },
  ],
  [
    'push.discrimination',
    'Discrimination and exclusion',
    'ethnic minority, caste, disability, LGBTQI+, religion',
    ['HTCDS:Discrimination', 'HTCDS:SocialGroup'],
    {
      en: 'discrimination|discriminated|exclusion|excluded|marginalised|marginalized|ethnic minority|minority group|indigenous|hill tribe|caste|low caste|lgbt|lgbtq|lgbtqi|transgender|gay|religious minority|rohingya|racism|social exclusion',
      th: 'การเลือกปฏิบัติ|ถูกเลือกปฏิบัติ|ถูกกีดกัน|คนชายขอบ|ชนกลุ่มน้อย|ชาติพันธุ์|ชาวเขา|ชนเผ่า|คนไร้ชาติ|แอลจีบีที|กะเทย|สาวประเภทสอง|คนข้ามเพศ|เกย์|ศาสนาส่วนน้อย|โรฮิงญา|เหยียดเชื้อชาติ',
      vi: "phân biệt đối xử|bị kỳ thị|kỳ thị|bị loại trừ|bị gạt ra ngoài lề|dân tộc thiểu số|đồng bào dân tộc|người dân tộc|người h'mông|lgbt|người chuyển giới|đồng tính|tôn giáo thiểu số|phân biệt chủng tộc|bị xa lánh",
      id: 'diskriminasi|didiskriminasi|dikucilkan|terpinggirkan|marginal|suku minoritas|minoritas|masyarakat adat|orang asli|kasta|lgbt|waria|transgender|gay|agama minoritas|rohingya|rasisme|pengucilan sosial',
      tl: 'diskriminasyon|dinidiskrimina|itinatakwil|naisasantabi|marginalisado|katutubo|ip|lumad|minorya|etnikong minorya|lgbt|bakla|transgender|tomboy|relihiyosong minorya|rasismo|mababang uri',
      zh: '歧视|歧視|被歧视|排斥|被排斥|边缘化|少数民族|少數民族|山地民族|原住民|种姓|低种姓|同性恋|lgbt|跨性别|宗教少数|罗兴亚|種族歧視|种族歧视',
      km: 'ការរើសអើង|ត្រូវគេរើសអើង|ត្រូវគេមាក់ងាយ|ត្រូវគេកាត់ចេញ|ជនជាតិភាគតិច|ជនជាតិដើម|ជនជាតិដើមភាគតិច|អ្នកស្រឡាញ់ភេទដូចគ្នា|ភេទទីបី|អ្នកប្ដូរភេទ|សាសនាភាគតិច|រើសអើងជាតិសាសន៍|ជនជាតិវៀតណាមគ្មានសញ្ជាតិ',
      my: 'ခွဲခြားဆက်ဆံ|ခွဲခြားခံရ|ဖယ်ကြဉ်ခံရ|အပယ်ခံ|လူနည်းစုတိုင်းရင်းသား|တိုင်းရင်းသားလူနည်းစု|တိုင်းရင်းသား|ဌာနေတိုင်းရင်းသား|ဂေး|လိင်တူချစ်သူ|လိင်ပြောင်း|အခြားလိင်စိတ်|ဘာသာရေးလူနည်းစု|ရိုဟင်ဂျာ|လူမျိုးရေးခွဲခြား',
    },
  ],
  [
    'push.conflict',
    'Conflict and displacement',
    'war, persecution, refugee camps, displacement',
    [],
    {
      en: 'conflict|armed conflict|war|fighting|civil war|coup|persecution|persecuted|refugee|refugees|refugee camp|displaced|displacement|idp|internally displaced|fled fighting|fled the war|military attacks|airstrikes|forced conscription|insurgency',
      th: 'สงคราม|ความขัดแย้ง|การสู้รบ|สู้รบ|รัฐประหาร|ถูกประหัตประหาร|ผู้ลี้ภัย|ค่ายผู้ลี้ภัย|ศูนย์พักพิง|พลัดถิ่น|ผู้พลัดถิ่น|หนีสงคราม|หนีการสู้รบ|ทหารโจมตี|เกณฑ์ทหาร|ถูกบังคับเป็นทหาร',
      vi: 'xung đột|chiến tranh|giao tranh|nội chiến|đảo chính|bị đàn áp|ngược đãi|người tị nạn|tị nạn|trại tị nạn|di tản|mất nhà cửa|chạy loạn|trốn chiến tranh|quân đội tấn công|bắt lính|nghĩa vụ quân sự',
      id: 'konflik|konflik bersenjata|perang|perang saudara|kudeta|penganiayaan|dianiaya|pengungsi|kamp pengungsi|terusir|pengungsian|mengungsi|lari dari perang|serangan militer|wajib militer|pelarian|pelarian perang',
      tl: 'gulo|labanan|digmaan|giyera|kaguluhan|armadong tunggalian|kudeta|inuusig|refugee|evacuee|bakwit|lumikas|evacuation center|tumakas sa giyera|pag-atake ng militar|sapilitang pagsundalo',
      zh: '冲突|衝突|武装冲突|战争|戰爭|内战|打仗|政变|迫害|难民|難民|难民营|流离失所|逃离战乱|逃难|军队袭击|空袭|强征入伍|征兵',
      km: 'ជម្លោះ|សង្គ្រាម|ការប្រយុទ្ធ|រដ្ឋប្រហារ|ការធ្វើទុក្ខបុកម្នេញ|ជនភៀសខ្លួន|ជំរុំជនភៀសខ្លួន|ភៀសខ្លួន|ផ្លាស់ទីលំនៅ|រត់គេចពីសង្គ្រាម|ការវាយប្រហារយោធា|ចាប់ធ្វើទាហាន',
      my: 'ပဋိပက္ခ|စစ်ပွဲ|စစ်|တိုက်ပွဲ|စစ်ဖြစ်|အာဏာသိမ်း|ဖိနှိပ်ခံ|ဒုက္ခသည်|ဒုက္ခသည်စခန်း|စစ်ဘေးရှောင်|နေရပ်စွန့်ခွာ|စစ်ပြေး|လေကြောင်းတိုက်ခိုက်|စစ်မှုထမ်း|အတင်းအဓမ္မစစ်သားစုဆောင်း|စစ်သားစုဆောင်း',
    },
  ],
  [
    'push.disaster',
    'Disasters and climate change',
    'floods, drought, typhoons, loss of land to climate change',
    [],
    {
      en: 'disaster|natural disaster|flood|floods|flooding|drought|typhoon|cyclone|storm|earthquake|landslide|climate change|climate|sea level rise|salt water|salinity|lost land to river|erosion|el nino|crops destroyed by flood',
      th: 'ภัยพิบัติ|น้ำท่วม|ภัยแล้ง|แล้ง|ฝนแล้ง|พายุ|ไต้ฝุ่น|แผ่นดินไหว|ดินถล่ม|โลกร้อน|การเปลี่ยนแปลงสภาพภูมิอากาศ|ภูมิอากาศเปลี่ยน|น้ำเค็ม|ตลิ่งพัง|นาล่มเพราะน้ำท่วม',
      vi: 'thiên tai|lũ lụt|lũ|lụt|hạn hán|bão|siêu bão|động đất|sạt lở|sạt lở đất|biến đổi khí hậu|bđkh|nước biển dâng|xâm nhập mặn|nhiễm mặn|mất đất do sạt lở|mất mùa do lũ',
      id: 'bencana|bencana alam|banjir|kekeringan|kemarau panjang|topan|badai|gempa|gempa bumi|tanah longsor|longsor|perubahan iklim|krisis iklim|air laut naik|rob|abrasi|el nino|sawah kebanjiran|banjir besar',
      tl: 'sakuna|kalamidad|baha|bumaha|tagtuyot|el niño|bagyo|super typhoon|lindol|pagguho ng lupa|landslide|climate change|pagbabago ng klima|pagtaas ng dagat|storm surge|nasira ng bagyo ang ani|binaha ang bukid',
      zh: '灾害|災害|自然灾害|洪水|水灾|发大水|干旱|旱灾|台风|颱風|风暴|地震|山体滑坡|泥石流|气候变化|氣候變化|海平面上升|盐碱化|河岸冲刷|庄稼被淹',
      km: 'គ្រោះមហន្តរាយ|គ្រោះធម្មជាតិ|ទឹកជំនន់|ទឹកលិច|គ្រោះរាំងស្ងួត|រាំងស្ងួត|ព្យុះ|ព្យុះទីហ្វុង|រញ្ជួយដី|បាក់ដី|ប្រែប្រួលអាកាសធាតុ|ការប្រែប្រួលអាកាសធាតុ|ទឹកប្រៃ|ច្រាំងទន្លេបាក់|ស្រូវលិចទឹក',
      my: 'သဘာဝဘေးအန္တရာယ်|ဘေးအန္တရာယ်|ရေကြီး|ရေလွှမ်း|မိုးခေါင်|ခြောက်သွေ့|မုန်တိုင်း|နာဂစ်|ငလျင်|မြေပြို|ရာသီဥတုပြောင်းလဲ|ရာသီဥတုဖောက်ပြန်|ပင်လယ်ရေမြင့်|ဆားငန်ရေ|ကမ်းပြို|ရေကြီးလို့လယ်ပျက်',
    },
  ],
  [
    'push.health',
    'Illness or disability',
    'chronic illness, disability, medical bills',
    ['HTCDS:DisabilityAndPhysicalHealth'],
    {
      en: 'illness|ill|sick|sickness|sick parent|sick mother|chronic illness|disease|disabled|disability|medical bills|hospital bills|cost of treatment|needs surgery|hiv positive|cancer|injury at home|cannot work because sick|health problems',
      th: 'เจ็บป่วย|ป่วย|ไม่สบาย|พ่อแม่ป่วย|แม่ป่วย|โรคเรื้อรัง|พิการ|ความพิการ|ค่ารักษาพยาบาล|ค่าหมอ|ค่าโรงพยาบาล|ต้องผ่าตัด|ติดเชื้อเอชไอวี|มะเร็ง|ป่วยทำงานไม่ได้|ปัญหาสุขภาพ',
      vi: 'bệnh|ốm|ốm đau|bệnh tật|bố mẹ ốm|mẹ bị bệnh|bệnh mãn tính|bệnh nặng|khuyết tật|tàn tật|viện phí|tiền viện phí|chi phí chữa bệnh|tiền thuốc|cần phẫu thuật|nhiễm hiv|ung thư|sức khỏe yếu',
      id: 'sakit|penyakit|sakit keras|orang tua sakit|ibu sakit|penyakit kronis|disabilitas|cacat|difabel|biaya rumah sakit|biaya berobat|biaya pengobatan|perlu operasi|hiv positif|kanker|sakit tidak bisa kerja|masalah kesehatan|bil hospital|kos rawatan',
      tl: 'sakit|may sakit|nagkasakit|may sakit ang nanay|maysakit na magulang|malubhang sakit|chronic na sakit|may kapansanan|pwd|kapansanan|gastos sa ospital|bayarin sa ospital|pampagamot|kailangan ng operasyon|may hiv|kanser|problema sa kalusugan',
      zh: '生病|疾病|病了|父母生病|母亲生病|慢性病|重病|残疾|殘疾|残障|医药费|醫藥費|住院费|看病贵|治病花钱|需要手术|艾滋病|艾滋|癌症|身体不好|健康问题',
      km: 'ជំងឺ|ឈឺ|ឈឺធ្ងន់|ម្ដាយឈឺ|ឪពុកម្ដាយឈឺ|ជំងឺរ៉ាំរ៉ៃ|ពិការ|ពិការភាព|ថ្លៃព្យាបាល|ថ្លៃពេទ្យ|ថ្លៃមន្ទីរពេទ្យ|ត្រូវវះកាត់|អេដស៍|មេរោគអេដស៍|មហារីក|បញ្ហាសុខភាព',
      my: 'ဖျား|နေမကောင်း|ရောဂါ|ရောဂါရ|မိဘနေမကောင်း|အမေနေမကောင်း|နာတာရှည်ရောဂါ|မသန်စွမ်း|ကိုယ်အင်္ဂါမသန်|ဆေးကုသစရိတ်|ဆေးရုံစရိတ်|ဆေးဖိုး|ခွဲစိတ်ရမယ်|HIV|ကင်ဆာ|ကျန်းမာရေးပြဿနာ',
    },
  ],
  [
    'push.mental_health',
    'Mental health and past trauma',
    'depression, trauma, low self-esteem',
    ['HTCDS:MentalHealth'],
    {
      en: 'mental health|mental illness|depression|depressed|trauma|past trauma|childhood trauma|ptsd|anxiety|low self-esteem|low self esteem|lonely|loneliness|feeling worthless|hopeless|need for love|seeking affection|emotional vulnerability',
      th: 'สุขภาพจิต|ปัญหาสุขภาพจิต|ซึมเศร้า|โรคซึมเศร้า|บาดแผลทางใจ|ปมในใจ|บาดแผลในวัยเด็ก|วิตกกังวล|ไม่มั่นใจในตัวเอง|ไม่เห็นคุณค่าตัวเอง|เหงา|โดดเดี่ยว|หมดหวัง|ขาดความรัก|อยากมีคนรัก',
      vi: 'sức khỏe tâm thần|sức khoẻ tinh thần|trầm cảm|sang chấn|sang chấn tâm lý|tổn thương|tổn thương thời thơ ấu|lo âu|tự ti|thiếu tự tin|cô đơn|tuyệt vọng|thiếu tình thương|khao khát được yêu|tâm lý yếu',
      id: 'kesehatan mental|gangguan jiwa|depresi|trauma|trauma masa kecil|ptsd|cemas|kecemasan|rendah diri|minder|kesepian|putus asa|kurang kasih sayang|haus kasih sayang|mental lemah|kesihatan mental',
      tl: 'kalusugang pangkaisipan|mental health|depresyon|depress|trauma|trauma noong bata|pagkabalisa|anxiety|mababang tingin sa sarili|walang tiwala sa sarili|nag-iisa|malungkot|kawalan ng pag-asa|uhaw sa pagmamahal|kulang sa pagmamahal',
      zh: '心理健康|精神健康|精神疾病|抑郁|抑鬱|抑郁症|创伤|心理创伤|童年创伤|焦虑|自卑|缺乏自信|孤独|寂寞|绝望|缺爱|渴望被爱',
      km: 'សុខភាពផ្លូវចិត្ត|ជំងឺផ្លូវចិត្ត|ធ្លាក់ទឹកចិត្ត|ជំងឺធ្លាក់ទឹកចិត្ត|របួសផ្លូវចិត្ត|ប៉ះទង្គិចផ្លូវចិត្ត|ការថប់បារម្ភ|ថប់បារម្ភ|ខ្វះទំនុកចិត្តលើខ្លួនឯង|ឯកា|អស់សង្ឃឹម|ខ្វះក្ដីស្រឡាញ់',
      my: 'စိတ်ကျန်းမာရေး|စိတ်ရောဂါ|စိတ်ကျ|စိတ်ကျရောဂါ|စိတ်ဒဏ်ရာ|ငယ်ဘဝစိတ်ဒဏ်ရာ|စိုးရိမ်ပူပန်|ကိုယ့်ကိုယ်ကိုယုံကြည်မှုမရှိ|အားငယ်|အထီးကျန်|မျှော်လင့်ချက်မဲ့|အချစ်ငတ်',
    },
  ],
  [
    'push.addiction',
    'Addiction',
    'drugs, alcohol, gambling',
    ['HTCDS:Addiction'],
    {
      en: 'addiction|addicted|drugs|drug use|drug addict|meth|yaba|ice|shabu|heroin|alcohol|alcoholic|drinking|drunk|gambling|gambler|online gambling|casino|betting|cockfighting',
      th: 'ติดยา|ยาเสพติด|ยาบ้า|ยาไอซ์|ไอซ์|เฮโรอีน|ติดเหล้า|เหล้า|ขี้เมา|ดื่มเหล้า|การพนัน|ติดพนัน|พนันออนไลน์|บ่อน|คาสิโน|หวย|ชนไก่|ติดการพนัน',
      vi: 'nghiện|nghiện ngập|ma túy|ma tuý|hút chích|ma túy đá|đá|hồng phiến|heroin|nghiện rượu|rượu|say xỉn|cờ bạc|đánh bạc|cá độ|cá cược|cờ bạc online|sòng bạc|nợ cờ bạc|chọi gà',
      id: 'kecanduan|ketagihan|narkoba|narkotik|pakai narkoba|sabu|sabu-sabu|heroin|pecandu|mabuk|miras|alkohol|pemabuk|judi|judi online|judol|kasino|taruhan|sabung ayam|ketagihan dadah|dadah',
      tl: 'adik|pagkalulong|droga|gumagamit ng droga|shabu|bato|heroin|lasing|lasinggero|alak|inom|manginginom|sugal|sugarol|online sugal|online sabong|sabong|casino|tong-its|pustahan',
      zh: '成瘾|成癮|上瘾|吸毒|毒品|冰毒|麻古|海洛因|酗酒|喝酒|醉酒|酒鬼|赌博|賭博|赌债|網賭|网赌|赌场|赌钱|斗鸡',
      km: 'ញៀន|ញៀនថ្នាំ|គ្រឿងញៀន|ថ្នាំញៀន|ម៉ាទឹកកក|យ៉ាម៉ា|ហេរ៉ូអ៊ីន|ញៀនស្រា|ស្រា|ស្រវឹង|ផឹកស្រា|ល្បែង|ល្បែងស៊ីសង|ល្បែងអនឡាញ|កាស៊ីណូ|ភ្នាល់|ជល់មាន់|បំណុលល្បែង',
      my: 'စွဲ|ဆေးစွဲ|မူးယစ်ဆေး|မူးယစ်ဆေးဝါး|ယာဘ|ဘိန်းဖြူ|ရေခဲ|အရက်|အရက်သမား|အရက်စွဲ|အရက်မူး|လောင်းကစား|ဖဲ|အွန်လိုင်းလောင်းကစား|ကာစီနို|ကြက်တိုက်|လောင်းကြေး',
    },
  ],
  [
    'push.online',
    'Online grooming and recruitment',
    'social media, dating apps, online job ads, sextortion',
    ['HTCDS:AbuseSocialMedia'],
    {
      en: 'online|internet|social media|facebook|fb|tiktok|instagram|ig|messenger|whatsapp|telegram|line app|wechat|dating app|online boyfriend|met online|online grooming|grooming|online job ad|job ad on facebook|sextortion|nudes|sexting|livestream|webcam|scam job ad|online recruitment',
      th: 'ออนไลน์|อินเทอร์เน็ต|โซเชียล|โซเชียลมีเดีย|เฟซบุ๊ก|เฟส|ติ๊กต็อก|ไลน์|แอปหาคู่|แฟนออนไลน์|รู้จักกันทางเน็ต|เจอในเฟส|ล่อลวงออนไลน์|ประกาศงานออนไลน์|โฆษณางานในเฟส|แบล็กเมล์ภาพโป๊|ส่งรูปโป๊|ไลฟ์สด|กรูมมิ่ง',
      vi: 'trực tuyến|online|mạng xã hội|mxh|facebook|fb|face|zalo|tiktok|messenger|telegram|app hẹn hò|hẹn hò qua mạng|bạn trai trên mạng|quen qua mạng|quen trên facebook|dụ dỗ qua mạng|tin tuyển dụng trên mạng|đăng tuyển trên facebook|tống tiền bằng ảnh nóng|ảnh nóng|livestream',
      id: 'online|daring|internet|medsos|media sosial|fb|facebook|tiktok|ig|instagram|whatsapp|wa|telegram|aplikasi kencan|pacar online|kenalan online|kenal di fb|dirayu online|grooming|iklan lowongan online|loker di fb|lowongan di facebook|sextortion|pemerasan seksual|foto bugil|vcs|live streaming',
      tl: 'online|internet|social media|facebook|fb|tiktok|messenger|dating app|online jowa|online boyfriend|nakilala online|nakilala sa fb|grooming|online recruitment|job post sa facebook|job ad sa fb|sextortion|hubad na litrato|osaec|online sexual exploitation|livestream|cybersex|cyber den',
      zh: '网络|網絡|网上|上网|社交媒体|社交媒體|脸书|臉書|抖音|tiktok|微信|wechat|telegram|约会软件|交友软件|网恋|網戀|网友|网上认识|网络诱骗|网上招聘广告|网上招工|裸聊|性勒索|裸照|直播',
      km: 'អនឡាញ|អ៊ីនធឺណិត|បណ្ដាញសង្គម|ហ្វេសប៊ុក|ហ្វេស|តិកតុក|តេឡេក្រាម|កម្មវិធីណាត់ជួប|សង្សារតាមអនឡាញ|ស្គាល់តាមហ្វេសប៊ុក|ស្គាល់តាមអនឡាញ|បោកបញ្ឆោតតាមអនឡាញ|ផ្សាយការងារតាមហ្វេសប៊ុក|ការងារតាមអនឡាញ|រូបអាក្រាត|គំរាមដោយរូបអាក្រាត|ផ្សាយផ្ទាល់',
      my: 'အွန်လိုင်း|အင်တာနက်|ဆိုရှယ်မီဒီယာ|ဖေ့စ်ဘုတ်|ဖေ့ဘုတ်|FB|တစ်တော့|တယ်လီဂရမ်|ဗိုက်ဘာ|ချိန်းတွေ့အက်ပ်|အွန်လိုင်းချစ်သူ|အွန်လိုင်းမှာသိ|ဖေ့ဘုတ်မှာသိ|အွန်လိုင်းဖြားယောင်း|အွန်လိုင်းအလုပ်ကြော်ငြာ|ဖေ့ဘုတ်အလုပ်ကြော်ငြာ|အဝတ်မဲ့ပုံ|ဓာတ်ပုံနဲ့ခြိမ်းခြောက်|လိုက်ဗ်',
    },
  ],
  [
    'push.aspiration',
    'Aspiration and peer pressure',
    'wanting a better life, consumer goods, friends who went abroad',
    [],
    {
      en: 'wanting a better life|better life|dream of going abroad|aspiration|ambition|peer pressure|friends went abroad|friends abroad|neighbour came back rich|success stories|consumerism|wants a smartphone|new phone|nice clothes|build a house|to buy a motorbike|keeping up with neighbours|adventure|want to see the city|city life',
      th: 'อยากมีชีวิตที่ดีกว่า|ชีวิตที่ดีกว่า|อยากไปเมืองนอก|ความฝัน|อยากรวย|เพื่อนชวน|เพื่อนไปต่างประเทศ|เพื่อนบ้านกลับมารวย|คนในหมู่บ้านไปแล้วรวย|อยากได้มือถือ|อยากได้ไอโฟน|อยากมีบ้าน|อยากซื้อมอเตอร์ไซค์|ค่านิยมวัตถุนิยม|วัตถุนิยม|อยากใช้ของแบรนด์|ชีวิตในเมือง',
      vi: 'muốn đổi đời|đổi đời|cuộc sống tốt hơn|ước mơ đi nước ngoài|mơ đi nước ngoài|muốn giàu|bạn bè rủ|bạn bè đi nước ngoài|hàng xóm đi về giàu|người làng đi về xây nhà|muốn có điện thoại|muốn mua iphone|xây nhà|mua xe máy|sống ảo|chạy theo vật chất|ham muốn vật chất|lên thành phố',
      id: 'ingin hidup lebih baik|hidup lebih baik|ubah nasib|mimpi ke luar negeri|ingin kaya|ikut teman|diajak teman|teman ke luar negeri|tetangga pulang kaya|tetangga sukses jadi tki|pengen hp baru|ingin punya hp|bangun rumah|beli motor|gaya hidup|konsumtif|gengsi|merantau|ingin ke kota|ikut-ikutan',
      tl: 'gustong umasenso|asenso|mas magandang buhay|pangarap mag-abroad|mag-abroad|gustong yumaman|barkada|impluwensya ng barkada|mga kaibigan nasa abroad|kapitbahay umuwing mayaman|gustong magkaroon ng cellphone|bagong cellphone|magpatayo ng bahay|bumili ng motor|magarbong buhay|luho|gustong lumuwas sa maynila',
      zh: '想过好日子|向往更好的生活|改变命运|出国梦|想出国|想发财|想赚大钱|朋友介绍|朋友出国了|同乡出国|邻居回来发财了|想买手机|想要新手机|盖房子|买摩托车|攀比|虚荣|物质主义|向往城市生活|进城',
      km: 'ចង់មានជីវិតល្អជាងមុន|ជីវិតល្អជាង|ចង់ទៅក្រៅប្រទេស|សុបិន|ចង់មានលុយច្រើន|មិត្តភក្ដិបបួល|មិត្តភក្ដិទៅថៃ|អ្នកជិតខាងត្រឡប់មកមាន|ចង់បានទូរស័ព្ទ|ចង់បានអាយហ្វូន|សង់ផ្ទះ|ទិញម៉ូតូ|ប្រកួតប្រជែងជាមួយអ្នកជិតខាង|និយមវត្ថុ|ចង់ទៅទីក្រុង',
      my: 'ဘဝပိုကောင်းချင်|ဘဝပြောင်းချင်|နိုင်ငံခြားသွားချင်|နိုင်ငံခြားအိပ်မက်|ချမ်းသာချင်|သူငယ်ချင်းခေါ်|သူငယ်ချင်းတွေထိုင်းသွား|အိမ်နီးချင်းချမ်းသာလာ|ဖုန်းလိုချင်|ဖုန်းအသစ်|အိမ်ဆောက်ချင်|ဆိုင်ကယ်ဝယ်ချင်|ပစ္စည်းလိုချင်|ဝတ္ထုပစ္စည်းမက်|မြို့ကိုသွားချင်',
    },
  ],
  [
    'push.demand',
    'Demand for cheap labour and sex',
    'employers cutting costs, sex tourism, demand for brides, buyers',
    [],
    {
      en: 'demand|demand for cheap labour|cheap labor|cheap labour|employers want cheap workers|cost cutting|subcontracting|supply chain pressure|low prices|buyers|clients|customers|sex buyers|sex tourism|sex tourists|demand for brides|bride demand|men seeking foreign brides|demand for virgins|fishing companies want cheap crew',
      th: 'ความต้องการแรงงานราคาถูก|แรงงานราคาถูก|ค่าแรงถูก|นายจ้างอยากได้แรงงานถูก|ลดต้นทุน|รับเหมาช่วง|ห่วงโซ่อุปทาน|ผู้ซื้อบริการ|ลูกค้า|ความต้องการทางเพศ|การท่องเที่ยวทางเพศ|เที่ยวผู้หญิง|ความต้องการเจ้าสาว|หาเมียต่างชาติ|ความต้องการเด็กบริสุทธิ์',
      vi: 'nhu cầu lao động giá rẻ|lao động giá rẻ|nhân công rẻ|chủ muốn thuê rẻ|cắt giảm chi phí|thầu phụ|chuỗi cung ứng|người mua dâm|khách mua dâm|khách hàng|nhu cầu mua dâm|du lịch tình dục|nhu cầu cô dâu|cưới vợ nước ngoài|đàn ông trung quốc cần vợ|nhu cầu trinh tiết|mua trinh',
      id: 'permintaan tenaga kerja murah|buruh murah|tenaga murah|upah murah|majikan mau pekerja murah|efisiensi biaya|alih daya|outsourcing|rantai pasok|pembeli|pelanggan|pembeli seks|hidung belang|wisata seks|permintaan pengantin|cari istri luar negeri|kawin kontrak|permintaan perawan|pelanggan seks',
      tl: 'demand sa murang paggawa|murang paggawa|murang manggagawa|mababang pasahod|gustong murang manggagawa|pagtitipid ng kumpanya|subcontracting|supply chain|mamimili|parokyano|kostumer|customer|demand sa sex|sex tourism|sex tourist|banyagang parokyano|demand sa asawa|mail-order bride|pedophile na dayuhan',
      zh: '廉价劳动力需求|廉价劳动力|廉價勞動力|便宜劳工|雇主要便宜工人|压低成本|降低成本|分包|外包|供应链压力|买家|嫖客|买春|性需求|性旅游|色情旅游|新娘需求|娶外国新娘|越南新娘|买老婆|处女需求',
      km: 'តម្រូវការកម្លាំងពលកម្មថោក|ពលករថោក|កម្លាំងពលកម្មថោក|ប្រាក់ឈ្នួលថោក|និយោជកចង់បានពលករថោក|កាត់បន្ថយចំណាយ|ម៉ៅការបន្ត|ខ្សែសង្វាក់ផ្គត់ផ្គង់|អ្នកទិញ|ភ្ញៀវ|អតិថិជន|អ្នកទិញផ្លូវភេទ|ទេសចរណ៍ផ្លូវភេទ|តម្រូវការកូនក្រមុំ|រកប្រពន្ធបរទេស|ទិញព្រហ្មចារី',
      my: 'လုပ်အားဈေးပေါလိုအပ်ချက်|လုပ်သားဈေးပေါ|လုပ်ခပေါ|အလုပ်ရှင်ကလုပ်သားဈေးပေါလိုချင်|ကုန်ကျစရိတ်လျှော့|တဆင့်ကန်ထရိုက်|ထောက်ပံ့ရေးကွင်းဆက်|ဝယ်သူ|ဖောက်သည်|ဧည့်သည်|လိင်ဝယ်သူ|လိင်ခရီးသွား|ချွေးမလိုအပ်|တရုတ်ယောက်ျားမိန်းမလို|အပျိုစင်ဝယ်',
    },
  ],
  [
    'push.corruption',
    'Corruption and impunity',
    'bribed officials, police complicity, traffickers unpunished',
    [],
    {
      en: 'corruption|corrupt|corrupt officials|corrupt police|bribe|bribes|bribery|kickback|tea money|police involved|police complicity|officials protect traffickers|impunity|traffickers not punished|no prosecution|cases dropped|border guards paid|collusion|connections with officials',
      th: 'คอร์รัปชัน|คอรัปชั่น|ทุจริต|เจ้าหน้าที่ทุจริต|ตำรวจทุจริต|สินบน|ติดสินบน|จ่ายใต้โต๊ะ|เงินใต้โต๊ะ|ส่วย|ตำรวจรู้เห็น|ตำรวจเอี่ยว|เจ้าหน้าที่รัฐเอี่ยว|ไม่ถูกลงโทษ|ลอยนวล|ไม่มีการดำเนินคดี|คดีเงียบ|จ่ายเจ้าหน้าที่ชายแดน|มีเส้นสาย',
      vi: 'tham nhũng|cán bộ tham nhũng|công an tham nhũng|hối lộ|đút lót|tiền lót tay|phong bì|bảo kê|công an bao che|cán bộ bao che|làm ngơ|không bị trừng phạt|không bị xử lý|thoát tội|không truy tố|án bị bỏ|đút tiền biên phòng|quan hệ với cán bộ|chạy án',
      id: 'korupsi|pejabat korup|polisi korup|suap|menyuap|sogok|uang pelicin|pungli|pungutan liar|uang rokok|beking|oknum|oknum aparat|aparat terlibat|pelaku tidak dihukum|kebal hukum|impunitas|kasus dihentikan|damai di tempat|rasuah|kolusi',
      tl: 'korapsyon|kurapsyon|kurakot|tiwaling opisyal|tiwaling pulis|lagay|suhol|padulas|tongpats|kotong|protektor|protektado ng pulis|may kapit|kasabwat ang pulis|hindi napaparusahan|walang napaparusahan|kaso ibinasura|areglo|nagbayad sa immigration',
      zh: '腐败|腐敗|贪污|贪官|警察腐败|贿赂|賄賂|行贿|受贿|红包|回扣|保护伞|警察参与|官员包庇|包庇|有罪不罚|逍遥法外|不起诉|案子不了了之|官商勾结|买通边防|关系网',
      km: 'អំពើពុករលួយ|ពុករលួយ|មន្ត្រីពុករលួយ|ប៉ូលិសពុករលួយ|សំណូក|ស៊ីសំណូក|លុយតែ|លុយក្រោមតុ|ប៉ូលិសពាក់ព័ន្ធ|មន្ត្រីការពារជនល្មើស|និទណ្ឌភាព|មិនត្រូវបានផ្ដន្ទាទោស|រួចខ្លួន|គ្មានការកាត់ទោស|សំណុំរឿងត្រូវបិទ|បង់លុយឲ្យប៉ូលិសព្រំដែន|មានខ្នង',
      my: 'အကျင့်ပျက်|လာဘ်စား|လာဘ်ပေး|လာဘ်ပေးလာဘ်ယူ|အရာရှိအကျင့်ပျက်|ရဲအကျင့်ပျက်|လက်ဖက်ရည်ဖိုး|ရဲပါ|ရဲပါဝင်|အာဏာပိုင်ကာကွယ်|အပြစ်ပေးမခံရ|ပြစ်ဒဏ်ကင်းလွတ်|တရားစွဲဆိုမှုမရှိ|အမှုပိတ်|နယ်ခြားစောင့်ကိုပေး|အဆက်အသွယ်ရှိ',
    },
  ],
  [
    'push.weak_protection',
    'Weak laws and labour protection',
    'domestic work or fishing outside labour law, weak enforcement, no inspections',
    ['HTCDS:WorkEnvironment'],
    {
      en: 'weak laws|weak law enforcement|weak enforcement|no labour protection|no labor protection|not covered by labour law|outside labour law|domestic work not covered|fishing not covered|no inspections|no labour inspection|inspectors never come|no minimum wage|no contract|informal sector|no social security|no union|unions banned|law not enforced|gaps in law|no law on',
      th: 'กฎหมายอ่อนแอ|บังคับใช้กฎหมายไม่จริงจัง|ไม่มีกฎหมายคุ้มครอง|กฎหมายแรงงานไม่คุ้มครอง|แม่บ้านไม่อยู่ในกฎหมายแรงงาน|ประมงไม่มีการคุ้มครอง|ไม่มีการตรวจแรงงาน|ไม่มีการตรวจเรือ|พนักงานตรวจแรงงานไม่มา|ไม่มีค่าแรงขั้นต่ำ|ไม่มีสัญญาจ้าง|แรงงานนอกระบบ|ไม่มีประกันสังคม|ไม่มีสหภาพ|ห้ามตั้งสหภาพ|ช่องโหว่กฎหมาย',
      vi: 'luật yếu|thực thi pháp luật yếu|không được pháp luật bảo vệ|luật lao động không bảo vệ|giúp việc không có luật|nghề cá không được bảo vệ|không có thanh tra|không thanh tra lao động|thanh tra không đến|không có lương tối thiểu|không có hợp đồng|ko hợp đồng|lao động phi chính thức|không có bảo hiểm xã hội|không có công đoàn|cấm công đoàn|luật không được thi hành|lỗ hổng pháp luật',
      id: 'hukum lemah|penegakan hukum lemah|tidak ada perlindungan|perlindungan pekerja lemah|tidak dilindungi uu ketenagakerjaan|prt tidak dilindungi|ruu pprt|nelayan tidak dilindungi|tidak ada pengawasan|tidak ada inspeksi|pengawas tidak datang|tidak ada upah minimum|tanpa kontrak|sektor informal|tidak ada bpjs|tidak ada serikat|serikat dilarang|celah hukum|undang-undang tidak ditegakkan|tiada perlindungan undang-undang',
      tl: 'mahinang batas|mahinang pagpapatupad|walang proteksyon sa manggagawa|hindi sakop ng labor code|kasambahay walang proteksyon|mangingisda walang proteksyon|walang inspeksyon|walang labor inspection|hindi pumupunta ang inspektor|walang minimum wage|walang kontrata|endo|impormal na sektor|walang sss|walang unyon|bawal ang unyon|hindi ipinapatupad ang batas|butas sa batas',
      zh: '法律薄弱|执法不力|執法不力|没有劳动保护|劳动法不保护|不受劳动法保护|家政工不受保护|渔业不受保护|没有检查|没有劳动监察|监察员不来|没有最低工资|没有合同|沒有合同|非正规就业|没有社保|没有工会|禁止工会|法律不执行|法律漏洞',
      km: 'ច្បាប់ខ្សោយ|ការអនុវត្តច្បាប់ខ្សោយ|គ្មានការការពារពលករ|ច្បាប់ការងារមិនគ្របដណ្ដប់|ពលករបម្រើការតាមផ្ទះមិនមានការការពារ|នេសាទគ្មានការការពារ|គ្មានអធិការកិច្ច|គ្មានអធិការការងារ|អធិការមិនមក|គ្មានប្រាក់ឈ្នួលអប្បបរមា|គ្មានកិច្ចសន្យា|វិស័យក្រៅប្រព័ន្ធ|គ្មានប្រព័ន្ធសន្តិសុខសង្គម|គ្មានសហជីព|ហាមសហជីព|ចន្លោះប្រហោងច្បាប់',
      my: 'ဥပဒေအားနည်း|ဥပဒေစိုးမိုးမှုအားနည်း|အလုပ်သမားအကာအကွယ်မရှိ|အလုပ်သမားဥပဒေမကာကွယ်|အိမ်အကူဥပဒေမရှိ|ငါးဖမ်းလုပ်သားအကာအကွယ်မရှိ|စစ်ဆေးမှုမရှိ|အလုပ်သမားစစ်ဆေးရေးမရှိ|စစ်ဆေးရေးမလာ|အနည်းဆုံးလုပ်ခမရှိ|စာချုပ်မရှိ|အလွတ်သဘောအလုပ်|လူမှုဖူလုံရေးမရှိ|သမဂ္ဂမရှိ|သမဂ္ဂတားမြစ်|ဥပဒေကွက်လပ်',
    },
  ],
];

const HARM: Raw[] = [
  [
    'harm.physical',
    'Physical harm and illness',
    'injuries, HIV and STIs, malnutrition, exhaustion, death',
    ['HTCDS:PhysicalAbuse', 'ILO:5', 'ILO:10'],
    {
      en: 'physical harm|injury|injuries|injured|beaten|beatings|physical abuse|violence|hit|wounds|scars|broken bones|hiv|sti|stds|sexually transmitted|malnutrition|malnourished|starved|exhaustion|exhausted|no sleep|sick|illness|health problems|death|died|killed|dead|body thrown overboard|disabled by accident|work accident|pregnancy|forced abortion',
      th: 'บาดเจ็บ|ได้รับบาดเจ็บ|ถูกทำร้ายร่างกาย|ถูกตี|ถูกซ้อม|แผล|แผลเป็น|กระดูกหัก|ติดเชื้อเอชไอวี|เอดส์|โรคติดต่อทางเพศสัมพันธ์|ขาดสารอาหาร|อดอาหาร|เหนื่อยล้า|อ่อนเพลีย|ไม่ได้นอน|เจ็บป่วย|เสียชีวิต|ตาย|ถูกฆ่า|ศพถูกโยนทิ้งทะเล|อุบัติเหตุจากการทำงาน|พิการจากงาน|ตั้งท้อง|ทำแท้ง',
      vi: 'tổn hại thể chất|chấn thương|bị thương|bị đánh|bị đánh đập|bạo hành thể xác|vết thương|sẹo|gãy xương|hiv|bệnh xã hội|bệnh lây qua đường tình dục|suy dinh dưỡng|bị bỏ đói|kiệt sức|mệt lả|không được ngủ|ốm|bệnh tật|tử vong|chết|bị giết|tai nạn lao động|có thai|phá thai|nạo thai',
      id: 'luka|terluka|luka-luka|dipukul|dipukuli|disiksa|kekerasan fisik|bekas luka|patah tulang|hiv|ims|penyakit kelamin|gizi buruk|kurang gizi|kelaparan|tidak dikasih makan|kelelahan|kecapekan|tidak bisa tidur|kurang tidur|sakit|meninggal|tewas|dibunuh|mayat|kecelakaan kerja|cacat karena kerja|hamil|aborsi paksa|dipukul majikan',
      tl: 'pisikal na pinsala|sugat|nasugatan|binugbog|sinaktan|pinahirapan|pang-aabusong pisikal|peklat|bali ang buto|hiv|sti|sakit na nakukuha sa pakikipagtalik|malnutrisyon|gutom|ginutom|pagod na pagod|sobrang pagod|walang tulog|nagkasakit|namatay|pinatay|bangkay|aksidente sa trabaho|nabuntis|pinalaglag',
      zh: '身体伤害|受伤|伤害|被打|殴打|毆打|虐待|身体虐待|伤疤|骨折|艾滋病|性病|性传播疾病|营养不良|挨饿|被饿|疲惫|精疲力尽|累垮|睡不够|生病|死亡|死了|被杀|尸体|工伤|残废|怀孕|被迫堕胎',
      km: 'របួសរាងកាយ|របួស|ត្រូវរបួស|ត្រូវគេវាយ|ត្រូវវាយដំ|វាយដំ|ធ្វើបាបរាងកាយ|ស្នាមរបួស|បាក់ឆ្អឹង|អេដស៍|ជំងឺកាមរោគ|កង្វះអាហារូបត្ថម្ភ|ឃ្លាន|អត់បាយ|អស់កម្លាំង|ហត់នឿយ|អត់បានគេង|ឈឺ|ស្លាប់|ត្រូវគេសម្លាប់|សាកសព|គ្រោះថ្នាក់ការងារ|មានផ្ទៃពោះ|រំលូតកូន',
      my: 'ရုပ်ပိုင်းဆိုင်ရာထိခိုက်|ဒဏ်ရာ|ဒဏ်ရာရ|ရိုက်နှက်ခံရ|အရိုက်ခံရ|ရိုက်|ညှဉ်းပန်း|အမာရွတ်|အရိုးကျိုး|HIV|ကာလသားရောဂါ|လိင်မှတဆင့်ကူးစက်|အာဟာရချို့တဲ့|ငတ်|အစာမကျွေး|ပင်ပန်း|မောပန်း|အိပ်ရေးမဝ|နေမကောင်း|ဖျား|သေ|သေဆုံး|သတ်|အလောင်း|လုပ်ငန်းခွင်မတော်တဆ|ကိုယ်ဝန်|ကိုယ်ဝန်ဖျက်',
    },
  ],
  [
    'harm.psychological',
    'Psychological trauma',
    'PTSD, depression, anxiety, suicide, loss of trust',
    ['HTCDS:PsychologicalAbuse'],
    {
      en: 'psychological trauma|trauma|traumatised|traumatized|ptsd|nightmares|flashbacks|depression|depressed|anxiety|panic attacks|fear|afraid|suicide|suicidal|self harm|loss of trust|cannot trust anyone|low self worth|emotional scars|mental health problems|psychological abuse|broken spirit|shame and guilt',
      th: 'บาดแผลทางจิตใจ|บาดแผลทางใจ|ทุกข์ใจ|ฝันร้าย|ภาพหลอน|ซึมเศร้า|โรคซึมเศร้า|วิตกกังวล|ตื่นตระหนก|หวาดกลัว|กลัว|ฆ่าตัวตาย|คิดฆ่าตัวตาย|ทำร้ายตัวเอง|ไม่ไว้ใจใคร|ขาดความเชื่อมั่น|สูญเสียความมั่นใจ|ปัญหาสุขภาพจิต|ถูกทารุณทางจิตใจ|จิตใจบอบช้ำ',
      vi: 'sang chấn tâm lý|sang chấn|chấn thương tâm lý|ác mộng|hoảng loạn|trầm cảm|lo âu|sợ hãi|ám ảnh|tự tử|tự sát|muốn chết|tự làm hại bản thân|mất niềm tin|không tin ai|tổn thương tinh thần|tổn thương tâm lý|bạo hành tinh thần|khủng hoảng tâm lý|rối loạn stress sau sang chấn',
      id: 'trauma|trauma psikologis|trauma berat|mimpi buruk|depresi|cemas|ketakutan|takut|panik|stres berat|bunuh diri|ingin bunuh diri|melukai diri|tidak percaya orang lain|kehilangan kepercayaan|gangguan jiwa|gangguan mental|luka batin|kekerasan psikis|tekanan batin|murung',
      tl: 'trauma|sikolohikal na trauma|bangungot|depresyon|nalulumbay|pagkabalisa|takot|takot na takot|natatakot|nagpakamatay|gustong magpakamatay|sinasaktan ang sarili|nawalan ng tiwala|hindi na nagtitiwala|sugat sa damdamin|emosyonal na pang-aabuso|problema sa pag-iisip|tulala',
      zh: '心理创伤|心理創傷|创伤|噩梦|恶梦|闪回|抑郁|抑郁症|焦虑|惊恐|恐惧|害怕|自杀|自殺|想死|自残|失去信任|不再相信别人|精神创伤|精神虐待|心理问题|创伤后应激障碍',
      km: 'របួសផ្លូវចិត្ត|ប៉ះទង្គិចផ្លូវចិត្ត|សុបិនអាក្រក់|ធ្លាក់ទឹកចិត្ត|ថប់បារម្ភ|ភ័យខ្លាច|ខ្លាច|ភិតភ័យ|ធ្វើអត្តឃាត|ចង់សម្លាប់ខ្លួន|ធ្វើបាបខ្លួនឯង|បាត់បង់ទំនុកចិត្ត|មិនទុកចិត្តអ្នកណា|បញ្ហាសុខភាពផ្លូវចិត្ត|ធ្វើបាបផ្លូវចិត្ត|ស្ត្រេស',
      my: 'စိတ်ဒဏ်ရာ|စိတ်ထိခိုက်|အိပ်မက်ဆိုး|စိတ်ကျ|စိတ်ကျရောဂါ|စိုးရိမ်ပူပန်|ကြောက်|ကြောက်လန့်|ထိတ်လန့်|သတ်သေ|ကိုယ့်ကိုယ်ကိုသတ်သေ|သေချင်|ကိုယ့်ကိုယ်ကိုထိခိုက်|ယုံကြည်မှုပျောက်|ဘယ်သူ့ကိုမှမယုံ|စိတ်ပိုင်းဆိုင်ရာညှဉ်းပန်း|စိတ်ကျန်းမာရေးပြဿနာ|စိတ်ဖိစီး',
    },
  ],
  [
    'harm.substance',
    'Substance dependence',
    'drugs given to control, alcohol to cope',
    ['HTCDS:PsychoactiveSubstance'],
    {
      en: 'substance dependence|drugs given|given drugs|forced to take drugs|drugged|drugs to keep working|drugs to work longer|meth to stay awake|yaba to stay awake|addicted after|became addicted|alcohol to cope|drinking to cope|drugs to control|hooked on drugs|drug dependence|pills to stay awake',
      th: 'ถูกบังคับให้เสพยา|ให้กินยาบ้า|ให้ยาบ้าทำงาน|กินยาบ้าเพื่อทำงาน|ยาบ้าให้ทำงานได้นาน|ยาเพื่อไม่ให้หลับ|ติดยาหลังจากนั้น|กลายเป็นคนติดยา|ดื่มเหล้าให้ลืม|กินเหล้าเพื่อลืม|ใช้ยาควบคุม|ถูกวางยา|ติดยาเสพติด',
      vi: 'bị ép dùng ma túy|bị cho uống thuốc|bị chích thuốc|dùng ma túy để làm việc|ma túy đá để thức|thuốc để không ngủ|trở nên nghiện|bị nghiện sau đó|uống rượu để quên|uống rượu giải sầu|dùng ma túy để khống chế|bị bỏ thuốc|lệ thuộc ma túy|nghiện ma túy',
      id: 'dipaksa pakai narkoba|dikasih sabu|dicekoki narkoba|diberi obat|dibius|narkoba supaya kuat kerja|sabu supaya tidak tidur|pil supaya melek|jadi kecanduan|jadi pecandu|minum untuk lupa|mabuk untuk melupakan|narkoba untuk mengontrol|ketergantungan narkoba|ketagihan dadah',
      tl: 'pinilit gumamit ng droga|binigyan ng droga|binigyan ng shabu|shabu para gising|droga para makapagtrabaho|tableta para hindi antukin|naadik|nalulong sa droga|nalulong|uminom para makalimot|alak para makalimot|droga para kontrolin|pinainom ng droga|dependensya sa droga',
      zh: '被迫吸毒|被喂毒品|被下药|给毒品|吸冰毒提神|吃麻古干活|用毒品控制|靠药物熬夜|后来上瘾了|染上毒瘾|毒瘾|借酒消愁|喝酒麻醉自己|药物依赖|毒品依赖',
      km: 'ត្រូវបង្ខំឲ្យប្រើគ្រឿងញៀន|ត្រូវគេឲ្យថ្នាំញៀន|ឲ្យលេបថ្នាំ|ត្រូវគេដាក់ថ្នាំ|ម៉ាទឹកកកដើម្បីធ្វើការ|ថ្នាំកុំឲ្យងងុយ|ក្លាយជាអ្នកញៀន|ញៀនថ្នាំ|ផឹកស្រាដើម្បីភ្លេច|ប្រើគ្រឿងញៀនដើម្បីគ្រប់គ្រង|ពឹងផ្អែកលើគ្រឿងញៀន',
      my: 'မူးယစ်ဆေးအတင်းသုံးခိုင်း|ဆေးတိုက်|ယာဘတိုက်|ဆေးခတ်|အိပ်ရေးမပျက်အောင်ဆေးပေး|အလုပ်ပိုလုပ်နိုင်အောင်ဆေးပေး|ဆေးစွဲသွား|မူးယစ်ဆေးစွဲ|မေ့ဖို့အရက်သောက်|အရက်နဲ့ဖြေ|ဆေးနဲ့ထိန်းချုပ်|ဆေးမှီခို',
    },
  ],
  [
    'harm.debt',
    'Debt and lost income',
    'debt grows, wages never paid, family loses its breadwinner',
    ['ILO:8', 'ILO:9'],
    {
      en: 'debt grows|debt keeps growing|more debt|deeper in debt|debt bondage|bonded|wages never paid|unpaid wages|not paid|no salary|salary withheld|wage theft|deductions|fines from salary|lost income|no money sent home|family lost breadwinner|lost breadwinner|came home with nothing|returned with debt|cannot repay',
      th: 'หนี้เพิ่มขึ้น|หนี้พอกพูน|หนี้ไม่หมด|ติดหนี้เพิ่ม|ทาสหนี้|แรงงานขัดหนี้|ไม่ได้ค่าจ้าง|ไม่ได้รับเงินเดือน|ค้างค่าจ้าง|ถูกหักเงิน|หักค่าจ้าง|ถูกปรับเงิน|ขาดรายได้|ไม่มีเงินส่งบ้าน|ครอบครัวขาดเสาหลัก|กลับบ้านมือเปล่า|กลับมาพร้อมหนี้|ใช้หนี้ไม่หมด',
      vi: 'nợ chồng chất|nợ tăng|nợ càng nhiều|càng nợ thêm|lún sâu vào nợ|nô lệ nợ|lao động trừ nợ|không được trả lương|bị quỵt lương|nợ lương|giữ lương|bị trừ lương|bị phạt tiền|mất thu nhập|không có tiền gửi về|gia đình mất trụ cột|về tay trắng|về nước với khoản nợ|không trả được nợ',
      id: 'hutang makin banyak|utang bertambah|terjerat hutang|jeratan utang|kerja bayar hutang|ijon|gaji tidak dibayar|gaji ditahan|gaji dipotong|tidak digaji|tak dibayar gaji|potongan gaji|denda|kehilangan penghasilan|tidak bisa kirim uang|keluarga kehilangan pencari nafkah|pulang tanpa uang|pulang bawa utang|tidak bisa bayar utang',
      tl: 'lumaki ang utang|lalong nabaon sa utang|baon sa utang|pagkaalipin sa utang|trabaho bayad-utang|hindi sinahuran|walang sahod|hindi binayaran|kinaltasan ang sahod|kaltas|multa sa sahod|hinold ang sahod|nawalan ng kita|walang maipadala|nawalan ng breadwinner|umuwing walang pera|umuwing may utang|hindi makabayad ng utang',
      zh: '债越来越多|债务增加|越欠越多|债务奴役|以工抵债|做工还债|工资没发|拿不到工资|欠薪|拖欠工资|克扣工资|扣工资|被罚款|收入损失|没钱寄回家|家里失去顶梁柱|空手回家|回来欠一身债|还不了债',
      km: 'បំណុលកើនឡើង|ជំពាក់កាន់តែច្រើន|ជាប់បំណុល|ពលកម្មជាប់បំណុល|ធ្វើការសងបំណុល|មិនបានបើកប្រាក់ខែ|អត់បានប្រាក់ខែ|អត់ទាន់បើកលុយ|ប្រាក់ខែត្រូវកាត់|កាត់ប្រាក់ខែ|ពិន័យ|បាត់បង់ចំណូល|គ្មានលុយផ្ញើទៅផ្ទះ|គ្រួសារបាត់បង់អ្នករកចំណូល|ត្រឡប់មកដៃទទេ|ត្រឡប់មកជាប់បំណុល|សងបំណុលមិនរួច',
      my: 'အကြွေးတိုး|ကြွေးပိုတင်|ကြွေးမကျေ|ကြွေးကျွန်|ကြွေးဆပ်အလုပ်|လစာမရ|လုပ်ခမရ|လစာမပေး|လစာဖြတ်|လစာလျှော့|ဒဏ်ငွေ|ဝင်ငွေဆုံး|အိမ်ကိုငွေမပို့နိုင်|မိသားစုဝင်ငွေရှာသူဆုံး|လက်ချည်းပြန်|ကြွေးနဲ့ပြန်လာ|ကြွေးမဆပ်နိုင်',
    },
  ],
  [
    'harm.stigma',
    'Stigma and shame',
    'shame, rejection by family or village, gossip, blamed',
    [],
    {
      en: 'stigma|stigmatised|stigmatized|shame|ashamed|shamed|rejected by family|rejected by village|rejection|gossip|people talk|blamed|victim blaming|labelled prostitute|called prostitute|dishonour|loss of face|family honour|cannot marry|no one will marry her|outcast|judged',
      th: 'ตราบาป|ถูกตีตรา|อับอาย|ความอับอาย|ขายหน้า|ครอบครัวไม่ยอมรับ|ชุมชนไม่ยอมรับ|ถูกรังเกียจ|ถูกนินทา|คนนินทา|ถูกกล่าวโทษ|โทษเหยื่อ|ถูกเรียกว่าโสเภณี|เสียชื่อเสียง|เสียหน้า|ไม่มีใครอยากแต่งงานด้วย|ถูกตัดสิน',
      vi: 'kỳ thị|bị kỳ thị|xấu hổ|nhục nhã|mất mặt|bị gia đình từ chối|gia đình không chấp nhận|làng xóm xa lánh|bị xa lánh|dị nghị|lời ra tiếng vào|bị đổ lỗi|đổ lỗi cho nạn nhân|bị gọi là gái|bị coi là gái bán dâm|mất danh dự|không ai lấy|bị miệt thị',
      id: 'stigma|dicap|dicap buruk|malu|aib|memalukan|ditolak keluarga|ditolak warga|dikucilkan|digunjing|jadi omongan|gosip|disalahkan|menyalahkan korban|dicap pelacur|dicap lonte|dianggap perempuan nakal|kehilangan kehormatan|tidak ada yang mau menikahi|dihakimi|aib keluarga',
      tl: 'stigma|kahihiyan|hiya|napahiya|ikinahiya|itinakwil ng pamilya|tinanggihan ng komunidad|pinagtsismisan|tsismis|usap-usapan|sinisisi|sinisi ang biktima|tinawag na pokpok|tinawag na puta|nadungisan ang pangalan|walang gustong magpakasal|hinuhusgahan|marumi ang tingin',
      zh: '污名|污名化|耻辱|羞耻|丢脸|丟臉|没面子|被家人拒绝|家人不接受|被村里排斥|被排斥|闲言碎语|被说闲话|流言|被指责|责怪受害者|被叫做妓女|名声坏了|嫁不出去|被歧视|被看不起',
      km: 'ការមាក់ងាយ|ត្រូវគេមាក់ងាយ|អាម៉ាស់|ខ្មាសគេ|បាក់មុខ|គ្រួសារមិនទទួលយក|ភូមិមិនទទួលយក|ត្រូវគេស្អប់ខ្ពើម|ត្រូវគេនិយាយដើម|និយាយដើម|ត្រូវគេបន្ទោស|បន្ទោសជនរងគ្រោះ|ត្រូវគេហៅថាស្រីពេស្យា|ខូចកេរ្តិ៍ឈ្មោះ|គ្មាននរណារៀបការជាមួយ|ត្រូវគេមើលងាយ',
      my: 'အရှက်|ရှက်|အရှက်ရ|မျက်နှာပျက်|မိသားစုလက်မခံ|ရွာကလက်မခံ|ကဲ့ရဲ့|အပြစ်တင်|သားကောင်ကိုအပြစ်တင်|အတင်းအဖျင်း|အတင်းပြော|ပြည့်တန်ဆာလို့ခေါ်|ဂုဏ်သိက္ခာကျ|ဘယ်သူမှမယူ|နှိမ့်ချဆက်ဆံ|ခွဲခြားဆက်ဆံခံရ|အထင်သေး',
    },
  ],
  [
    'harm.family_separation',
    'Family separation',
    'children left behind, marriages broken, no contact',
    [],
    {
      en: 'family separation|separated from family|separated from children|children left behind|kids left behind|left kids with grandma|marriage broken|marriage broke up|husband left|wife left|divorce after|no contact with family|lost contact|family does not know where|cannot call family|missing person|family torn apart|never saw her children',
      th: 'พลัดพรากจากครอบครัว|แยกจากครอบครัว|แยกจากลูก|ทิ้งลูกไว้|ลูกถูกทิ้งไว้กับยาย|ครอบครัวแตกแยก|ชีวิตคู่พัง|สามีทิ้ง|ภรรยาทิ้ง|หย่าหลังจากกลับมา|ขาดการติดต่อ|ติดต่อครอบครัวไม่ได้|ครอบครัวไม่รู้ว่าอยู่ไหน|โทรหาที่บ้านไม่ได้|คนหาย|ไม่ได้เจอลูก',
      vi: 'chia cắt gia đình|xa gia đình|xa con|con cái bị bỏ lại|để con lại cho ông bà|hôn nhân tan vỡ|vợ chồng ly tán|chồng bỏ|vợ bỏ|ly hôn sau khi về|mất liên lạc|không liên lạc được với gia đình|gia đình không biết ở đâu|không được gọi về nhà|mất tích|gia đình ly tán|không được gặp con',
      id: 'terpisah dari keluarga|berpisah dengan anak|anak ditinggal|anak dititipkan ke nenek|rumah tangga hancur|pernikahan hancur|suami pergi|istri pergi|cerai setelah pulang|hilang kontak|putus komunikasi|tidak bisa hubungi keluarga|keluarga tidak tahu keberadaan|tidak boleh telepon keluarga|orang hilang|keluarga tercerai-berai|tidak pernah lihat anak',
      tl: 'pagkakahiwalay ng pamilya|nahiwalay sa pamilya|nahiwalay sa mga anak|naiwang mga anak|iniwan ang anak sa lola|nasira ang pamilya|nasirang pagsasama|iniwan ng asawa|naghiwalay pagbalik|nawalan ng komunikasyon|walang contact sa pamilya|hindi alam ng pamilya kung nasaan|bawal tumawag sa pamilya|nawawala|watak-watak na pamilya|hindi nakita ang mga anak',
      zh: '骨肉分离|与家人分离|和家人分开|和孩子分开|孩子被留下|孩子留给奶奶|婚姻破裂|老公跑了|丈夫离开|妻子离开|回来后离婚|失去联系|联系不上家人|家人不知道在哪|不准给家里打电话|失踪|家庭破碎|见不到孩子',
      km: 'ការបែកគ្នាពីគ្រួសារ|បែកពីគ្រួសារ|បែកពីកូន|ទុកកូនចោល|ទុកកូនឲ្យយាយមើល|អាពាហ៍ពិពាហ៍បែកបាក់|ប្ដីចោល|ប្រពន្ធចោល|លែងលះក្រោយត្រឡប់មកវិញ|បាត់ទំនាក់ទំនង|ទាក់ទងគ្រួសារមិនបាន|គ្រួសារមិនដឹងថានៅឯណា|មិនឲ្យទូរស័ព្ទទៅផ្ទះ|បាត់ខ្លួន|គ្រួសារបែកបាក់|មិនបានជួបកូន',
      my: 'မိသားစုနဲ့ခွဲခွာ|မိသားစုနဲ့ကွဲ|ကလေးတွေနဲ့ကွဲ|ကလေးတွေကျန်ခဲ့|ကလေးကိုအဖွားဆီထား|အိမ်ထောင်ကွဲ|အိမ်ထောင်ပျက်|ယောက်ျားထားခဲ့|မိန်းမထားခဲ့|အဆက်အသွယ်ပြတ်|မိသားစုကိုဆက်သွယ်လို့မရ|ဘယ်ရောက်နေလဲမသိ|အိမ်ကိုဖုန်းဆက်ခွင့်မရ|ပျောက်ဆုံး|မိသားစုပြိုကွဲ|ကလေးနဲ့မတွေ့ရ',
    },
  ],
  [
    'harm.lost_education',
    'Lost education and skills',
    'children out of school, no skills for a future job',
    [],
    {
      en: 'lost education|out of school|missed school|stopped school|children out of school|kids not in school|no schooling|lost years of school|no skills|no job skills|no qualifications|cannot find job after|no future|no training|unemployable|lost childhood|years lost',
      th: 'เสียโอกาสทางการศึกษา|หลุดจากระบบการศึกษา|ไม่ได้ไปโรงเรียน|ต้องออกจากโรงเรียน|เด็กไม่ได้เรียน|ขาดเรียน|เสียเวลาเรียน|ไม่มีทักษะ|ไม่มีทักษะอาชีพ|ไม่มีวุฒิ|หางานไม่ได้หลังกลับมา|ไม่มีอนาคต|ไม่ได้ฝึกอาชีพ|เสียวัยเด็ก',
      vi: 'mất cơ hội học tập|mất cơ hội học hành|phải nghỉ học|trẻ bỏ học|không được đến trường|lỡ dở việc học|không có kỹ năng|không có tay nghề|không có bằng cấp|về không tìm được việc|không có tương lai|không được học nghề|mất tuổi thơ|mất nhiều năm',
      id: 'kehilangan pendidikan|putus sekolah|tidak sekolah lagi|anak tidak sekolah|ketinggalan sekolah|bertahun-tahun tidak sekolah|tidak punya keterampilan|tanpa keahlian|tidak punya ijazah|susah cari kerja setelah pulang|tidak punya masa depan|tidak ada pelatihan|kehilangan masa kecil|masa depan hilang|tercicir',
      tl: 'nawalan ng pag-aaral|hindi na nakapag-aral|tumigil sa pag-aaral|out of school youth|mga batang hindi nag-aaral|nahinto sa eskwela|walang kasanayan|walang skills|walang diploma|hindi makahanap ng trabaho pagbalik|walang kinabukasan|walang training|nawala ang pagkabata|nasayang na taon',
      zh: '失去教育|失学|失學|辍学|孩子不能上学|孩子没上学|耽误学业|荒废学业|没有技能|缺乏技能|没有文凭|回来找不到工作|没有前途|没有培训|失去童年|浪费了几年',
      km: 'បាត់បង់ការអប់រំ|ឈប់រៀន|បោះបង់ការសិក្សា|កុមារមិនបានទៅសាលា|ខកខានការសិក្សា|បាត់បង់ឆ្នាំសិក្សា|គ្មានជំនាញ|គ្មានជំនាញការងារ|គ្មានសញ្ញាបត្រ|រកការងារមិនបានពេលត្រឡប់មកវិញ|គ្មានអនាគត|គ្មានវគ្គបណ្ដុះបណ្ដាល|បាត់បង់វ័យកុមារ',
      my: 'ပညာရေးဆုံးရှုံး|ကျောင်းထွက်ရ|ကျောင်းမတက်ရတော့|ကလေးတွေကျောင်းမနေရ|ကျောင်းပျက်|နှစ်တွေဆုံး|ကျွမ်းကျင်မှုမရှိ|အသက်မွေးပညာမရှိ|ဘွဲ့လက်မှတ်မရှိ|ပြန်လာတော့အလုပ်ရှာမရ|အနာဂတ်မရှိ|သင်တန်းမရ|ကလေးဘဝဆုံးရှုံး',
    },
  ],
  [
    'harm.criminalisation',
    'Criminalisation and deportation',
    'arrested for prostitution or irregular entry, detention, deportation, record',
    ['HTCDS:ThreatsLawEnforcement'],
    {
      en: 'criminalisation|criminalization|treated as criminal|arrested|arrest|jailed|jail|prison|detention|detained|immigration detention|deported|deportation|deport|fined for illegal entry|charged with prostitution|arrested for prostitution|criminal record|punished for crimes they were forced to commit|forced criminality|raid then deported|prosecuted as illegal',
      th: 'ถูกดำเนินคดี|ถูกจับ|ถูกจับกุม|ติดคุก|จำคุก|ห้องกัก|ถูกกักตัว|ตม.กัก|ถูกส่งกลับ|ถูกเนรเทศ|ผลักดันกลับ|ถูกปรับฐานเข้าเมืองผิดกฎหมาย|ถูกจับข้อหาค้าประเวณี|มีประวัติอาชญากรรม|ถูกบังคับให้ทำผิดกฎหมาย|ถูกปฏิบัติเหมือนผู้ร้าย',
      vi: 'bị hình sự hóa|bị coi là tội phạm|bị bắt|bị bắt giữ|bị giam|đi tù|ngồi tù|trại giam|trại tạm giam|bị trục xuất|bị trả về|bị phạt vì nhập cảnh trái phép|bị bắt vì bán dâm|có tiền án|bị ép phạm tội|bị xử lý như tội phạm|bị truy tố',
      id: 'dikriminalisasi|dianggap penjahat|ditangkap|dipenjara|penjara|ditahan|rumah detensi|rudenim|detensi imigrasi|dideportasi|deportasi|dipulangkan paksa|didenda masuk ilegal|ditangkap karena prostitusi|dituduh pelacuran|catatan kriminal|dipaksa melakukan kejahatan|razia lalu dideportasi|dihukum sebat|ditahan di depot',
      tl: 'ginawang kriminal|tinratong kriminal|hinuli|inaresto|nakulong|kulungan|bilangguan|detention|nakadetine|immigration detention|deported|pinadeport|pinauwi nang sapilitan|pinagmulta|hinuli dahil sa prostitusyon|may criminal record|pinilit gumawa ng krimen|ni-raid tapos deport|kinasuhan',
      zh: '刑事化|被当成罪犯|被抓|被捕|被逮捕|坐牢|监狱|拘留|被拘留|移民拘留|被遣返|遣返|驱逐出境|被罚款非法入境|因卖淫被抓|卖淫罪|犯罪记录|被迫犯罪|扫黄后遣返|被起诉',
      km: 'ត្រូវចាត់ទុកជាឧក្រិដ្ឋជន|ត្រូវចាប់ខ្លួន|ចាប់ខ្លួន|ជាប់គុក|ពន្ធនាគារ|ឃុំខ្លួន|មណ្ឌលឃុំឃាំង|ត្រូវបញ្ជូនមកវិញ|បញ្ជូនត្រឡប់|និរទេស|ត្រូវនិរទេស|ពិន័យចូលខុសច្បាប់|ចាប់ពីបទពេស្យាចារ|មានកំណត់ត្រាព្រហ្មទណ្ឌ|ត្រូវបង្ខំឲ្យប្រព្រឹត្តបទល្មើស|ត្រូវគេចោទ',
      my: 'ရာဇဝတ်သားအဖြစ်ဆက်ဆံ|ဖမ်း|ဖမ်းဆီးခံရ|အဖမ်းခံရ|ထောင်ကျ|ထောင်|အချုပ်|ထိန်းသိမ်းခံရ|လဝကအချုပ်|ပြန်ပို့|ပြည်နှင်|နိုင်ငံမှနှင်ထုတ်|တရားမဝင်ဝင်ရောက်မှုဒဏ်ငွေ|ပြည့်တန်ဆာမှုနဲ့ဖမ်း|ရာဇဝတ်မှုမှတ်တမ်း|ရာဇဝတ်မှုအတင်းလုပ်ခိုင်း|တရားစွဲခံရ',
    },
  ],
  [
    'harm.retrafficking',
    'Re-trafficking',
    're-recruited, returns to exploitation, no way out',
    [],
    {
      en: 're-trafficking|retrafficking|re-trafficked|retrafficked|trafficked again|re-recruited|recruited again|went back|goes back|returned to the same work|back to exploitation|same broker again|no way out|cycle repeats|re-victimised|re-victimized|went abroad again',
      th: 'ถูกค้ามนุษย์ซ้ำ|ตกเป็นเหยื่อซ้ำ|ถูกหลอกซ้ำ|ถูกชักชวนอีก|กลับไปอีก|กลับไปทำงานเดิม|กลับไปสู่การแสวงประโยชน์|นายหน้าคนเดิม|ไม่มีทางออก|วนกลับไปอีก|ไปต่างประเทศอีกรอบ|ซ้ำรอยเดิม',
      vi: 'bị mua bán lại|bị buôn bán lại|tái mua bán|bị lừa lần nữa|bị dụ lại|quay lại|lại đi|quay lại làm việc cũ|quay lại bị bóc lột|cùng môi giới cũ|không có lối thoát|vòng lặp|lại đi nước ngoài|tái nạn nhân',
      id: 'diperdagangkan lagi|jadi korban lagi|kembali jadi korban|direkrut lagi|ditipu lagi|berangkat lagi|balik lagi|kembali ke pekerjaan yang sama|kembali dieksploitasi|calo yang sama|tidak ada jalan keluar|berulang|ke luar negeri lagi|reviktimisasi',
      tl: 'na-traffic ulit|biktima ulit|muling na-recruit|na-recruit ulit|naloko ulit|bumalik|bumalik sa dating trabaho|bumalik sa pang-aabuso|parehong recruiter|walang labasan|paulit-ulit|nag-abroad ulit|muling nabiktima',
      zh: '再次被拐卖|再次被贩运|再次被骗|又被招募|又被骗|又回去了|回到原来的工作|重新陷入剥削|同一个中介|没有出路|恶性循环|又出国|二次受害',
      km: 'ត្រូវជួញដូរម្ដងទៀត|រងគ្រោះម្ដងទៀត|ត្រូវបោកប្រាស់ម្ដងទៀត|ត្រូវជ្រើសរើសម្ដងទៀត|ត្រឡប់ទៅវិញ|ត្រឡប់ទៅធ្វើការដដែល|ត្រឡប់ទៅរងការកេងប្រវ័ញ្ច|មេខ្យល់ដដែល|គ្មានផ្លូវចេញ|វដ្តដដែលៗ|ទៅក្រៅប្រទេសម្ដងទៀត',
      my: 'ထပ်မံလူကုန်ကူးခံရ|ထပ်ပြီးသားကောင်ဖြစ်|ထပ်လိမ်ခံရ|ထပ်ခေါ်|ပြန်သွား|ပြန်သွားတယ်|အလုပ်ဟောင်းကိုပြန်|ထပ်ခေါင်းပုံဖြတ်ခံရ|ပွဲစားတစ်ယောက်တည်း|ထွက်ပေါက်မရှိ|သံသရာလည်|နိုင်ငံခြားထပ်သွား',
    },
  ],
  [
    'harm.community_cycle',
    'Exploitation becomes normal',
    'next generation recruited, village seen as source, cycle continues',
    [],
    {
      en: 'exploitation becomes normal|normalised|normalized|seen as normal|accepted as normal|next generation recruited|younger sisters follow|daughters follow mothers|village seen as source|source village|whole village goes|cycle continues|intergenerational|culture of migration|everyone does it|children follow parents',
      th: 'กลายเป็นเรื่องปกติ|มองว่าเป็นเรื่องธรรมดา|ยอมรับว่าปกติ|รุ่นต่อไปถูกชักชวน|น้องสาวตามไป|ลูกสาวตามแม่ไป|หมู่บ้านต้นทาง|ทั้งหมู่บ้านไป|วงจรไม่จบ|วงจรซ้ำ|ส่งต่อรุ่นสู่รุ่น|ใครๆก็ไป|ค่านิยมไปทำงานต่างประเทศ',
      vi: 'bóc lột trở thành bình thường|bình thường hóa|coi là chuyện bình thường|thế hệ sau bị dụ|em gái đi theo|con gái theo mẹ|làng là điểm nguồn|cả làng đi|vòng luẩn quẩn|tiếp diễn|từ đời này sang đời khác|ai cũng đi|văn hóa di cư|làng xuất khẩu lao động',
      id: 'eksploitasi jadi biasa|dianggap biasa|dianggap wajar|dinormalisasi|generasi berikutnya direkrut|adik ikut|anak perempuan ikut ibu|desa kantong tki|desa asal|satu desa berangkat|lingkaran setan|siklus berlanjut|turun-temurun|semua orang begitu|budaya merantau',
      tl: 'naging normal|normal na lang|tanggap na ng lahat|susunod na henerasyon|sumusunod ang mga kapatid|sumusunod ang anak sa ina|pinagmumulang baryo|buong baryo umaalis|paulit-ulit na siklo|tuloy ang siklo|salinlahi|lahat naman ganyan|kultura ng pag-abroad',
      zh: '剥削常态化|习以为常|被视为正常|下一代也被招募|妹妹跟着去|女儿跟着母亲|输出村|劳务输出村|全村都去|恶性循环继续|代代相传|大家都这样|外出打工文化',
      km: 'ការកេងប្រវ័ញ្ចក្លាយជារឿងធម្មតា|ចាត់ទុកជារឿងធម្មតា|ទទួលយកជារឿងធម្មតា|ជំនាន់ក្រោយត្រូវជ្រើសរើស|ប្អូនស្រីទៅតាម|កូនស្រីទៅតាមម្ដាយ|ភូមិប្រភព|ទាំងភូមិទៅ|វដ្តបន្ត|ពីជំនាន់មួយទៅជំនាន់មួយ|អ្នកណាក៏ទៅដែរ|វប្បធម៌ចំណាកស្រុក',
      my: 'ခေါင်းပုံဖြတ်ခံရတာပုံမှန်ဖြစ်|ပုံမှန်လိုဖြစ်|ဓလေ့ဖြစ်|နောက်မျိုးဆက်|ညီမတွေလိုက်သွား|သမီးကအမေ့နောက်လိုက်|ရွာတစ်ရွာလုံးသွား|ရင်းမြစ်ရွာ|သံသရာဆက်|မျိုးဆက်လိုက်|အားလုံးသွားကြတာပဲ|ရွှေ့ပြောင်းဓလေ့',
    },
  ],
  [
    'harm.mistrust',
    'Mistrust of authorities',
    "afraid of police, won't report, distrust of NGOs",
    [],
    {
      en: "mistrust|distrust|mistrust of authorities|no trust in police|afraid of police|fear of police|scared of police|wont report|won't report|dont report|do not report|underreporting|afraid to report|distrust of ngos|dont trust ngos|fear of authorities|fear of immigration|police side with employers|hotline not trusted",
      th: 'ไม่ไว้ใจเจ้าหน้าที่|ไม่เชื่อใจตำรวจ|กลัวตำรวจ|กลัวเจ้าหน้าที่|ไม่กล้าแจ้งความ|ไม่แจ้งความ|ไม่กล้ารายงาน|ไม่ไว้ใจเอ็นจีโอ|กลัว ตม.|ตำรวจเข้าข้างนายจ้าง|ไม่เชื่อสายด่วน|ไม่กล้าขอความช่วยเหลือ',
      vi: 'mất lòng tin|không tin chính quyền|không tin công an|sợ công an|sợ cảnh sát|không dám báo|không dám tố cáo|không báo cáo|ngại trình báo|không tin tổ chức phi chính phủ|không tin ngo|sợ chính quyền|sợ bị trục xuất nên không báo|công an đứng về phía chủ|không dám nhờ giúp đỡ',
      id: 'tidak percaya aparat|tidak percaya polisi|takut polisi|takut lapor|tidak mau lapor|gak berani lapor|enggan melapor|tidak melapor|tidak percaya lsm|tidak percaya ngo|takut imigrasi|takut pihak berwajib|polisi memihak majikan|tidak percaya hotline|takut minta tolong',
      tl: 'walang tiwala sa awtoridad|walang tiwala sa pulis|takot sa pulis|takot magsumbong|ayaw magsumbong|hindi nagrereport|di nagsusumbong|walang tiwala sa ngo|takot sa immigration|takot sa awtoridad|kampi ang pulis sa amo|hindi pinagkakatiwalaan ang hotline|takot humingi ng tulong',
      zh: '不信任政府|不信任警察|害怕警察|怕警察|不敢报警|不报警|不敢举报|不愿报案|不信任非政府组织|不信任ngo|害怕移民局|害怕官方|警察站在老板那边|不相信热线|不敢求助',
      km: 'មិនទុកចិត្តអាជ្ញាធរ|មិនទុកចិត្តប៉ូលិស|ខ្លាចប៉ូលិស|ខ្លាចអាជ្ញាធរ|មិនហ៊ានប្ដឹង|មិនប្ដឹង|មិនហ៊ានរាយការណ៍|មិនទុកចិត្តអង្គការ|ខ្លាចអន្តោប្រវេសន៍|ប៉ូលិសនៅខាងថៅកែ|មិនជឿខ្សែទូរស័ព្ទជំនួយ|មិនហ៊ានសុំជំនួយ',
      my: 'အာဏာပိုင်ကိုမယုံ|ရဲကိုမယုံ|ရဲကိုကြောက်|အာဏာပိုင်ကိုကြောက်|တိုင်ကြားဖို့ကြောက်|မတိုင်ရဲ|မတိုင်ကြား|အဖွဲ့အစည်းကိုမယုံ|NGO ကိုမယုံ|လဝကကိုကြောက်|ရဲကအလုပ်ရှင်ဘက်|ဟော့လိုင်းကိုမယုံ|အကူအညီမတောင်းရဲ',
    },
  ],
  [
    'harm.crime_growth',
    'Organised crime grows',
    'trafficking networks, money laundering, corruption spreads',
    [],
    {
      en: 'organised crime|organized crime|crime grows|criminal networks|trafficking networks|syndicate|syndicates|gangs|mafia|money laundering|laundering|scam compounds|scam centres|drug trafficking links|crime spreads|corruption spreads|traffickers get richer|profits for criminals|cross border networks',
      th: 'องค์กรอาชญากรรม|อาชญากรรมข้ามชาติ|เครือข่ายอาชญากรรม|เครือข่ายค้ามนุษย์|แก๊ง|แก๊งคอลเซ็นเตอร์|มาเฟีย|ฟอกเงิน|การฟอกเงิน|ศูนย์สแกมเมอร์|แก๊งสแกม|ค้ายาเสพติด|อาชญากรรมขยายตัว|ทุจริตลุกลาม|ผู้ค้ามนุษย์รวยขึ้น',
      vi: 'tội phạm có tổ chức|tội phạm xuyên quốc gia|mạng lưới tội phạm|đường dây buôn người|đường dây|băng nhóm|xã hội đen|mafia|rửa tiền|trung tâm lừa đảo|đặc khu lừa đảo|buôn ma túy|tội phạm gia tăng|tham nhũng lan rộng|kẻ buôn người giàu lên',
      id: 'kejahatan terorganisir|kejahatan transnasional|jaringan kriminal|jaringan perdagangan orang|sindikat|sindikat tppo|geng|mafia|pencucian uang|cuci uang|markas scam|pusat penipuan online|perdagangan narkoba|kejahatan meningkat|korupsi meluas|pelaku makin kaya|jaringan lintas negara',
      tl: 'organisadong krimen|sindikato|sindikato ng trafficking|network ng trafficking|gang|mafia|money laundering|paglalaba ng pera|scam hub|pogo|scam compound|droga at trafficking|lumalaki ang krimen|kumakalat ang korapsyon|yumayaman ang mga trafficker|cross-border na sindikato',
      zh: '有组织犯罪|有組織犯罪|犯罪网络|贩卖人口网络|人贩子集团|犯罪集团|黑帮|黑社会|洗钱|洗錢|诈骗园区|电诈园区|电信诈骗|毒品走私|犯罪增加|腐败蔓延|人贩子越来越富|跨国犯罪网络',
      km: 'ឧក្រិដ្ឋកម្មមានការរៀបចំ|ឧក្រិដ្ឋកម្មឆ្លងដែន|បណ្ដាញឧក្រិដ្ឋកម្ម|បណ្ដាញជួញដូរមនុស្ស|ក្រុមក្មេងទំនើង|ម៉ាហ្វៀ|ការលាងលុយកខ្វក់|លាងលុយ|មជ្ឈមណ្ឌលបោកប្រាស់|ក្រុមហ៊ុនស្កែម|ជួញដូរគ្រឿងញៀន|ឧក្រិដ្ឋកម្មកើនឡើង|អំពើពុករលួយរីករាលដាល',
      my: 'ဖွဲ့စည်းထားသောရာဇဝတ်မှု|နိုင်ငံဖြတ်ကျော်ရာဇဝတ်မှု|ရာဇဝတ်ကွန်ရက်|လူကုန်ကူးကွန်ရက်|ဂိုဏ်း|မာဖီးယား|ငွေကြေးခဝါချ|ငွေခဝါချ|အွန်လိုင်းလိမ်လည်ရေးစခန်း|စကမ်စခန်း|ကေကေပါ့ခ်|မူးယစ်ဆေးမှောင်ခို|ရာဇဝတ်မှုများလာ|အကျင့်ပျက်မှုပြန့်',
    },
  ],
  [
    'harm.economic_loss',
    'Community loses people and income',
    'labour shortage, lost workforce, brain drain, costs to services',
    [],
    {
      en: 'community loses people|economic loss|labour shortage|labor shortage|lost workforce|workforce lost|brain drain|young people gone|village empty|empty villages|only old people left|farms abandoned|fields abandoned|cost to services|cost to government|lost tax|lost productivity|local economy suffers|gdp loss',
      th: 'ชุมชนสูญเสียคน|ความสูญเสียทางเศรษฐกิจ|ขาดแคลนแรงงาน|สูญเสียแรงงาน|สมองไหล|คนหนุ่มสาวไปหมด|หมู่บ้านว่างเปล่า|เหลือแต่คนแก่|นาถูกทิ้งร้าง|ที่นาร้าง|ภาระต่อบริการรัฐ|รัฐเสียงบประมาณ|ผลผลิตลดลง|เศรษฐกิจท้องถิ่นแย่ลง',
      vi: 'cộng đồng mất người|thiệt hại kinh tế|thiếu lao động|thiếu nhân lực|mất lực lượng lao động|chảy máu chất xám|thanh niên đi hết|làng vắng|làng trống|chỉ còn người già|ruộng bỏ hoang|đất bỏ hoang|gánh nặng dịch vụ công|tốn kém cho nhà nước|giảm năng suất|kinh tế địa phương suy giảm',
      id: 'desa kehilangan warga|kerugian ekonomi|kekurangan tenaga kerja|kehilangan tenaga kerja|brain drain|anak muda pergi semua|desa kosong|tinggal orang tua|sawah terbengkalai|lahan terlantar|beban layanan publik|biaya untuk pemerintah|produktivitas turun|ekonomi lokal lesu|kehilangan pajak',
      tl: 'nawawalan ng tao ang komunidad|pagkalugi sa ekonomiya|kakulangan sa manggagawa|kulang ang manggagawa|brain drain|umalis lahat ng kabataan|walang laman ang baryo|matatanda na lang ang natira|pinabayaang bukid|tiwangwang na lupa|gastos sa serbisyo|gastos ng gobyerno|bumaba ang produktibidad|humina ang lokal na ekonomiya',
      zh: '社区失去人口|经济损失|經濟損失|劳动力短缺|勞動力短缺|劳动力流失|人才流失|年轻人都走了|空心村|村里没人|只剩老人|农田荒废|土地撂荒|公共服务成本|政府负担|生产力下降|地方经济受损',
      km: 'សហគមន៍បាត់បង់មនុស្ស|ការខាតបង់សេដ្ឋកិច្ច|កង្វះកម្លាំងពលកម្ម|ខ្វះកម្លាំងពលកម្ម|បាត់បង់កម្លាំងពលកម្ម|ប្រាជ្ញាហូរចេញ|យុវជនទៅអស់|ភូមិស្ងាត់|នៅសល់តែមនុស្សចាស់|ស្រែចោល|ដីទំនេរ|ចំណាយលើសេវាសាធារណៈ|បន្ទុករដ្ឋាភិបាល|ផលិតភាពធ្លាក់ចុះ|សេដ្ឋកិច្ចមូលដ្ឋានធ្លាក់ចុះ',
      my: 'ရပ်ရွာလူဆုံးရှုံး|စီးပွားရေးဆုံးရှုံး|လုပ်သားရှားပါး|လုပ်သားပြတ်လပ်|လုပ်အားဆုံးရှုံး|ဦးနှောက်ယိုစီး|လူငယ်တွေမရှိတော့|ရွာခြောက်|လူကြီးတွေပဲကျန်|လယ်တွေပစ်ထား|မြေလွတ်|ပြည်သူ့ဝန်ဆောင်မှုကုန်ကျစရိတ်|အစိုးရဝန်ထုပ်|ကုန်ထုတ်စွမ်းအားကျ|ဒေသစီးပွားကျ',
    },
  ],
];

function build(raw: Raw[], kind: FactorKind): FactorDefinition[] {
  return raw.map(([id, label, description, codes, kw]) => ({
    id,
    kind,
    label,
    description,
    labels: { ...DEFAULT_LABELS[id] },
    descriptions: {},
    codes,
    keywords: Object.fromEntries(
      Object.entries(kw).map(([lang, text]) => [
        lang,
        text
          .split('|')
          .map((s) => s.trim())
          .filter(Boolean),
      ]),
    ),
  }));
}

/** The default vocabulary, push factors first; ids exactly as in the shared reference. */
export const DEFAULT_FACTORS: readonly FactorDefinition[] = [
  ...build(PUSH, 'cause'),
  ...build(HARM, 'consequence'),
];

export const DEFAULT_FACTOR_IDS: readonly string[] = DEFAULT_FACTORS.map((f) => f.id);
