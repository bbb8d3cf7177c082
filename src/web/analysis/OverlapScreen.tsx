import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverlapAnswer } from '../../contract/overlap.ts';
import { ApiError } from '../http.ts';
import { useDocumentLook } from '../shell/useDocumentLook.ts';
import { useTitle } from '../shell/useTitle.ts';
import { overlapApi } from './api.ts';
import { OverlapCharts } from './OverlapCharts.tsx';
import { useOverlapLive } from './useOverlapLive.ts';
import './overlap.css';
import '../screen/screen.css';
import '../shell/fonts.css';

/**
 * /screen/:id/overlap — the projector at the end of the café: the event's push factors by issue
 * (heatmap and ranked bars) and the network of forms and shared factors, redrawn as cards are
 * assigned on the review screen (the overlap stream). One screenful at a time — heatmap and bars,
 * then the network — for push factors, then consequences, 15 s each, so the room sees everything
 * without anyone touching the laptop. `?kind=cause|consequence` and `?show=charts|network` hold
 * one of them still.
 */
export function OverlapScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState<OverlapAnswer | null>(null);
  const [denied, setDenied] = useState(false);
  const [turn, setTurn] = useState(0);
  const tick = useOverlapLive(!denied);
  const param = new URLSearchParams(window.location.search).get('kind');
  const fixed = param === 'cause' || param === 'consequence' ? param : null;
  const showParam = new URLSearchParams(window.location.search).get('show');
  const fixedShow = showParam === 'charts' || showParam === 'network' ? showParam : null;
  const kind = fixed ?? (turn % 4 < 2 ? 'cause' : 'consequence');
  const show = fixedShow ?? (turn % 2 === 0 ? 'charts' : 'network');
  useTitle(
    answer ? t('overlap.screenTitle', { event: answer.events[0]?.name ?? '' }) : t('overlap.title'),
  );
  useDocumentLook('projector');
  useEffect(() => {
    if (fixed && fixedShow) return;
    // With one of the two held, the other still turns: step by 2 (kind) or keep the parity (show).
    const step = fixed ? 1 : fixedShow ? 2 : 1;
    const timer = window.setInterval(() => setTurn((n) => n + step), 15_000);
    return () => window.clearInterval(timer);
  }, [fixed, fixedShow]);
  useEffect(() => {
    const ctrl = new AbortController();
    overlapApi.event(id, ctrl.signal).then(setAnswer, (err: unknown) => {
      if (err instanceof ApiError && (err.status === 401 || err.status === 404)) setDenied(true);
    });
    return () => ctrl.abort();
  }, [id, tick]);
  if (denied)
    return (
      <main className="scr scr-center">
        <h1>{t('screen.denied')}</h1>
        <p>
          <a href={`/login?next=${encodeURIComponent(`/screen/${id}/overlap`)}`}>
            {t('screen.signIn')}
          </a>
        </p>
      </main>
    );
  if (!answer)
    return (
      <main className="scr scr-center">
        <p role="status">{t('screen.connecting')}</p>
      </main>
    );
  return (
    <main className="scr ovl-screen">
      <h1>{t(`overlap.screenHeading.${kind}`, { event: answer.events[0]?.name ?? '' })}</h1>
      {show === 'charts' ? (
        <OverlapCharts a={answer} kind={kind} axis="issue" big show={['heatmap', 'bars']} />
      ) : (
        <OverlapCharts a={answer} kind={kind} axis="form" big show={['network']} />
      )}
    </main>
  );
}
