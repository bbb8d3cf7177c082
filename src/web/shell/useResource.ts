import { useCallback, useEffect, useEffectEvent, useState } from 'react';

interface Settled<T> {
  key: string;
  nonce: number;
  value?: T;
  error?: unknown;
}

export interface Resource<T> {
  /** The value for the current key, once loaded. */
  data: T | undefined;
  /** The last value loaded for any key: lets a list stay on screen while its next page loads. */
  previous: T | undefined;
  loading: boolean;
  error: unknown;
  reload(): void;
}

/**
 * Loads `load()` whenever `key` changes (null: load nothing), aborting the previous request.
 * State is keyed rather than reset, so an answer that arrives late for an old key is never shown.
 */
export function useResource<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
): Resource<T> {
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const [nonce, setNonce] = useState(0);
  const run = useEffectEvent(load);

  useEffect(() => {
    if (key === null) return;
    const ctrl = new AbortController();
    run(ctrl.signal).then(
      (value) => {
        if (!ctrl.signal.aborted) setSettled({ key, nonce, value });
      },
      (error: unknown) => {
        if (!ctrl.signal.aborted) setSettled({ key, nonce, error });
      },
    );
    return () => ctrl.abort();
  }, [key, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const current = settled && settled.key === key && settled.nonce === nonce ? settled : null;
  return {
    data: current?.value,
    previous: settled?.value,
    loading: key !== null && current === null,
    error: current?.error,
    reload,
  };
}
