import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTICIPANT_SECTORS, type EventDetail, type Participant } from '../../contract/events.ts';
import { SelectField, TextField } from '../directory/fields.tsx';
import { errorMessage } from '../shell/errors.ts';
import { useResource } from '../shell/useResource.ts';
import { eventsApi } from './api.ts';
import { CsvImport } from './CsvImport.tsx';
import { ErrorSummary, summaryItems } from '../shell/ErrorSummary.tsx';
import { splitError, type FieldErrors } from './fieldErrors.ts';

type Sector = (typeof PARTICIPANT_SECTORS)[number];

/** Who comes: the list, one by hand, or many from a CSV file. */
export function ParticipantsSection({
  eventId,
  groupLabels,
  nonce,
  onChanged,
  onEvent,
}: {
  eventId: string;
  groupLabels: Record<string, string>;
  nonce: number;
  onChanged(): void;
  /** The event after a removal (a session under way has been re-planned). */
  onEvent?(e: EventDetail): void;
}) {
  const { t } = useTranslation();
  const list = useResource(`people:${eventId}:${nonce}`, (s) => eventsApi.participants(eventId, s));
  const items = list.data?.items ?? list.previous?.items ?? [];
  const [notice, setNotice] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);

  async function remove(p: Participant) {
    const who = { name: p.name, organisation: p.organisation };
    if (!window.confirm(t('events.removeParticipantConfirm', who))) return;
    setRemoving(p.id);
    setNotice(null);
    setRemoveError(null);
    try {
      const e = await eventsApi.removeParticipant(eventId, p.id);
      setNotice(t('events.participantRemoved', { name: p.name }));
      onEvent?.(e);
      onChanged();
    } catch (err) {
      setRemoveError(splitError(t, err).general);
    } finally {
      setRemoving(null);
    }
  }
  return (
    <section id="ev-participants" aria-labelledby="ev-participants-h" className="ev-section">
      <h2 id="ev-participants-h">
        {t('events.section.participants')} <span className="count">({items.length})</span>
      </h2>
      {list.error !== undefined && (
        <p className="alert alert-error" role="alert">
          {errorMessage(t, list.error)}
        </p>
      )}
      <div role="status">{notice && <p className="alert alert-ok">{notice}</p>}</div>
      {removeError && (
        <p className="alert alert-error" role="alert">
          {removeError}
        </p>
      )}
      {items.length === 0 ? (
        <p className="empty">{t('events.noParticipants')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('events.pName')}</th>
                <th scope="col">{t('events.pOrganisation')}</th>
                <th scope="col">{t('events.pSector')}</th>
                <th scope="col">{t('events.pCountry')}</th>
                <th scope="col">{t('events.pChoices')}</th>
                <th scope="col">{t('events.pJoined')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('events.pActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>{p.organisation}</td>
                  <td>{t(`join.sector.${p.sector}`)}</td>
                  <td>{p.country ?? '—'}</td>
                  <td>{p.choices.join(', ') || '—'}</td>
                  <td>{p.joined ? t('events.yes') : t('events.no')}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-quiet btn-row"
                      disabled={removing !== null}
                      aria-label={t('events.removeParticipantLabel', {
                        name: p.name,
                        organisation: p.organisation,
                      })}
                      onClick={() => void remove(p)}
                    >
                      {t('events.removeParticipant')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="ev-two">
        <details className="ev-box">
          <summary>{t('events.addByHand')}</summary>
          <AddParticipant eventId={eventId} onAdded={onChanged} />
        </details>
      </div>
      <details className="ev-box ev-import" open={items.length === 0}>
        <summary>{t('events.importCsv')}</summary>
        <CsvImport
          eventId={eventId}
          groupLabels={groupLabels}
          onImported={(message) => {
            setNotice(message);
            onChanged();
          }}
        />
      </details>
    </section>
  );
}

const EMPTY = { name: '', organisation: '', sector: '' as Sector | '', country: '', email: '' };

function AddParticipant({ eventId, onAdded }: { eventId: string; onAdded(): void }) {
  const { t } = useTranslation();
  const [d, setD] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState(0);
  const fields = [
    { key: 'name', id: 'pa-name', label: t('events.pName') },
    { key: 'organisation', id: 'pa-organisation', label: t('events.pOrganisation') },
    { key: 'sector', id: 'pa-sector', label: t('events.pSector') },
    { key: 'country', id: 'pa-country', label: t('events.pCountryCode') },
    { key: 'email', id: 'pa-email', label: t('events.pEmail') },
  ];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setGeneral(null);
    setDone(null);
    try {
      const p = await eventsApi.addParticipant(eventId, {
        name: d.name,
        organisation: d.organisation,
        ...(d.sector ? { sector: d.sector } : {}),
        country: d.country.trim() ? d.country.trim().toUpperCase() : null,
        email: d.email.trim() ? d.email.trim() : null,
      });
      setD(EMPTY);
      setErrors({});
      setDone(t('events.participantAdded', { name: p.name }));
      onAdded();
    } catch (err) {
      const s = splitError(t, err, (f) => fields.find((x) => x.key === f)?.label);
      setErrors(s.fields);
      setGeneral(s.general);
      setFailures((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="stack">
      <ErrorSummary items={summaryItems(errors, fields)} general={general} focusKey={failures} />
      {done && (
        <p className="alert alert-ok" role="status">
          {done}
        </p>
      )}
      <TextField
        id="pa-name"
        label={t('events.pName')}
        value={d.name}
        onChange={(v) => setD({ ...d, name: v })}
        error={errors.name}
        maxLength={200}
        required
      />
      <TextField
        id="pa-organisation"
        label={t('events.pOrganisation')}
        value={d.organisation}
        onChange={(v) => setD({ ...d, organisation: v })}
        error={errors.organisation}
        maxLength={200}
        required
      />
      <SelectField
        id="pa-sector"
        label={t('events.pSector')}
        value={d.sector}
        options={PARTICIPANT_SECTORS}
        labelOf={(s) => t(`join.sector.${s}`)}
        placeholder={t('join.sectorPlaceholder')}
        onChange={(v) => setD({ ...d, sector: v })}
        error={errors.sector}
      />
      <TextField
        id="pa-country"
        label={t('events.pCountryCode')}
        hint={t('events.pCountryHint')}
        value={d.country}
        onChange={(v) => setD({ ...d, country: v })}
        error={errors.country}
        maxLength={2}
        optional
      />
      <TextField
        id="pa-email"
        type="email"
        label={t('events.pEmail')}
        value={d.email}
        onChange={(v) => setD({ ...d, email: v })}
        error={errors.email}
        maxLength={200}
        optional
      />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('events.addParticipant')}
      </button>
    </form>
  );
}
