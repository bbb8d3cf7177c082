import type { ReportAnswer, ReportPublication, ReportView } from '../../contract/report.ts';
import { call } from '../http.ts';

export const reportApi = {
  report: (eventId: string, view: ReportView, signal?: AbortSignal) =>
    call<ReportAnswer>(
      'GET',
      `/api/events/${encodeURIComponent(eventId)}/report?view=${view}`,
      undefined,
      signal,
    ),
  /** The published public version, as anyone reads it (404 unless published). */
  published: (eventId: string, signal?: AbortSignal) =>
    call<ReportAnswer>('GET', `/api/reports/${encodeURIComponent(eventId)}`, undefined, signal),
  publish: (eventId: string, published: boolean) =>
    call<ReportPublication>(
      'PUT',
      `/api/events/${encodeURIComponent(eventId)}/report/publication`,
      { published },
    ),
};
