import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Me } from '../../contract/auth.ts';
import { api } from '../api.ts';

/** `undefined` while the first /me call is in flight; `null` when nobody is signed in. */
export type SessionState = Me | null | undefined;

interface Session {
  me: SessionState;
  signedIn(me: Me): void;
  signOut(): Promise<void>;
  /** A call answered 401: the session expired on the server. */
  expired(): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<SessionState>(undefined);

  useEffect(() => {
    const ctrl = new AbortController();
    api.me(ctrl.signal).then(
      (m) => setMe(m),
      () => {
        // 401 (nobody signed in) or an unreachable server: either way, browse as a visitor
        if (!ctrl.signal.aborted) setMe(null);
      },
    );
    return () => ctrl.abort();
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setMe(null);
    }
  }, []);
  const expired = useCallback(() => setMe(null), []);

  const value = useMemo<Session>(
    () => ({ me, signedIn: setMe, signOut, expired }),
    [me, signOut, expired],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** Only same-origin paths may be a post-login destination (no open redirect). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    ? next
    : '/directory';
}
