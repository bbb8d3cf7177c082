import { useEffect, useState } from 'react';
import type { NoteWarning } from '../../contract/atlas.ts';
import { atlasApi } from './api.ts';

/**
 * Warnings about free-text notes (something that looks like a name, a phone number, an address)
 * as people type, after a pause, not only after saving — for every form with notes (routes,
 * experience patterns). The setter lets a form clear them (emptied notes, a new record).
 */
export function useNotesCheck(
  notes: string,
  initial: NoteWarning[] = [],
): [NoteWarning[], (w: NoteWarning[]) => void] {
  const [warnings, setWarnings] = useState<NoteWarning[]>(initial);
  useEffect(() => {
    if (!notes.trim()) return;
    const ctrl = new AbortController();
    const timer = setTimeout(
      () =>
        atlasApi.checkNotes(notes, ctrl.signal).then(
          (r) => setWarnings(r.warnings),
          () => undefined,
        ),
      400,
    );
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [notes]);
  return [warnings, setWarnings];
}
