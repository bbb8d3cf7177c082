import { z } from 'zod';
import {
  FORMS_OF_EXPLOITATION,
  KINDS_OF_WORK,
  LANGUAGES,
  ORGANISATION_TYPES,
  POPULATIONS,
  SUPPORT_SERVICES,
} from './vocab.ts';
import { Paged, VisibilitySchema, coded, format, line, text } from './common.ts';

export const OrganisationType = z.enum(ORGANISATION_TYPES);
export const KindOfWork = z.enum(KINDS_OF_WORK);
export const SupportService = z.enum(SUPPORT_SERVICES);
export const FormOfExploitation = z.enum(FORMS_OF_EXPLOITATION);
export const Population = z.enum(POPULATIONS);
export const Language = z.enum(LANGUAGES);

/** ISO 3166-1 alpha-2; whether the code exists is checked by the server against the gazetteer. */
export const CountryCode = z
  .string()
  .regex(format(/^[A-Z]{2}$/, 'country'), 'must be an ISO 3166-1 alpha-2 code');
/** ISO 3166-2, e.g. `TH-10`. */
export const ProvinceCode = z
  .string()
  .regex(
    format(/^[A-Z]{2}-[A-Z0-9]{1,4}$/, 'province'),
    'must be an ISO 3166-2 code such as TH-10',
  );

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max, `must have at most ${max} entries`)
    .refine((xs) => new Set(xs).size === xs.length, coded('duplicate', 'must not repeat an entry'));

/** The fields a person edits. Shared by create (all required but lists) and update (all optional). */
const editable = {
  name: line(200, 1),
  type: OrganisationType,
  kindsOfWork: uniqueList(KindOfWork, KINDS_OF_WORK.length),
  supportServices: uniqueList(SupportService, SUPPORT_SERVICES.length),
  forms: uniqueList(FormOfExploitation, FORMS_OF_EXPLOITATION.length),
  populations: uniqueList(Population, POPULATIONS.length),
  languages: uniqueList(Language, LANGUAGES.length),
  countries: uniqueList(CountryCode, 100),
  provinces: uniqueList(ProvinceCode, 500),
  website: z
    .string()
    .trim()
    .max(500, 'must be at most 500 characters')
    .url('must be a URL')
    .refine((u) => /^https?:\/\//i.test(u), { message: 'must start with http:// or https://' })
    .nullable(),
  publicContact: line(300).nullable(),
  description: text(4000),
  visibility: VisibilitySchema,
};

export const OrganisationCreate = z
  .object({
    ...editable,
    kindsOfWork: editable.kindsOfWork.default([]),
    supportServices: editable.supportServices.default([]),
    forms: editable.forms.default([]),
    populations: editable.populations.default([]),
    languages: editable.languages.default([]),
    countries: editable.countries.default([]),
    provinces: editable.provinces.default([]),
    website: editable.website.default(null),
    publicContact: editable.publicContact.default(null),
    description: editable.description.default(''),
    visibility: editable.visibility.default('coalition'),
  })
  .strict()
  .meta({ id: 'OrganisationCreate' });
export type OrganisationCreate = z.infer<typeof OrganisationCreate>;

export const OrganisationUpdate = z
  .object(editable)
  .partial()
  .strict()
  .refine((o) => Object.keys(o).length > 0, coded('no_change', 'must change at least one field'))
  .meta({ id: 'OrganisationUpdate' });
export type OrganisationUpdate = z.infer<typeof OrganisationUpdate>;

export const Organisation = z
  .object({
    id: z.string(),
    name: z.string(),
    type: OrganisationType,
    kindsOfWork: z.array(KindOfWork),
    supportServices: z.array(SupportService),
    forms: z.array(FormOfExploitation),
    populations: z.array(Population),
    languages: z.array(Language),
    countries: z.array(z.string()),
    provinces: z.array(z.string()),
    website: z.string().nullable(),
    publicContact: z.string().nullable(),
    description: z.string(),
    visibility: VisibilitySchema,
    createdAt: z.string(),
    updatedAt: z.string(),
    /** What the caller may do with this record. */
    can: z.object({ update: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof Organisation>;

export const OrganisationList = Paged(Organisation).meta({ id: 'OrganisationList' });
export type OrganisationList = z.infer<typeof OrganisationList>;

export const OrganisationQuery = z
  .object({
    q: line(200).optional(),
    country: CountryCode.optional(),
    kindOfWork: KindOfWork.optional(),
    form: FormOfExploitation.optional(),
    type: OrganisationType.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type OrganisationQuery = z.infer<typeof OrganisationQuery>;

export const OrganisationParams = z.object({ id: z.string().uuid('must be an organisation id') });
