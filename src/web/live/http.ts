/** The live-event screens' transport: the shared one (../http.ts), so the phone does not carry the directory's calls. */
export { call, errorExtra, type Method } from '../http.ts';

export const enc = encodeURIComponent;
