import { useEffect } from 'react';

/**
 * Puts a class on <html> while the calling page is shown: `projector` and `sheet-wall` pages fill
 * the screen with no app chrome.
 */
export function useDocumentLook(look: string): void {
  useEffect(() => {
    document.documentElement.classList.add(look);
    return () => document.documentElement.classList.remove(look);
  }, [look]);
}
