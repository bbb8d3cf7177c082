import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

/**
 * A one-line message for the page a person is sent to ("Organisation deleted."). It is shown on
 * that path only and forgotten once they move on.
 */
interface Flash {
  message: string;
  path: string;
}
interface FlashApi {
  flash: Flash | null;
  show(message: string, path: string): void;
  clear(): void;
}

const FlashContext = createContext<FlashApi>({ flash: null, show: () => {}, clear: () => {} });

export function FlashProvider({ children }: { children: ReactNode }) {
  const [flash, setFlash] = useState<Flash | null>(null);
  const api = useMemo<FlashApi>(
    () => ({
      flash,
      show: (message, path) => setFlash({ message, path }),
      clear: () => setFlash(null),
    }),
    [flash],
  );
  return <FlashContext value={api}>{children}</FlashContext>;
}

export function useFlash(): FlashApi {
  return useContext(FlashContext);
}
