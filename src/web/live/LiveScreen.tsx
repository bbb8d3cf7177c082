import { useTranslation } from 'react-i18next';
import type { LiveClient, LiveView } from './client.ts';
import { useDocumentLook } from '../shell/useDocumentLook.ts';
import { useLiveClient, useLiveView } from './useLive.ts';

/**
 * What a wall or projector page needs of the live room: a client for the event, its view, and the
 * page's look on the whole document (`projector`, `sheet-wall`: full screen, no app chrome) for as
 * long as the page is shown.
 */
export function useLiveScreen(
  eventId: string,
  look: 'projector' | 'sheet-wall',
): { client: LiveClient | null; view: LiveView } {
  const client = useLiveClient({ eventId });
  const view = useLiveView(client);
  useDocumentLook(look);
  return { client, view };
}

/** True while a live page has nothing to show but LiveGate: no snapshot yet, or no entry. */
export const liveClosed = (view: LiveView): boolean =>
  view.link === 'denied' || view.link === 'reload' || view.snapshot === null;

/**
 * A live page before it can show anything: "reload" (a newer version is served), "not allowed"
 * with a sign-in link back to `next`, or "connecting".
 */
export function LiveGate(props: {
  view: LiveView;
  /** The page's own centred frame, e.g. `scr scr-center`. */
  className: string;
  /** Where sign-in returns to. */
  next: string;
  connecting: string;
}) {
  const { t } = useTranslation();
  const { link } = props.view;
  if (link === 'denied' || link === 'reload')
    return (
      <main className={props.className}>
        <h1>{link === 'reload' ? t('join.reloadTitle') : t('screen.denied')}</h1>
        {link === 'denied' && (
          <p>
            <a href={`/login?next=${encodeURIComponent(props.next)}`}>{t('screen.signIn')}</a>
          </p>
        )}
      </main>
    );
  return (
    <main className={props.className}>
      <p role="status">{props.connecting}</p>
    </main>
  );
}
