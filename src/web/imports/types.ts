/** The import shapes the web app reads, from the contract (types only: no zod in the bundle). */
export type {
  ImportAnalysis,
  ImportChoices,
  ImportColumn,
  ImportFailure,
  ImportProblem,
  ImportProblemGroup,
  ImportUnmatched,
} from '../../contract/imports.ts';
import { IMPORT_ENCODINGS } from '../../contract/constants.ts';
export { IMPORT_ENCODINGS };
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/** What the person has given: pasted text, or a file's bytes. */
export type ImportSource =
  { kind: 'text'; csv: string } | { kind: 'file'; name: string; data: string; size: number };

/** A file's bytes as base64, in chunks (String.fromCharCode takes a bounded argument list). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
