import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverlapAnswer } from '../../contract/overlap.ts';
import { ApiError } from '../http.ts';
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
 * assigned on the review screen (the overlap stream). Push factors and consequences alternate
 * every 20 s, so the room sees both without anyone touching the laptop.
 */
export function OverlapScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState<OverlapAnswer | null>(null);
  const [denied, setDenied] = useState(false);
  const [turn, setTurn] = useState<'cause' | 'consequence'>('cause');
  const tick = useOverlapLive(!denied);
  const param = new URLSearchParams(window.location.search).get('kind');
  const fixed = param === 'cause' || param === 'consequence' ? param : null;
  const kind = fixed ?? turn;
  useTitle(
    answer ? t('overlap.screenTitle', { event: answer.events[0]?.name ?? '' }) : t('overlap.title'),
  );
  useEffect(() => {
    document.documentElement.classList.add('projector');
    return () => document.documentElement.classList.remove('projector');
  }, []);
  useEffect(() => {
    if (fixed) return;
    const timer = window.setInterval(
      () => setTurn((k) => (k === 'cause' ? 'consequence' : 'cause')),
      20_000,
    );
    return () => window.clearInterval(timer);
  }, [fixed]);
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
      <OverlapCharts a={answer} kind={kind} axis="issue" big show={['heatmap', 'bars']} />
      <OverlapCharts a={answer} kind={kind} axis="form" big show={['network']} />
    </main>
  );
}
