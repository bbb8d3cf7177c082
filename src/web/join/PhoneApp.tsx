import { useTranslation } from 'react-i18next';
import { Link, Route, Switch } from 'wouter';
import { PHONE_LANGUAGES, setPhoneLanguage } from './i18n.ts';
import { CodePage } from './CodePage.tsx';
import { JoinPage } from './JoinPage.tsx';
import { LivePage } from './LivePage.tsx';

/** The participant's phone: type a code, pick your name, then follow the event live. */
export function PhoneApp() {
  const { t } = useTranslation();
  return (
    <>
      <header className="ph-header">
        <span className="ph-brand">
          <span className="ph-mark" aria-hidden="true" />
          Mosaic
        </span>
        <div className="ph-lang" role="group" aria-label={t('join.language')}>
          {PHONE_LANGUAGES.map((lng) => (
            <PhoneLangButton key={lng} lng={lng} />
          ))}
        </div>
      </header>
      <main id="main" className="ph-main">
        <Switch>
          <Route path="/join" component={CodePage} />
          <Route path="/j/:code">{(p) => <JoinPage key={p.code} code={p.code} />}</Route>
          <Route path="/live/:eventId">
            {(p) => <LivePage key={p.eventId} eventId={p.eventId} />}
          </Route>
          <Route>
            <section>
              <h1>{t('join.notFound')}</h1>
              <p>
                <Link href="/join">{t('join.title')}</Link>
              </p>
            </section>
          </Route>
        </Switch>
      </main>
    </>
  );
}

function PhoneLangButton({ lng }: { lng: 'en' | 'th' }) {
  const { t, i18n } = useTranslation();
  return (
    <button
      type="button"
      lang={lng}
      className="ph-lang-btn"
      aria-pressed={i18n.language === lng}
      onClick={() => setPhoneLanguage(lng)}
    >
      {t(`languages.${lng}`)}
    </button>
  );
}
