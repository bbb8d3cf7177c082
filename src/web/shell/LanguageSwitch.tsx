import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, setLanguage, type UiLanguage } from '../i18n/index.ts';
import { call } from '../http.ts';

/**
 * Each language is named in itself, so a person who cannot read the current one still finds theirs.
 * Signed in (`remember`), the choice is also kept on the server: Mosaic's emails to the person
 * (password reset, follow-up digest) are written in it. Not kept there, the app still switches.
 */
export function LanguageSwitch({ remember = false }: { remember?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label={t('nav.language')}>
      {UI_LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className="lang-btn"
          aria-pressed={i18n.language === lng}
          onClick={() => choose(lng, remember)}
        >
          {t(`languages.${lng}`)}
        </button>
      ))}
    </div>
  );
}

function choose(lng: UiLanguage, remember: boolean) {
  setLanguage(lng);
  if (remember) void call('PUT', '/api/auth/me/language', { language: lng }).catch(() => undefined);
}
