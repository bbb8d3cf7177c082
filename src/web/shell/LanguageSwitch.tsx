import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, setLanguage } from '../i18n/index.ts';

/** Each language is named in itself, so a person who cannot read the current one still finds theirs. */
export function LanguageSwitch() {
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
          onClick={() => setLanguage(lng)}
        >
          {t(`languages.${lng}`)}
        </button>
      ))}
    </div>
  );
}
