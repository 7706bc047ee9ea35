// What the 汇总报送 tab shows after a compilation: per file its unit, status (合格 / 退回修改 /
// 无法读取 / 已被替代, ui.md), counts and findings; the counts per status; the files not compiled.
import type { Compilation, Submission } from "../../engine/compile";
import { unitLabel } from "../../engine/compile/identify";
import { toISO } from "../../engine/dates";

/** The pane's four statuses: a returned file that could not be used at all is 无法读取. */
export type PaneStatus = "accepted" | "returned" | "unreadable" | "superseded";

export function paneStatus(s: Submission): PaneStatus {
  if (s.status !== "returned") return s.status;
  return s.reason?.kind === "file" || s.reason?.kind === "not-ledger" ? "unreadable" : "returned";
}

export interface SubmissionRow {
  file: string;
  /** `U02 历城区凤鸣镇党委`, or what named the unit (the file name when nothing else did). */
  unit: string;
  status: PaneStatus;
  errors: number;
  warnings: number;
  submission: Submission;
}

export interface SkippedFile {
  name: string;
  why: "lock" | "not-xlsx" | "repeated";
}

export interface CompileSummary {
  asOf: string;
  rows: SubmissionRow[];
  counts: Record<PaneStatus, number>;
  /** Units returned (what 下载退回修改通知 gives one notice each for). */
  returnedUnits: number;
  /** At least one file could be read: 生成全区汇总 has something to write. */
  usable: boolean;
  skipped: SkippedFile[];
  units: { n: number; fromWorkbook: boolean };
}

function rowOf(s: Submission): SubmissionRow {
  return {
    file: s.file,
    unit: unitLabel(s.unit),
    status: paneStatus(s),
    errors: s.summary.error,
    warnings: s.summary.warning,
    submission: s,
  };
}

/** What the reader left out: names that are no submission, and files picked twice. */
export interface LeftOut {
  skipped: readonly string[];
  repeated: readonly string[];
}

function skippedOf(r: LeftOut): SkippedFile[] {
  const base = (n: string) => n.split(/[\\/]/).pop() ?? n;
  return [
    ...r.skipped.map((name) => ({
      name,
      why: base(name).startsWith("~$") ? ("lock" as const) : ("not-xlsx" as const),
    })),
    ...r.repeated.map((name) => ({ name, why: "repeated" as const })),
  ];
}

/** Built with the compilation (in the job's chunk, so the pane's first paint does not load it). */
export function summarizeCompilation(
  c: Compilation,
  left: LeftOut,
  unitsFromWorkbook: boolean,
): CompileSummary {
  const rows = c.submissions.map(rowOf);
  const counts: Record<PaneStatus, number> = { accepted: 0, returned: 0, unreadable: 0, superseded: 0 };
  for (const row of rows) counts[row.status]++;
  const returned = new Set(c.submissions.filter((s) => s.status === "returned").map((s) => s.unit.key));
  return {
    asOf: toISO(c.district.asOf),
    rows,
    counts,
    returnedUnits: returned.size,
    usable: rows.some((row) => row.status !== "unreadable"),
    skipped: skippedOf(left),
    units: { n: c.units.length, fromWorkbook: unitsFromWorkbook },
  };
}
