import { useTranslation } from 'react-i18next';

/** A new password (at least 10 characters: the server checks too). */
export function PasswordField({
  id,
  label,
  value,
  onChange,
  autoComplete = 'new-password',
}: {
  id: string;
  label: string;
  value: string;
  onChange(v: string): void;
  autoComplete?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        autoComplete={autoComplete}
        minLength={10}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={autoComplete === 'new-password' ? `${id}-hint` : undefined}
        required
      />
      {autoComplete === 'new-password' && (
        <p className="hint" id={`${id}-hint`}>
          {t('members.passwordHint')}
        </p>
      )}
    </div>
  );
}
