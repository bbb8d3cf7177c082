import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../../contract/events.ts';
import { useResource } from '../shell/useResource.ts';
import { eventsApi } from './api.ts';
import { ErrorSummary, summaryItems } from '../shell/ErrorSummary.tsx';
import { splitError } from './fieldErrors.ts';
import { proposeTables, sizesSummary, usualSize } from './tableProposal.ts';

interface Row {
  /** The saved table this row edits (its seating stays); none for a new table. */
  id?: string;
  name: string;
  capacity: string;
}

const rowsOf = (tables: EventDetail['tables']): Row[] =>
  tables.map((x) => ({ id: x.id, name: x.name, capacity: String(x.capacity) }));

/**
 * Tables with names and capacities, saved by id: renaming keeps every seat; adding, removing or
 * resizing re-plans a running session's rounds still to come (the server's tables.ts). Then a
 * host per table.
 */
export function TablesSection({
  event,
  onChange,
  peopleNonce,
}: {
  event: EventDetail;
  onChange(e: EventDetail): void;
  peopleNonce: number;
}) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(event.tables));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState(0);
  // Each table's two inputs, named in the summary as "Table name (row 3)".
  const summaryFields = rows.flatMap((_, i) => [
    {
      key: `tables.${i}.name`,
      id: `tbl-${i}-name`,
      label: t('events.tableRowField', { field: t('events.tableName'), n: i + 1 }),
    },
    {
      key: `tables.${i}.capacity`,
      id: `tbl-${i}-cap`,
      label: t('events.tableRowField', { field: t('events.capacity'), n: i + 1 }),
    },
  ]);
  const people = useResource(`people:${event.id}:${peopleNonce}`, (s) =>
    eventsApi.participants(event.id, s),
  );
  const hasPlans = event.sessions.some((s) => s.plan);
  const present = (people.data?.items ?? people.previous?.items ?? []).filter(
    (p) => p.status !== 'absent',
  ).length;
  const [size, setSize] = useState(() => String(usualSize(event.tables.map((x) => x.capacity))));
  const proposal = proposeTables(present, Number(size));
  const seats = rows.reduce((n, r) => n + (Number(r.capacity) || 0), 0);

  async function save() {
    // Only a change of which tables there are, or of their sizes, touches plans: not a rename.
    const saved = new Map(event.tables.map((x) => [x.id, x.capacity]));
    const structural =
      rows.length !== event.tables.length ||
      rows.some((r) => !r.id || saved.get(r.id) !== Number(r.capacity));
    if (hasPlans && structural && !window.confirm(t('events.tablesClearPlans'))) return;
    setBusy(true);
    setGeneral(null);
    setStatus(null);
    try {
      const next = await eventsApi.setTables(
        event.id,
        rows.map((r) => ({
          ...(r.id && { id: r.id }),
          name: r.name.trim(),
          capacity: Number(r.capacity),
        })),
      );
      setRows(rowsOf(next.tables));
      setErrors({});
      setStatus(t('events.saved'));
      onChange(next);
    } catch (err) {
      const s = splitError(t, err);
      setErrors(s.fields);
      setGeneral(s.general);
      setFailures((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  async function host(tableId: string, participantId: string) {
    try {
      onChange(await eventsApi.setHost(event.id, tableId, participantId || null));
      setStatus(t('events.hostSaved'));
    } catch (err) {
      setGeneral(splitError(t, err).general);
    }
  }

  const addTables = (n: number) =>
    setRows((rs) => [
      ...rs,
      ...Array.from({ length: n }, (_, i) => ({
        name: t('events.tableDefaultName', { n: rs.length + i + 1 }),
        capacity: size,
      })),
    ]);

  /** The proposal in the editor (names kept where a table exists); saving applies it. */
  const applyProposal = (count: number, capacity: number) =>
    setRows((rs) =>
      Array.from({ length: count }, (_, i) => ({
        ...(rs[i]?.id && { id: rs[i].id }),
        name: rs[i]?.name ?? t('events.tableDefaultName', { n: i + 1 }),
        capacity: String(capacity),
      })),
    );

  return (
    <section id="ev-tables" aria-labelledby="ev-tables-h" className="ev-section">
      <h2 id="ev-tables-h">{t('events.section.tables')}</h2>
      <p className="muted">{t('events.tablesIntro')}</p>
      <ErrorSummary
        items={summaryItems(errors, summaryFields)}
        general={general}
        focusKey={failures}
      />
      {rows.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('events.tableName')}</th>
              <th scope="col">{t('events.capacity')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('events.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const nameErr = errors[`tables.${i}.name`];
              const capErr = errors[`tables.${i}.capacity`];
              return (
                <tr key={i}>
                  <td>
                    <label htmlFor={`tbl-${i}-name`} className="visually-hidden">
                      {t('events.tableNameN', { n: i + 1 })}
                    </label>
                    {nameErr && (
                      <p className="field-error" id={`tbl-${i}-name-error`}>
                        {nameErr}
                      </p>
                    )}
                    <input
                      id={`tbl-${i}-name`}
                      type="text"
                      value={r.name}
                      maxLength={60}
                      aria-invalid={nameErr ? true : undefined}
                      aria-describedby={nameErr ? `tbl-${i}-name-error` : undefined}
                      onChange={(e) =>
                        setRows((rs) =>
                          rs.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)),
                        )
                      }
                    />
                  </td>
                  <td>
                    <label htmlFor={`tbl-${i}-cap`} className="visually-hidden">
                      {t('events.capacityN', { n: i + 1 })}
                    </label>
                    {capErr && (
                      <p className="field-error" id={`tbl-${i}-cap-error`}>
                        {capErr}
                      </p>
                    )}
                    <input
                      id={`tbl-${i}-cap`}
                      type="number"
                      min={2}
                      max={50}
                      className="num-input"
                      value={r.capacity}
                      aria-invalid={capErr ? true : undefined}
                      aria-describedby={capErr ? `tbl-${i}-cap-error` : undefined}
                      onChange={(e) =>
                        setRows((rs) =>
                          rs.map((x, j) => (j === i ? { ...x, capacity: e.target.value } : x)),
                        )
                      }
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-quiet"
                      aria-label={t('events.removeItem', { label: r.name })}
                      onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                    >
                      {t('events.remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="actions">
        <button type="button" className="btn btn-quiet" onClick={() => addTables(1)}>
          {t('events.addTable')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          onClick={() => void save()}
        >
          {t('events.saveTables')}
        </button>
        {status && (
          <span role="status" className="ok-text">
            {status}
          </span>
        )}
      </div>
      {proposal && (
        <div className="ev-box table-proposal" data-testid="table-proposal">
          <h3>{t('events.proposeTables')}</h3>
          <div className="ev-row">
            <div className="field">
              <label htmlFor="tbl-size">{t('events.proposeSize')}</label>
              <input
                id="tbl-size"
                type="number"
                min={2}
                max={50}
                className="num-input"
                value={size}
                onChange={(e) => setSize(e.target.value)}
              />
            </div>
            <button
              type="button"
              className="btn"
              onClick={() => applyProposal(proposal.count, proposal.sizes[0] ?? Number(size))}
            >
              {t('events.proposeTablesAction', {
                count: proposal.count,
                size: proposal.sizes[0],
              })}
            </button>
          </div>
          <p className="muted">
            {seats >= present && rows.length > 0
              ? t('events.proposeSeatsAlready', { people: present })
              : t('events.proposeTablesHint', {
                  people: present,
                  detail: sizesSummary(proposal.sizes)
                    .map(([s, n]) => `${n} × ${s}`)
                    .join(' + '),
                })}
          </p>
        </div>
      )}
      {event.tables.length > 0 && (
        <>
          <h3>{t('events.hostsTitle')}</h3>
          <p className="muted">{t('events.hostsIntro')}</p>
          <div className="host-grid">
            {event.tables.map((tb) => (
              <div className="field" key={tb.id}>
                <label htmlFor={`host-${tb.id}`}>{t('events.hostOf', { table: tb.name })}</label>
                <select
                  id={`host-${tb.id}`}
                  value={tb.hostParticipantId ?? ''}
                  onChange={(e) => void host(tb.id, e.target.value)}
                >
                  <option value="">{t('events.noHost')}</option>
                  {(people.data?.items ?? people.previous?.items ?? []).map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name} · {p.organisation}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
