import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Organisation, OrganisationCreate } from '../../contract/organisations.ts';
import { ApiError, type OrganisationDraft } from '../api.ts';
import { fieldErrorText, refusalMessage } from '../shell/errors.ts';
import { CheckboxGroup, RadioGroup, SelectField, TextField } from './fields.tsx';
import { PlacesPicker } from './PlacesPicker.tsx';
import { VOCABS, label } from './vocab.ts';

/** What the form holds: free text as typed, a type that may not be chosen yet. */
export interface FormState {
  name: string;
  type: OrganisationCreate['type'] | '';
  kindsOfWork: OrganisationCreate['kindsOfWork'];
  supportServices: OrganisationCreate['supportServices'];
  forms: OrganisationCreate['forms'];
  populations: OrganisationCreate['populations'];
  languages: OrganisationCreate['languages'];
  countries: string[];
  provinces: string[];
  website: string;
  publicContact: string;
  description: string;
  visibility: OrganisationCreate['visibility'];
}
type Field = keyof FormState;

/** Form order: the first bad field in this order gets the focus. */
const FIELDS: readonly Field[] = [
  'name',
  'type',
  'kindsOfWork',
  'forms',
  'supportServices',
  'populations',
  'languages',
  'countries',
  'provinces',
  'description',
  'website',
  'publicContact',
  'visibility',
];
const isField = (x: string): x is Field => (FIELDS as readonly string[]).includes(x);

export const EMPTY_FORM: FormState = {
  name: '',
  type: '',
  kindsOfWork: [],
  supportServices: [],
  forms: [],
  populations: [],
  languages: [],
  countries: [],
  provinces: [],
  website: '',
  publicContact: '',
  description: '',
  visibility: 'coalition',
};

export function formFrom(o: Organisation): FormState {
  return {
    name: o.name,
    type: o.type,
    kindsOfWork: o.kindsOfWork,
    supportServices: o.supportServices,
    forms: o.forms,
    populations: o.populations,
    languages: o.languages,
    countries: o.countries,
    provinces: o.provinces,
    website: o.website ?? '',
    publicContact: o.publicContact ?? '',
    description: o.description,
    visibility: o.visibility,
  };
}

/** Optional text left blank is sent as null: "no website", not "an empty website". */
export function toDraft(f: FormState): OrganisationDraft {
  const { type, website, publicContact, ...rest } = f;
  return {
    ...rest,
    ...(type ? { type } : {}),
    website: website.trim() || null,
    publicContact: publicContact.trim() || null,
  };
}

/** The server's own messages, translated when shown (so a language switch re-translates them). */
export type FieldErrors = Partial<Record<Field, string>>;

interface Props {
  initial: FormState;
  submitLabel: string;
  cancelHref: string;
  /** Sends the form; resolves when done (the page navigates), rejects with the server's error. */
  onSubmit(form: FormState): Promise<void>;
}

export function OrganisationForm({ initial, submitLabel, cancelHref, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusTick, setFocusTick] = useState(0);

  const set = <K extends Field>(k: K, v: FormState[K]) => setForm((f) => ({ ...f, [k]: v }));
  const errorCount = Object.keys(errors).length;

  // After a failed submit, put the focus on the first field to fix (its error is now rendered,
  // so a screen reader reads it with the field).
  useEffect(() => {
    if (focusTick === 0) return;
    const first = FIELDS.find((f) => errors[f]);
    const el = first
      ? document.getElementById(`f-${first}`)
      : document.getElementById('form-summary');
    if (!el) return;
    const target =
      el instanceof HTMLFieldSetElement
        ? el.querySelector<HTMLElement>('input, select, textarea, button')
        : el;
    target?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per failed submit
  }, [focusTick]);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setGeneral(null);
    try {
      await onSubmit(form);
      setErrors({});
    } catch (err) {
      const next: FieldErrors = {};
      const body = err instanceof ApiError ? err.body : null;
      for (const f of body?.fields ?? []) {
        const name = f.field.split('.')[0] ?? '';
        if (isField(name))
          next[name] ??= fieldErrorText(t, f, (o) => (isField(o) ? t(`org.${o}`) : undefined));
      }
      setErrors(next);
      const unmapped = (body?.fields ?? []).some((f) => !isField(f.field.split('.')[0] ?? ''));
      if (Object.keys(next).length === 0 || unmapped) {
        setGeneral(refusalMessage(t, err));
      }
      setFocusTick((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="org-form stack" onSubmit={submit} noValidate>
      {(errorCount > 0 || general) && (
        <div className="alert alert-error" role="alert" id="form-summary" tabIndex={-1}>
          {errorCount > 0 && <p>{t('form.errorSummary', { count: errorCount })}</p>}
          {general && <p>{general}</p>}
          {errorCount > 0 && (
            <ul>
              {FIELDS.filter((f) => errors[f]).map((f) => (
                <li key={f}>
                  <a href={`#f-${f}`}>
                    {t(`org.${f}`)}: {errors[f]}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <TextField
        id="f-name"
        label={t('org.name')}
        value={form.name}
        onChange={(v) => set('name', v)}
        error={errors.name}
        maxLength={200}
        autoComplete="organization"
        required
      />
      <SelectField
        id="f-type"
        label={t('org.type')}
        value={form.type}
        options={VOCABS.type}
        labelOf={(c) => label(t, 'type', c)}
        placeholder={t('form.chooseType')}
        onChange={(v) => set('type', v)}
        error={errors.type}
      />

      <h2 className="form-section">{t('form.lists')}</h2>
      <CheckboxGroup
        id="f-kindsOfWork"
        legend={t('org.kindsOfWork')}
        options={VOCABS.kindOfWork}
        labelOf={(c) => label(t, 'kindOfWork', c)}
        value={form.kindsOfWork}
        onChange={(v) => set('kindsOfWork', v)}
        error={errors.kindsOfWork}
        optional
      />
      <CheckboxGroup
        id="f-forms"
        legend={t('org.forms')}
        options={VOCABS.form}
        labelOf={(c) => label(t, 'form', c)}
        value={form.forms}
        onChange={(v) => set('forms', v)}
        error={errors.forms}
        optional
      />
      <CheckboxGroup
        id="f-supportServices"
        legend={t('org.supportServices')}
        options={VOCABS.supportService}
        labelOf={(c) => label(t, 'supportService', c)}
        value={form.supportServices}
        onChange={(v) => set('supportServices', v)}
        error={errors.supportServices}
        optional
      />
      <CheckboxGroup
        id="f-populations"
        legend={t('org.populations')}
        options={VOCABS.population}
        labelOf={(c) => label(t, 'population', c)}
        value={form.populations}
        onChange={(v) => set('populations', v)}
        error={errors.populations}
        optional
      />
      <CheckboxGroup
        id="f-languages"
        legend={t('org.languages')}
        options={VOCABS.language}
        labelOf={(c) => label(t, 'language', c)}
        value={form.languages}
        onChange={(v) => set('languages', v)}
        error={errors.languages}
        optional
      />

      <h2 className="form-section">{t('form.where')}</h2>
      <PlacesPicker
        countries={form.countries}
        provinces={form.provinces}
        onChange={(next) => setForm((f) => ({ ...f, ...next }))}
        countriesError={errors.countries}
        provincesError={errors.provinces}
      />

      <h2 className="form-section">{t('form.contact')}</h2>
      <TextField
        id="f-description"
        label={t('org.description')}
        hint={t('form.descriptionHint')}
        value={form.description}
        onChange={(v) => set('description', v)}
        error={errors.description}
        maxLength={4000}
        multiline
        optional
      />
      <TextField
        id="f-website"
        label={t('org.website')}
        hint={t('form.websiteHint')}
        type="url"
        value={form.website}
        onChange={(v) => set('website', v)}
        error={errors.website}
        maxLength={500}
        autoComplete="url"
        optional
      />
      <TextField
        id="f-publicContact"
        label={t('org.publicContact')}
        hint={t('form.publicContactHint')}
        value={form.publicContact}
        onChange={(v) => set('publicContact', v)}
        error={errors.publicContact}
        maxLength={300}
        optional
      />
      <RadioGroup
        id="f-visibility"
        legend={t('org.visibility')}
        options={VOCABS.visibility}
        labelOf={(c) => label(t, 'visibility', c)}
        helpOf={(c) => t(`visibilityHelp.${c}`)}
        value={form.visibility}
        onChange={(v) => set('visibility', v)}
        error={errors.visibility}
      />

      <div className="actions form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('form.saving') : submitLabel}
        </button>
        <Link href={cancelHref} className="btn btn-quiet">
          {t('form.cancel')}
        </Link>
      </div>
    </form>
  );
}
