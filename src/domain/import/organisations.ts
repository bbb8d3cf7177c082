import type { EntityDescriptor, EntityField } from './entity.ts';

/**
 * Organisations, from the directory's own export (`organisations.csv`, plain or with HXL) or from
 * a coalition's spreadsheet: one row per organisation. The headers and hashtags are the export's
 * first (`name` `#org+name`, `type` `#org+type`, `countries` `#country+code`…), then what people
 * write. `id`, `created_at` and `updated_at` of an export are ignored: an import makes new records.
 */
export const ORGANISATION_FIELDS: readonly EntityField[] = [
  {
    key: 'name',
    target: 'name',
    required: true,
    max: 200,
    names: [
      'organisation',
      'organization',
      'org',
      'organisation name',
      'organization name',
      'องค์กร',
      'ชื่อองค์กร',
    ],
    phrases: ['organisation name', 'organization name', 'name'],
    unless: ['type', 'contact'],
    hxl: ['#org+name'],
  },
  {
    key: 'type',
    target: 'type',
    required: true,
    vocabulary: 'orgType',
    names: [
      'organisation type',
      'organization type',
      'type of organisation',
      'kind of organisation',
      'ประเภทองค์กร',
    ],
    phrases: ['type'],
    hxl: ['#org+type'],
  },
  {
    key: 'kinds_of_work',
    target: 'kindsOfWork',
    vocabulary: 'kindOfWork',
    list: true,
    names: ['kinds of work', 'kind of work', 'work', 'areas of work', 'ลักษณะงาน'],
    phrases: ['kind of work', 'kinds of work'],
    hxl: ['#sector+work'],
  },
  {
    key: 'support_services',
    target: 'supportServices',
    vocabulary: 'supportService',
    list: true,
    names: ['services', 'support services', 'support', 'บริการ'],
    phrases: ['service'],
    hxl: ['#service+type', '#service'],
  },
  {
    key: 'forms',
    target: 'forms',
    vocabulary: 'form',
    list: true,
    names: ['forms of exploitation', 'exploitation', 'trafficking types', 'รูปแบบการแสวงประโยชน์'],
    phrases: ['exploitation'],
    hxl: ['#sector+form'],
  },
  {
    key: 'populations',
    target: 'populations',
    vocabulary: 'population',
    list: true,
    names: ['population', 'populations served', 'target groups', 'beneficiaries', 'กลุ่มเป้าหมาย'],
    phrases: ['population', 'target group'],
    hxl: ['#affected+type', '#affected'],
  },
  {
    key: 'languages',
    target: 'languages',
    vocabulary: 'language',
    list: true,
    names: ['language', 'languages spoken', 'ภาษา'],
    phrases: ['language'],
    hxl: ['#meta+lang'],
  },
  {
    key: 'countries',
    target: 'countries',
    vocabulary: 'country',
    list: true,
    names: ['country', 'countries of work', 'where', 'ประเทศ'],
    phrases: ['country', 'countries'],
    hxl: ['#country+code', '#country+name', '#country'],
  },
  {
    key: 'provinces',
    target: 'provinces',
    list: true,
    names: ['province', 'provinces', 'regions', 'adm1', 'จังหวัด'],
    phrases: ['province'],
    hxl: ['#adm1+code', '#adm1'],
  },
  {
    key: 'website',
    target: 'website',
    max: 500,
    names: ['web', 'url', 'site', 'web site', 'เว็บไซต์'],
    phrases: ['website'],
    hxl: ['#contact+url'],
  },
  {
    key: 'public_contact',
    target: 'publicContact',
    max: 200,
    names: ['contact', 'public contact', 'phone', 'ติดต่อ'],
    phrases: ['contact'],
    hxl: ['#contact+public', '#contact+phone', '#contact+email'],
  },
  {
    key: 'description',
    target: 'description',
    max: 2000,
    names: ['about', 'what it does', 'notes', 'รายละเอียด'],
    phrases: ['description'],
    hxl: ['#description'],
  },
  {
    key: 'visibility',
    target: 'visibility',
    vocabulary: 'visibility',
    names: ['visible to', 'who may see', 'การมองเห็น'],
    phrases: ['visibility'],
    hxl: ['#meta+visibility'],
  },
];

/** What an organisation row becomes; the server checks it again with the create schema. */
export interface OrganisationDraft {
  name: string;
  type: string;
  kindsOfWork: string[];
  supportServices: string[];
  forms: string[];
  populations: string[];
  languages: string[];
  countries: string[];
  provinces: string[];
  website: string | null;
  publicContact: string | null;
  description: string;
  visibility: string;
}

export const organisationImport: EntityDescriptor<OrganisationDraft> = {
  entity: 'organisations',
  fields: ORGANISATION_FIELDS,
  draft: (row) => ({
    name: row.text('name'),
    type: row.key('type') ?? '',
    kindsOfWork: row.keys('kinds_of_work'),
    supportServices: row.keys('support_services'),
    forms: row.keys('forms'),
    populations: row.keys('populations'),
    languages: row.keys('languages'),
    countries: row.keys('countries'),
    provinces: row.items('provinces').map((p) => p.toUpperCase()),
    website: row.text('website') || null,
    publicContact: row.text('public_contact') || null,
    description: row.text('description'),
    visibility: row.key('visibility') ?? 'coalition',
  }),
};
