// One submitted workbook read and checked against the district on its own (ledger-format §8): the
// bytes of one file in, the engine's CheckedSubmission out (its cells let go) — or, for a file that
// cannot be read, the one-line reason a clerk reads in 报送情况. Pure apart from the reader: runs in a
// Web Worker or, where there is none, inline.
import { type CheckedSubmission, type DistrictRules, checkedForCompiling } from "../../engine/compile";
import { readXlsx } from "../../hosts/xlsx/read";
import { PANE_TEXTS } from "../../i18n/pane";
import { fill, type Text } from "../../i18n/text";

export interface SubmissionFile {
  name: string;
  bytes: Uint8Array;
  /** Last modification time (ms since 1970) when the file picker knows it: breaks a tie between two
   *  submissions of one unit without 报出时间. */
  modified?: number;
}

export type SubmissionReading =
  | { file: string; modified?: number; ok: true; checked: CheckedSubmission }
  | { file: string; modified?: number; ok: false; reason: Text };

/** An error from the reader → the clerk's one-line reason (the reader's own texts say what to do). */
function reasonOf(e: unknown): Text {
  const own = (e as { text?: unknown } | null)?.text as Text | undefined;
  if (own && typeof own["zh-CN"] === "string" && typeof own.en === "string") return own;
  return fill(PANE_TEXTS.submissionUnreadable, { why: e instanceof Error ? e.message : String(e) });
}

/**
 * Reads one file and checks it against the district, as compileDistrict takes it. (Checked where it
 * is read: the pane's thread had checked every file a second time against the district, 100–135 ms
 * per file on the district's 30, after receiving its cells from the worker: issue 12.)
 */
export function readSubmission(f: SubmissionFile, district: DistrictRules): SubmissionReading {
  const base = { file: f.name, ...(f.modified === undefined ? {} : { modified: f.modified }) };
  try {
    const workbook = readXlsx(f.bytes);
    const input = { file: f.name, workbook, ...(f.modified === undefined ? {} : { modifiedAt: f.modified }) };
    return { ...base, ok: true, checked: checkedForCompiling(district, input) };
  } catch (e) {
    return { ...base, ok: false, reason: reasonOf(e) };
  }
}

export { isSubmissionName } from "./names";
