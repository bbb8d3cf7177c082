/** Publishing an event's report (migration 0023). */
export interface ReportTables {
  event_reports: EventReportTable;
}

export interface EventReportTable {
  event_id: string;
  coalition_id: string;
  /** public: anonymous readers read the public version; coalition: not published (again). */
  visibility: 'coalition' | 'public';
  /** Always null: the coalition's, like its event. */
  organisation_id: string | null;
  /** When it was last published (kept when unpublished). */
  published_at: string | null;
  updated_by: string | null;
  updated_at: string;
}
