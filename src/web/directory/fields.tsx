/**
 * Form controls that carry their own label, hint and error, wired for assistive technology:
 * the error is linked with aria-describedby and the control is marked aria-invalid.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      {error}
    </p>
  );
}

function LabelText({ label, optional }: { label: string; optional?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {label}
      {optional && <span className="optional"> ({t('form.optional')})</span>}
    </>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  hint?: string;
  optional?: boolean;
  multiline?: boolean;
  type?: 'text' | 'url' | 'email';
  maxLength: number;
  autoComplete?: string;
  required?: boolean;
}

export function TextField(p: TextFieldProps) {
  const common = {
    id: p.id,
    name: p.id,
    value: p.value,
    maxLength: p.maxLength,
    'aria-invalid': p.error ? true : undefined,
    'aria-describedby': describedBy(p.id, !!p.hint, !!p.error),
    'aria-required': p.required ? true : undefined,
  } as const;
  return (
    <div className={`field${p.error ? ' has-error' : ''}`}>
      <label htmlFor={p.id}>
        <LabelText label={p.label} optional={p.optional ?? false} />
      </label>
      {p.hint && (
        <p className="hint" id={`${p.id}-hint`}>
          {p.hint}
        </p>
      )}
      <FieldError id={p.id} error={p.error} />
      {p.multiline ? (
        <textarea {...common} rows={5} onChange={(e) => p.onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={p.type ?? 'text'}
          autoComplete={p.autoComplete ?? 'off'}
          onChange={(e) => p.onChange(e.target.value)}
        />
      )}
    </div>
  );
}

interface SelectFieldProps<T extends string> {
  id: string;
  label: string;
  value: T | '';
  options: readonly T[];
  labelOf(code: T): string;
  placeholder: string;
  onChange(value: T | ''): void;
  error?: string | undefined;
}

export function SelectField<T extends string>(p: SelectFieldProps<T>) {
  return (
    <div className={`field${p.error ? ' has-error' : ''}`}>
      <label htmlFor={p.id}>{p.label}</label>
      <FieldError id={p.id} error={p.error} />
      <select
        id={p.id}
        name={p.id}
        value={p.value}
        aria-required="true"
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p.id, false, !!p.error)}
        onChange={(e) => {
          const v = e.target.value;
          p.onChange(p.options.find((o) => o === v) ?? '');
        }}
      >
        <option value="">{p.placeholder}</option>
        {p.options.map((o) => (
          <option key={o} value={o}>
            {p.labelOf(o)}
          </option>
        ))}
      </select>
    </div>
  );
}

interface ChoiceGroupProps<T extends string> {
  id: string;
  legend: string;
  options: readonly T[];
  labelOf(code: T): string;
  helpOf?: (code: T) => string;
  error?: string | undefined;
  optional?: boolean;
  columns?: boolean;
  children?: ReactNode;
}

/** Several of a list (checkboxes): kinds of work, forms, populations, languages… */
export function CheckboxGroup<T extends string>(
  p: ChoiceGroupProps<T> & { value: readonly T[]; onChange(value: T[]): void },
) {
  function toggle(code: T, on: boolean) {
    const set = new Set(p.value);
    if (on) set.add(code);
    else set.delete(code);
    // keep the list's own order so the record reads the same everywhere
    p.onChange(p.options.filter((o) => set.has(o)));
  }
  return (
    <fieldset
      id={p.id}
      className={`choices${p.error ? ' has-error' : ''}`}
      aria-describedby={describedBy(p.id, false, !!p.error)}
    >
      <legend>
        <LabelText label={p.legend} optional={p.optional ?? false} />
      </legend>
      <FieldError id={p.id} error={p.error} />
      <div className={p.columns === false ? 'choice-list' : 'choice-grid'}>
        {p.options.map((o) => (
          <label key={o} className="choice">
            <input
              type="checkbox"
              name={p.id}
              value={o}
              checked={p.value.includes(o)}
              aria-invalid={p.error ? true : undefined}
              onChange={(e) => toggle(o, e.target.checked)}
            />
            <span>{p.labelOf(o)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** One of a short list, each with a line of help (visibility). */
export function RadioGroup<T extends string>(
  p: ChoiceGroupProps<T> & { value: T; onChange(value: T): void },
) {
  return (
    <fieldset
      id={p.id}
      className={`choices${p.error ? ' has-error' : ''}`}
      aria-describedby={describedBy(p.id, false, !!p.error)}
    >
      <legend>{p.legend}</legend>
      <FieldError id={p.id} error={p.error} />
      <div className="choice-list">
        {p.options.map((o) => (
          <label key={o} className="choice">
            <input
              type="radio"
              name={p.id}
              value={o}
              checked={p.value === o}
              aria-invalid={p.error ? true : undefined}
              onChange={() => p.onChange(o)}
            />
            <span>
              {p.labelOf(o)}
              {p.helpOf && <span className="hint"> — {p.helpOf(o)}</span>}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
