// One submitted workbook read and validated on its own (ledger-format §8): the bytes of one file in,
// its Workbook and Analysis out — or, for a file that cannot be used, the one-line reason a clerk
// reads in 报送情况. Pure apart from the reader: runs in a Web Worker or, where there is none, inline.
import { analyze, type Analysis } from "../../engine/analyze";
import type { Day } from "../../engine/dates";
import type { Workbook } from "../../engine/grid";
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
  | { file: string; modified?: number; ok: true; workbook: Workbook; analysis: Analysis }
  | { file: string; modified?: number; ok: false; reason: Text };

/** An error from the reader → the clerk's one-line reason (the reader's own texts say what to do). */
function reasonOf(e: unknown): Text {
  const own = (e as { text?: unknown } | null)?.text as Text | undefined;
  if (own && typeof own["zh-CN"] === "string" && typeof own.en === "string") return own;
  return fill(PANE_TEXTS.submissionUnreadable, { why: e instanceof Error ? e.message : String(e) });
}

export function readSubmission(f: SubmissionFile, asOf?: Day): SubmissionReading {
  const base = { file: f.name, ...(f.modified === undefined ? {} : { modified: f.modified }) };
  try {
    const workbook = readXlsx(f.bytes);
    const analysis = analyze(workbook, asOf === undefined ? {} : { asOf });
    return { ...base, ok: true, workbook, analysis };
  } catch (e) {
    return { ...base, ok: false, reason: reasonOf(e) };
  }
}

export { isSubmissionName } from "./names";
