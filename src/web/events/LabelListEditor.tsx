import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitError } from './fieldErrors.ts';
import { keyOf } from './format.ts';

interface Item {
  key: string;
  label: string;
}

/** An editable list of labelled items (issues, expertise groups): rename, remove, add, save. */
export function LabelListEditor(p: {
  idPrefix: string;
  items: readonly Item[];
  addLabel: string;
  saveLabel: string;
  itemLabel(n: number): string;
  onSave(items: Item[]): Promise<void>;
}) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Item[]>(() =>
    p.items.map((i) => ({ key: i.key, label: i.label })),
  );
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const edit = (i: number, label: string) => {
    setSaved(false);
    setItems((xs) => xs.map((x, j) => (j === i ? { ...x, label } : x)));
  };

  async function save() {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const taken = new Set(items.filter((x) => x.key).map((x) => x.key));
      const withKeys = items.map((x) => {
        if (x.key) return x;
        const key = keyOf(x.label, taken);
        taken.add(key);
        return { ...x, key };
      });
      setItems(withKeys);
      await p.onSave(withKeys.map((x) => ({ key: x.key, label: x.label.trim() })));
      setFieldErrors({});
      setSaved(true);
    } catch (err) {
      const s = splitError(t, err);
      setFieldErrors(s.fields);
      setError(s.general ?? t('events.fixMarked'));
    } finally {
      setBusy(false);
    }
  }

  const errOf = (i: number) =>
    Object.entries(fieldErrors).find(([k]) => new RegExp(`^\\w+\\.${i}(\\.|$)`).test(k))?.[1];

  return (
    <div className="stack">
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <ol className="label-list">
        {items.map((x, i) => {
          const id = `${p.idPrefix}-${i}`;
          const err = errOf(i);
          return (
            <li key={i} className={err ? 'has-error' : undefined}>
              <label htmlFor={id} className="visually-hidden">
                {p.itemLabel(i + 1)}
              </label>
              {err && (
                <p className="field-error" id={`${id}-error`}>
                  {err}
                </p>
              )}
              <div className="add-row">
                <input
                  id={id}
                  type="text"
                  value={x.label}
                  maxLength={120}
                  aria-invalid={err ? true : undefined}
                  aria-describedby={err ? `${id}-error` : undefined}
                  onChange={(e) => edit(i, e.target.value)}
                />
                <button
                  type="button"
                  className="btn btn-quiet"
                  aria-label={t('events.removeItem', { label: x.label || p.itemLabel(i + 1) })}
                  onClick={() => {
                    setSaved(false);
                    setItems((xs) => xs.filter((_, j) => j !== i));
                  }}
                >
                  {t('events.remove')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="actions">
        <button
          type="button"
          className="btn btn-quiet"
          onClick={() => {
            setSaved(false);
            setItems((xs) => [...xs, { key: '', label: '' }]);
            requestAnimationFrame(() =>
              document.getElementById(`${p.idPrefix}-${items.length}`)?.focus(),
            );
          }}
        >
          {p.addLabel}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          onClick={() => void save()}
        >
          {p.saveLabel}
        </button>
        {saved && (
          <span role="status" className="ok-text">
            {t('events.saved')}
          </span>
        )}
      </div>
    </div>
  );
}
