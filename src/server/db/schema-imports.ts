/** Tables of migration 0010: mappings an import remembers for the coalition. */
export interface ImportTables {
  import_mappings: ImportMappingTable;
}

export interface ImportMappingTable {
  coalition_id: string;
  /** `sector`, `expertise`, `country`, `language`, or `column:participants` for headers. */
  vocabulary: string;
  /** The value or header, folded (case, diacritics and punctuation gone). */
  source: string;
  /** The key it stands for; '' to leave the value out or ignore the column. */
  target: string;
  updated_by: string | null;
  updated_at: string;
}
