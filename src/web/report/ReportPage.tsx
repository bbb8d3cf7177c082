import i18next from 'i18next';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { FactorLanguage } from '../../contract/factors.ts';
import type { ReportPublication, ReportView } from '../../contract/report.ts';
import { isUiLanguage } from '../i18n/index.ts';
import { errorMessage } from '../shell/errors.ts';
import { useResource } from '../shell/useResource.ts';
import { useTitle } from '../shell/useTitle.ts';
import { reportApi } from './api.ts';
import { REPORT_SECTIONS } from './sections/index.ts';
import type { ReportSection } from './section.ts';
import '../shell/fonts.css';
import './report.css';

/** The language asked for when the vocabulary has it, else the interface's (English if neither). */
function vocabularyLanguage(asked: string | null, ui: string): string {
  const has = (l: string | null): l is string => FactorLanguage.safeParse(l).success;
  return has(asked) ? asked : has(ui) ? ui : 'en';
}

/** A CSS string literal (for the running header's text). */
function cssString(s: string): string {
  return `"${s.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`;
}

/**
 * Running headers and page numbers on paper: @page margin boxes, whose text must be in a style
 * sheet. The content security policy refuses inline <style>, so the rules go in through the CSSOM
 * (a constructed sheet), which it does not restrict.
 */
function usePageMargins(header: string | null, page: string) {
  useEffect(() => {
    if (header === null || typeof CSSStyleSheet === 'undefined') return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      `@page { @top-left { content: ${cssString(header)}; } ` +
        `@bottom-right { content: ${cssString(page)} " " counter(page) " / " counter(pages); } }` +
        `@page :first { @top-left { content: none; } }`,
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [header, page]);
}

/**
 * /events/:id/report — the event's report, on screen and on paper (print CSS: a cover, a table of
 * contents, one section per printed page onwards, numbered figures, running headers). `?view=public`
 * is the public version; `?lang=th` sets the language for this page (as `mosaic report` does).
 */
export function ReportPage({ eventId, published }: { eventId: string; published: boolean }) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const view: ReportView = published || params.get('view') === 'public' ? 'public' : 'members';
  const lang = params.get('lang');
  useEffect(() => {
    if (isUiLanguage(lang) && i18next.language !== lang) void i18next.changeLanguage(lang);
  }, [lang]);
  // The vocabulary's words in `?lang=` (any of its eight languages) or else the interface's.
  const words = vocabularyLanguage(lang, i18n.language);
  const res = useResource(`report:${eventId}:${view}:${published}:${words}`, (signal) =>
    published
      ? reportApi.published(eventId, words, signal)
      : reportApi.report(eventId, view, words, signal),
  );
  const data = res.data;
  const sections = useMemo(
    () => (data ? REPORT_SECTIONS.filter((s) => s.applies(data)) : []),
    [data],
  );
  const [ready, setReady] = useState<Record<string, boolean>>({});
  const allReady = data !== undefined && sections.every((s) => ready[s.id]);
  const failed = res.error !== undefined;
  const title = data
    ? t(view === 'public' ? 'report.titlePublic' : 'report.title', { event: data.event.name })
    : t('report.loading');
  useTitle(title);
  usePageMargins(
    data ? `${data.event.name} · ${t(`report.views.${view}`)}` : null,
    t('report.page'),
  );
  const dates = data
    ? [data.event.startsOn, data.event.endsOn]
        .filter((d, n, a) => a.indexOf(d) === n)
        .map((d) =>
          new Date(`${d}T00:00:00Z`).toLocaleDateString(i18n.language, {
            dateStyle: 'long',
            timeZone: 'UTC',
          }),
        )
        .join(' – ')
    : '';
  return (
    <main
      className="report script-fonts"
      aria-labelledby="report-title"
      data-report-ready={allReady ? 'true' : failed ? 'failed' : 'false'}
    >
      <nav className="report-toolbar" aria-label={t('report.toolbar')}>
        {!published && (
          <>
            <Link href={`/events/${eventId}`}>{t('report.back')}</Link>
            <Link href={`/events/${eventId}/report${view === 'public' ? '' : '?view=public'}`}>
              {t(view === 'public' ? 'report.showMembers' : 'report.showPublic')}
            </Link>
          </>
        )}
        <button type="button" onClick={() => window.print()}>
          {t('report.print')}
        </button>
        {!published && data && <PublishControl eventId={eventId} initial={data.publication} />}
      </nav>
      {res.loading && <p role="status">{t('report.loading')}</p>}
      {failed && <p role="alert">{errorMessage(t, res.error)}</p>}
      {data && (
        <>
          <header className="report-cover">
            <p className="report-coalition">{data.coalition.name}</p>
            <h1 id="report-title">{data.event.name}</h1>
            <p className="report-dates">
              {dates}
              {data.event.venue && ` · ${data.event.venue}`}
            </p>
            <p className={`report-badge report-badge-${view}`}>{t(`report.views.${view}`)}</p>
            <p className="report-muted">
              {t(view === 'public' ? 'report.aboutPublic' : 'report.aboutMembers', { k: data.k })}
            </p>
            <p className="report-muted">
              {t('report.generated', {
                date: new Date(data.generatedAt).toLocaleString(i18n.language, {
                  dateStyle: 'long',
                  timeStyle: 'short',
                }),
              })}
            </p>
            <nav className="report-toc" aria-labelledby="report-toc-h">
              <h2 id="report-toc-h">{t('report.contents')}</h2>
              <ol>
                {sections.map((s) => (
                  <li key={s.id}>
                    <a href={`#report-${s.id}`}>{s.title(t)}</a>
                  </li>
                ))}
              </ol>
            </nav>
          </header>
          {sections.map((s, n) => (
            <Section key={s.id} section={s} n={n + 1} setReady={setReady}>
              {data}
            </Section>
          ))}
        </>
      )}
    </main>
  );
}

/**
 * Publish the public version to anyone at its public address, or take it back (coordinators and
 * admins); everyone else sees whether it is published and where.
 */
function PublishControl({ eventId, initial }: { eventId: string; initial: ReportPublication }) {
  const { t } = useTranslation();
  const [p, setP] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      setP(await reportApi.publish(eventId, !p.published));
    } catch (e) {
      setError(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="report-publish" data-testid="report-publish">
      {p.published ? (
        <a href={p.publicUrl}>{t('report.publish.publicLink')}</a>
      ) : (
        <span className="report-muted">{t('report.publish.notPublished')}</span>
      )}
      {p.canPublish && (
        <button type="button" onClick={() => void toggle()} disabled={busy}>
          {t(p.published ? 'report.publish.unpublish' : 'report.publish.publish')}
        </button>
      )}
      {error && <span role="alert">{error}</span>}
    </span>
  );
}

function Section({
  section,
  n,
  setReady,
  children: data,
}: {
  section: ReportSection;
  n: number;
  setReady: (f: (r: Record<string, boolean>) => Record<string, boolean>) => void;
  children: NonNullable<Parameters<ReportSection['applies']>[0]>;
}) {
  const { t } = useTranslation();
  const id = section.id;
  const onReady = useCallback(
    (ready: boolean) => setReady((r) => (r[id] === ready ? r : { ...r, [id]: ready })),
    [id, setReady],
  );
  const C = section.Component;
  return (
    <section id={`report-${id}`} className="report-section" aria-labelledby={`report-${id}-h`}>
      <h2 id={`report-${id}-h`}>
        <span className="report-secno">{n}.</span> {section.title(t)}
      </h2>
      <C data={data} onReady={onReady} />
    </section>
  );
}
