/**
 * Labels of the default factors in the languages of the interface other than English (the
 * English ones are in vocabulary.ts). A coalition edits its own copy; these are only the start.
 */
import type { FactorLanguage } from './vocabulary.ts';

export const DEFAULT_LABELS: Readonly<Record<string, Partial<Record<FactorLanguage, string>>>> = {
  'push.poverty': { th: 'ความยากจน' },
  'push.unemployment': { th: 'ไม่มีงานที่ดีใกล้บ้าน' },
  'push.debt': { th: 'หนี้สิน' },
  'push.education': { th: 'การศึกษาน้อย' },
  'push.awareness': { th: 'ไม่รู้สิทธิหรือช่องทางที่ปลอดภัย' },
  'push.legal_status': { th: 'ไม่มีสถานะทางกฎหมายหรือเอกสาร' },
  'push.migration_policy': { th: 'ช่องทางย้ายถิ่นที่ถูกกฎหมายและปลอดภัยมีน้อย' },
  'push.recruiters': { th: 'นายหน้าและผู้จัดหางานที่ไม่มีการควบคุม' },
  'push.family_violence': { th: 'ความรุนแรงหรือการทารุณในบ้าน' },
  'push.family_breakdown': { th: 'ครอบครัวแตกแยก' },
  'push.family_pressure': { th: 'ภาระต้องเลี้ยงดูครอบครัว' },
  'push.gender_norms': { th: 'บรรทัดฐานทางเพศ' },
  'push.discrimination': { th: 'การเลือกปฏิบัติและการกีดกัน' },
  'push.conflict': { th: 'ความขัดแย้งและการพลัดถิ่น' },
  'push.disaster': { th: 'ภัยพิบัติและการเปลี่ยนแปลงสภาพภูมิอากาศ' },
  'push.health': { th: 'การเจ็บป่วยหรือความพิการ' },
  'push.mental_health': { th: 'สุขภาพจิตและบาดแผลในอดีต' },
  'push.addiction': { th: 'การติดสารเสพติด' },
  'push.online': { th: 'การล่อลวงและจัดหาทางออนไลน์' },
  'push.aspiration': { th: 'ความใฝ่ฝันและแรงกดดันจากเพื่อน' },
  'push.demand': { th: 'ความต้องการแรงงานและบริการทางเพศราคาถูก' },
  'push.corruption': { th: 'การทุจริตและการลอยนวล' },
  'push.weak_protection': { th: 'กฎหมายและการคุ้มครองแรงงานที่อ่อนแอ' },
  'harm.physical': { th: 'อันตรายทางร่างกายและความเจ็บป่วย' },
  'harm.psychological': { th: 'บาดแผลทางจิตใจ' },
  'harm.substance': { th: 'การพึ่งพาสารเสพติด' },
  'harm.debt': { th: 'หนี้สินและรายได้ที่สูญเสีย' },
  'harm.stigma': { th: 'การตีตราและความอับอาย' },
  'harm.family_separation': { th: 'การพลัดพรากจากครอบครัว' },
  'harm.lost_education': { th: 'สูญเสียการศึกษาและทักษะ' },
  'harm.criminalisation': { th: 'ถูกดำเนินคดีและถูกส่งกลับ' },
  'harm.retrafficking': { th: 'ถูกค้ามนุษย์ซ้ำ' },
  'harm.community_cycle': { th: 'การแสวงประโยชน์กลายเป็นเรื่องปกติ' },
  'harm.mistrust': { th: 'ไม่ไว้ใจเจ้าหน้าที่รัฐ' },
  'harm.crime_growth': { th: 'องค์กรอาชญากรรมเติบโต' },
  'harm.economic_loss': { th: 'ชุมชนสูญเสียผู้คนและรายได้' },
};
