import type { ReportAnswer, ReportView } from '../../contract/report.ts';
import { call } from '../http.ts';

export const reportApi = {
  report: (eventId: string, view: ReportView, signal?: AbortSignal) =>
    call<ReportAnswer>(
      'GET',
      `/api/events/${encodeURIComponent(eventId)}/report?view=${view}`,
      undefined,
      signal,
    ),
};
