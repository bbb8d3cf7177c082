import { useTranslation } from 'react-i18next';
import type { ExpertiseGroup } from '../../contract/events.ts';
import type { Organisation } from '../../contract/organisations.ts';
import { errorMessage } from '../shell/errors.ts';

/** What a new commitment's form holds; `group` and `second` are asked only where given. */
export interface CommitmentDraft {
  title: string;
  owner: string;
  target: string;
  /** An expertise group key ('' for none); the field shows when `groups` has any. */
  group?: string;
  /** A second organisation's id ('' for none); the field shows when this is not undefined. */
  second?: string;
}

/** The longest commitment title the form takes (the contract's limit). */
export const TITLE_MAX = 200;

/**
 * The fields of a new commitment — what will be done, the owner organisation, optionally an
 * expertise group and a second organisation, the target date — shared by "Promote to commitment"
 * and a roadmap's "Add an action". Ids are `${idBase}-title`, `-owner`, `-group`, `-second`,
 * `-target`, so each form's labels stay tied to its own inputs.
 */
export function CommitmentFields(props: {
  idBase: string;
  value: CommitmentDraft;
  onChange(patch: Partial<CommitmentDraft>): void;
  organisations: Pick<Organisation, 'id' | 'name'>[] | undefined;
  /** A member records for their own organisation only. */
  ownerLocked?: boolean;
  /** 'always': "choose an organisation" stays a choice; 'whenEmpty': only until one is chosen. */
  ownerBlank: 'always' | 'whenEmpty';
  groups?: ExpertiseGroup[];
}) {
  const { t } = useTranslation();
  const { idBase: id, value: v, onChange } = props;
  const orgs = props.organisations ?? [];
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('commitments.fields.title')}</label>
        <input
          id={`${id}-title`}
          type="text"
          value={v.title}
          maxLength={TITLE_MAX}
          onChange={(e) => onChange({ title: e.target.value })}
        />
      </div>
      <ChoiceField
        id={`${id}-owner`}
        label={t('commitments.fields.owner')}
        value={v.owner}
        disabled={props.ownerLocked}
        blank={props.ownerBlank === 'always' || !v.owner ? t('commitments.fields.chooseOrg') : null}
        options={orgs}
        onChange={(owner) => onChange({ owner })}
      />
      {v.second !== undefined && (
        <ChoiceField
          id={`${id}-second`}
          label={t('commitments.fields.second')}
          value={v.second}
          blank={t('commitments.fields.none')}
          options={orgs}
          onChange={(second) => onChange({ second })}
        />
      )}
      {props.groups && props.groups.length > 0 && (
        <ChoiceField
          id={`${id}-group`}
          label={t('commitments.fields.group')}
          value={v.group ?? ''}
          blank={t('commitments.fields.noGroup')}
          options={props.groups.map((g) => ({ id: g.key, name: g.label }))}
          onChange={(group) => onChange({ group })}
        />
      )}
      <div className="field">
        <label htmlFor={`${id}-target`}>{t('commitments.fields.targetDate')}</label>
        <input
          id={`${id}-target`}
          type="date"
          value={v.target}
          onChange={(e) => onChange({ target: e.target.value })}
        />
      </div>
    </>
  );
}

/** A labelled choice among `options` (organisations, expertise groups). */
function ChoiceField(props: {
  id: string;
  label: string;
  value: string;
  disabled?: boolean | undefined;
  /** The text of the empty choice, or null for none. */
  blank: string | null;
  options: { id: string; name: string }[];
  onChange(id: string): void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.blank !== null && <option value="">{props.blank}</option>}
        {props.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A commitment form's end: what went wrong, if anything, then save and cancel. */
export function CommitmentFormEnd(props: {
  error: unknown;
  saveLabel: string;
  busy?: boolean;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {props.error !== undefined && (
        <p className="alert alert-error" role="alert">
          {errorMessage(t, props.error)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={props.busy}>
          {props.saveLabel}
        </button>
        <button type="button" className="btn btn-quiet" onClick={props.onCancel}>
          {t('commitments.promote.cancel')}
        </button>
      </div>
    </>
  );
}
