import { OrganisationCreate } from '../../../contract/organisations.ts';
import {
  FORMS_OF_EXPLOITATION,
  KINDS_OF_WORK,
  ORGANISATION_TYPES,
  POPULATIONS,
  SUPPORT_SERVICES,
  VISIBILITIES,
} from '../../../domain/taxonomy/codes.ts';
import {
  organisationImport,
  type OrganisationDraft,
} from '../../../domain/import/organisations.ts';
import {
  countryVocabulary,
  languageVocabulary,
  taxonomyVocabulary,
} from '../../../domain/import/vocabularies.ts';
import { can } from '../../auth/policy.ts';
import { forbidden } from '../../http/errors.ts';
import * as repo from '../../db/repos/organisations.ts';
import { checkPlaces, fieldsOf } from '../organisations/service.ts';
import { schemaProblems, type EntityImporter } from './entities.ts';

/**
 * Organisations: coordinators and admins add them (the policy's `organisation` create rule, row by
 * row with the row's visibility). A name the coalition already has, or one the file repeats, is a
 * problem: an import adds organisations, it never merges into or overwrites one.
 */
export const organisationImporter: EntityImporter<
  OrganisationDraft,
  OrganisationCreate,
  { names: Set<string> }
> = {
  entity: 'organisations',
  descriptor: organisationImport,
  policy: { resource: 'organisation', action: 'create' },
  summary:
    'Import organisations from CSV or .xlsx: columns and values matched (HXL too), dry run first, all or nothing',
  async prepare(db, actor) {
    const record = { coalitionId: actor.coalitionId, owningOrganisationId: null };
    if (
      !VISIBILITIES.some((visibility) =>
        can(actor, 'create', 'organisation', { ...record, visibility }),
      )
    )
      throw forbidden();
    const names = await repo.organisationNames(db, actor.coalitionId);
    return { names: new Set(names.map(repo.organisationNameKey)) };
  },
  vocabularies: () => ({
    orgType: taxonomyVocabulary('orgType', ORGANISATION_TYPES),
    kindOfWork: taxonomyVocabulary('kindOfWork', KINDS_OF_WORK),
    supportService: taxonomyVocabulary('supportService', SUPPORT_SERVICES),
    form: taxonomyVocabulary('form', FORMS_OF_EXPLOITATION),
    population: taxonomyVocabulary('population', POPULATIONS),
    language: languageVocabulary(),
    country: countryVocabulary(),
    visibility: taxonomyVocabulary('visibility', VISIBILITIES),
  }),
  check(actor, c, rows, report) {
    const inputs: OrganisationCreate[] = [];
    const seen = new Map<string, number>();
    for (const { line, draft } of rows) {
      const parsed = OrganisationCreate.safeParse(draft);
      if (!parsed.success) {
        schemaProblems(parsed.error.issues, organisationImport, line, report);
        continue;
      }
      const input = parsed.data;
      let ok = true;
      for (const e of checkPlaces(input.countries, input.provinces, [])) {
        ok = false;
        report(
          line,
          e.field.startsWith('countries') ? 'countries' : 'provinces',
          'value_unknown',
          e.message,
        );
      }
      const key = repo.organisationNameKey(input.name);
      const first = seen.get(key);
      if (c.names.has(key) || first !== undefined) {
        ok = false;
        report(
          line,
          'name',
          'value_duplicate',
          first !== undefined
            ? `line ${first} names the same organisation`
            : 'the coalition has an organisation of this name already',
          first !== undefined ? { line: first } : {},
        );
      } else seen.set(key, line);
      if (
        !can(actor, 'create', 'organisation', {
          coalitionId: actor.coalitionId,
          owningOrganisationId: null,
          visibility: input.visibility,
        })
      ) {
        ok = false;
        report(line, 'visibility', 'not_allowed', 'you may not add organisations');
      }
      if (ok) inputs.push(input);
    }
    return inputs;
  },
  async commit(trx, actor, _c, inputs, now, onBatch) {
    await repo.insertOrganisations(
      trx,
      actor.coalitionId,
      inputs.map(fieldsOf),
      now,
      undefined,
      onBatch,
    );
  },
};
