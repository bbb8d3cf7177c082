import i18next from 'i18next';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import type { ReportView } from '../../contract/report.ts';
import { isUiLanguage } from '../i18n/index.ts';
import { errorMessage } from '../shell/errors.ts';
import { useResource } from '../shell/useResource.ts';
import { useTitle } from '../shell/useTitle.ts';
import { reportApi } from './api.ts';
import { REPORT_SECTIONS } from './sections/index.ts';
import type { ReportSection } from './section.ts';
import '../shell/fonts.css';
import './report.css';

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
export function ReportPage({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const view: ReportView = params.get('view') === 'public' ? 'public' : 'members';
  const lang = params.get('lang');
  useEffect(() => {
    if (isUiLanguage(lang) && i18next.language !== lang) void i18next.changeLanguage(lang);
  }, [lang]);
  const res = useResource(`report:${eventId}:${view}`, (signal) =>
    reportApi.report(eventId, view, signal),
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
        <Link href={`/events/${eventId}`}>{t('report.back')}</Link>
        <Link href={`/events/${eventId}/report${view === 'public' ? '' : '?view=public'}`}>
          {t(view === 'public' ? 'report.showMembers' : 'report.showPublic')}
        </Link>
        <button type="button" onClick={() => window.print()}>
          {t('report.print')}
        </button>
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
