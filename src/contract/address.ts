/** Zod-free: the console (web) and the server's start-up message both ask it. */

/** Whether a URL's host is this machine only (127.0.0.0/8, ::1, localhost, 0.0.0.0). */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\./.test(host) ||
    host === '[::1]' ||
    host === '0.0.0.0'
  );
}
