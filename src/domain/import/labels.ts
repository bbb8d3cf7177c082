/**
 * The labels the interface shows for the built-in vocabularies, in English and Thai (the locale
 * files' `vocab.*` and `atlas.*` entries; src/domain/import/import.test.ts checks they agree), so an
 * imported file may write "Law enforcement" or "หน่วยบังคับใช้กฎหมาย" where the key is `LawEnforcement`.
 * The locale files are the web app's; the domain may not import them, hence this copy.
 */
export const TAXONOMY_LABELS: Record<string, Record<string, readonly [string, string]>> = {
  orgType: {
    NGO: ['Non-governmental organisation (NGO)', 'องค์กรพัฒนาเอกชน (NGO)'],
    LawEnforcement: ['Law enforcement', 'หน่วยงานบังคับใช้กฎหมาย'],
    HealthServiceOrganisation: ['Health service', 'หน่วยบริการสุขภาพ'],
    CentralGovernmentOrganisation: ['Central government', 'หน่วยงานราชการส่วนกลาง'],
    LocalGovernmentOrganisation: ['Local government', 'องค์กรปกครองส่วนท้องถิ่น'],
    ImmigrationService: ['Immigration service', 'หน่วยงานตรวจคนเข้าเมือง'],
    LegalService: ['Legal service', 'หน่วยบริการด้านกฎหมาย'],
    CorporateBusiness: ['Business', 'ภาคธุรกิจ'],
    SchoolOrCollege: ['School or college', 'โรงเรียนหรือวิทยาลัย'],
    InternationalOrganisation: ['International organisation', 'องค์การระหว่างประเทศ'],
    FaithBased: ['Faith-based organisation', 'องค์กรทางศาสนา'],
    SurvivorLed: ['Survivor-led organisation', 'องค์กรที่นำโดยผู้รอดพ้นจากการค้ามนุษย์'],
    AcademicResearch: ['Academic or research institution', 'สถาบันวิชาการหรือสถาบันวิจัย'],
    Funder: ['Funder', 'แหล่งทุน'],
  },
  kindOfWork: {
    prevention: ['Prevention', 'การป้องกัน'],
    protection: ['Protection and victim services', 'การคุ้มครองและช่วยเหลือผู้เสียหาย'],
    prosecution: ['Prosecution and law enforcement', 'การดำเนินคดีและการบังคับใช้กฎหมาย'],
    policy: ['Policy and advocacy', 'นโยบายและการผลักดันเชิงนโยบาย'],
    research: ['Research', 'การวิจัย'],
    coordination: ['Coordination', 'การประสานงาน'],
  },
  supportService: {
    Education: ['Education', 'การศึกษา'],
    Financial: ['Financial support', 'การช่วยเหลือทางการเงิน'],
    Health: ['Health care', 'การดูแลสุขภาพ'],
    LabourExploitationRehabilitation: [
      'Recovery after labour exploitation',
      'การฟื้นฟูหลังการถูกแสวงประโยชน์ด้านแรงงาน',
    ],
    Legal: ['Legal aid', 'การช่วยเหลือทางกฎหมาย'],
    Livelihood: ['Livelihood', 'การส่งเสริมอาชีพ'],
    RightsBasedTraining: ['Rights-based training', 'การอบรมด้านสิทธิ'],
    SexualExploitationRehabilitation: [
      'Recovery after sexual exploitation',
      'การฟื้นฟูหลังการถูกแสวงประโยชน์ทางเพศ',
    ],
    SocialCare: ['Social care', 'บริการด้านสังคมสงเคราะห์'],
  },
  form: {
    ForcedLabour: ['Forced labour', 'การบังคับใช้แรงงาน'],
    SexualExploitation: ['Sexual exploitation', 'การแสวงประโยชน์ทางเพศ'],
    ChildLabour: ['Child labour', 'แรงงานเด็ก'],
    ForcedMarriage: ['Forced marriage', 'การบังคับแต่งงาน'],
    Servitude: ['Servitude', 'การเอาคนลงเป็นทาสหรือภาวะจำยอม'],
    ForcedMilitaryByNonStateActors: [
      'Forced recruitment by armed groups',
      'การบังคับเกณฑ์เข้ากลุ่มติดอาวุธ',
    ],
    OrganRemoval: ['Organ removal', 'การตัดอวัยวะเพื่อการค้า'],
    ForcedBegging: ['Forced begging', 'การบังคับให้ขอทาน'],
    ForcedAdoption: ['Forced or illegal adoption', 'การบังคับหรือการรับบุตรบุญธรรมโดยมิชอบ'],
    Surrogacy: ['Exploitative surrogacy', 'การรับตั้งครรภ์แทนโดยการแสวงประโยชน์'],
    Other: ['Other', 'อื่น ๆ'],
  },
  population: {
    children: ['Children', 'เด็ก'],
    women: ['Women', 'ผู้หญิง'],
    men: ['Men', 'ผู้ชาย'],
    migrants: ['Migrants', 'ผู้ย้ายถิ่นและแรงงานข้ามชาติ'],
    refugees: ['Refugees', 'ผู้ลี้ภัย'],
    stateless: ['Stateless people', 'บุคคลไร้สัญชาติ'],
    domesticWorkers: ['Domestic workers', 'ลูกจ้างทำงานบ้าน'],
    fishers: ['Fishers', 'แรงงานประมง'],
    lgbtqi: ['LGBTQI+ people', 'ผู้มีความหลากหลายทางเพศ (LGBTQI+)'],
    indigenous: ['Indigenous peoples', 'ชนเผ่าพื้นเมือง'],
    disabled: ['People with disabilities', 'คนพิการ'],
    survivors: ['Survivors of trafficking', 'ผู้รอดพ้นจากการค้ามนุษย์'],
  },
  visibility: {
    organisation: ['Organisation only', 'เฉพาะองค์กร'],
    coalition: ['Coalition', 'ภายในเครือข่าย'],
    public: ['Public', 'สาธารณะ'],
  },
  labourSector: {
    Agriculture: ['Agriculture', 'เกษตรกรรม'],
    Aquafarming: ['Aquafarming', 'เพาะเลี้ยงสัตว์น้ำ'],
    Begging: ['Begging', 'ขอทาน'],
    Construction: ['Construction', 'ก่อสร้าง'],
    DomesticWork: ['Domestic work', 'งานบ้าน'],
    Fishing: ['Fishing', 'ประมง'],
    Hospitality: ['Hospitality and entertainment', 'การบริการและบันเทิง'],
    IllicitActivities: [
      'Forced criminality (e.g. scam centres)',
      'การบังคับให้ก่ออาชญากรรม (เช่น แก๊งคอลเซ็นเตอร์)',
    ],
    Manufacturing: ['Manufacturing', 'การผลิต'],
    MiningOrDrilling: ['Mining', 'เหมืองแร่'],
    Peddling: ['Peddling', 'ค้าขายเร่'],
    Transportation: ['Transport', 'การขนส่ง'],
    Other: ['Other', 'อื่น ๆ'],
  },
  confidence: {
    confirmed: ['Confirmed', 'ยืนยันแล้ว'],
    likely: ['Likely', 'น่าจะใช่'],
    suspected: ['Suspected', 'สงสัย'],
  },
  basis: {
    casework: ['Casework', 'งานรายกรณี'],
    hotline: ['Hotline', 'สายด่วน'],
    research: ['Research', 'งานวิจัย'],
    media: ['Media', 'สื่อ'],
    fieldObservation: ['Field observation', 'การสังเกตภาคสนาม'],
  },
};

/** Where each vocabulary's labels live in the locale files (for the test that they agree). */
export const TAXONOMY_LABEL_PATHS: Record<string, string> = {
  orgType: 'vocab.type',
  kindOfWork: 'vocab.kindOfWork',
  supportService: 'vocab.supportService',
  form: 'vocab.form',
  population: 'vocab.population',
  visibility: 'vocab.visibility',
  labourSector: 'atlas.sector',
  confidence: 'atlas.confidence',
  basis: 'atlas.basis',
};
