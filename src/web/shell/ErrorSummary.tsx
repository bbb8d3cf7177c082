import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** One field to fix: the id of its input (the link's target), its label, and what is wrong. */
export interface SummaryItem {
  id: string;
  label: string;
  text: string;
}

/**
 * The error summary at the TOP of a form: how many fields to fix, each a link to its field
 * (labelled as the form labels it), and a message that names no field. It takes the focus when it
 * appears after a failed submit (`focusKey` changes), so a keyboard or screen-reader user starts
 * from it; following a link moves the focus into the field.
 */
export function ErrorSummary({
  items,
  general,
  focusKey,
  testId,
}: {
  items: SummaryItem[];
  general?: string | null;
  /** Changes on every failed submit, so the summary takes the focus again. */
  focusKey?: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const shown = items.length > 0 || !!general;
  useEffect(() => {
    if (shown && focusKey) ref.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per failed submit
  }, [focusKey]);
  if (!shown) return null;
  return (
    <div
      ref={ref}
      className="alert alert-error error-summary"
      role="alert"
      tabIndex={-1}
      data-testid={testId ?? 'error-summary'}
    >
      {items.length > 0 && <p>{t('form.errorSummary', { count: items.length })}</p>}
      {general && <p>{general}</p>}
      {items.length > 0 && (
        <ul>
          {items.map((it) => (
            <li key={it.id}>
              <a
                href={`#${it.id}`}
                onClick={(e) => {
                  const el = document.getElementById(it.id);
                  if (!el) return;
                  e.preventDefault();
                  const target =
                    el instanceof HTMLFieldSetElement
                      ? el.querySelector<HTMLElement>('input, select, textarea, button')
                      : el;
                  target?.focus();
                  el.scrollIntoView({ block: 'center' });
                }}
              >
                {it.label}: {it.text}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The summary's items for a form: its fields in display order (`key` as the server names the
 * field, `id` of the input, `label`), for each that has an error; errors on fields the form does
 * not list (`tables.3.name`) follow, under the label of their nearest listed parent.
 */
export function summaryItems(
  errors: Record<string, string>,
  fields: { key: string; id: string; label: string }[],
): SummaryItem[] {
  const items: SummaryItem[] = [];
  const used = new Set<string>();
  for (const f of fields)
    if (errors[f.key]) {
      items.push({ id: f.id, label: f.label, text: errors[f.key]! });
      used.add(f.key);
    }
  for (const [key, text] of Object.entries(errors)) {
    if (used.has(key)) continue;
    const parent = fields.find((f) => key.startsWith(`${f.key}.`));
    items.push({ id: parent?.id ?? key, label: parent?.label ?? key, text });
  }
  return items;
}
