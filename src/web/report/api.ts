import type { ReportAnswer, ReportPublication, ReportView } from '../../contract/report.ts';
import { call } from '../http.ts';

export const reportApi = {
  /** `lang`: the language of the vocabulary's words (factors, issues, groups). */
  report: (eventId: string, view: ReportView, lang: string, signal?: AbortSignal) =>
    call<ReportAnswer>(
      'GET',
      `/api/events/${encodeURIComponent(eventId)}/report?view=${view}&lang=${encodeURIComponent(lang)}`,
      undefined,
      signal,
    ),
  /** The published public version, as anyone reads it (404 unless published). */
  published: (eventId: string, lang: string, signal?: AbortSignal) =>
    call<ReportAnswer>(
      'GET',
      `/api/reports/${encodeURIComponent(eventId)}?lang=${encodeURIComponent(lang)}`,
      undefined,
      signal,
    ),
  publish: (eventId: string, published: boolean) =>
    call<ReportPublication>(
      'PUT',
      `/api/events/${encodeURIComponent(eventId)}/report/publication`,
      { published },
    ),
};
