// A unit that submitted more than once (ledger-format.md §8): the later 报出时间 wins, else the later
// file modification time, else the file given later; each other submission is superseded, with a
// `unit-twice` warning naming both files.
import { toISO } from "../dates";
import type { FindingSink } from "../findings";

/** The 报出时间 text is a finding param in both languages (rendered by src/i18n/findings.ts). */
type Lang = "zh-CN" | "en";
import { REPORTED_AT_LABEL, cellOf } from "./report-header";
import type { CheckedSubmission, SubmittingUnit } from "./types";

export interface Candidate {
  readonly index: number;
  readonly checked: CheckedSubmission;
  readonly unit: SubmittingUnit;
}

/** Positive when `a` is the later submission. */
export function compareSubmissions(a: Candidate, b: Candidate): number {
  const ra = a.checked.header?.reportedAt;
  const rb = b.checked.header?.reportedAt;
  if (ra !== undefined && rb !== undefined && ra !== rb) return ra - rb;
  const ma = a.checked.modifiedAt;
  const mb = b.checked.modifiedAt;
  if (ma !== undefined && mb !== undefined && ma !== mb) return ma - mb;
  return a.index - b.index;
}

/** Index of each superseded submission → the index of the one that superseded it. */
export function supersede(candidates: readonly Candidate[]): Map<number, number> {
  const byUnit = new Map<string, Candidate[]>();
  for (const c of candidates) byUnit.set(c.unit.key, [...(byUnit.get(c.unit.key) ?? []), c]);
  const out = new Map<number, number>();
  for (const group of byUnit.values()) {
    if (group.length < 2) continue;
    const latest = group.reduce((a, b) => (compareSubmissions(b, a) > 0 ? b : a));
    for (const c of group) if (c !== latest) out.set(c.index, latest.index);
  }
  return out;
}

/**
 * A file that could not be read, whose name names a unit on the list, is superseded by a later usable
 * file of that unit (the unit sent it again). A later unreadable file never supersedes a usable
 * one: what it holds is unknown, so it is returned on its own and the usable file stands.
 */
export function supersedeUnreadable(
  candidates: readonly Candidate[],
  usableWinners: ReadonlySet<number>,
): Map<number, number> {
  const out = new Map<number, number>();
  for (const c of candidates) {
    if (!c.checked.unusable || !c.unit.known) continue;
    const later = candidates.filter(
      (u) => usableWinners.has(u.index) && u.unit.key === c.unit.key && compareSubmissions(u, c) > 0,
    );
    if (later.length) out.set(c.index, later[later.length - 1].index);
  }
  return out;
}

/** The warning on a superseded submission, at its 报出时间 (or its cover sheet). */
export function warnSuperseded(loser: Candidate, winner: Candidate, sink: FindingSink<"unit-twice">): void {
  const header = loser.checked.header;
  const item = header?.items.get(REPORTED_AT_LABEL);
  sink.add("unit-twice", header?.sheet ?? null, item ? cellOf(item) : null, {
    field: REPORTED_AT_LABEL,
    value: item?.value || null,
    ...(loser.unit.id !== undefined ? { object: loser.unit.id } : {}),
    params: {
      other: winner.checked.file,
      otherTime: whenText(winner.checked, "zh-CN"),
      otherTimeEn: whenText(winner.checked, "en"),
    },
    ...(item ? { row: item.row } : {}),
  });
}

/** 报出时间 as written, else the file's modification time, else "not filled in". */
export function whenText(s: CheckedSubmission, lang: Lang): string {
  const written = s.header?.items.get(REPORTED_AT_LABEL)?.value;
  if (written) return written;
  if (s.modifiedAt === undefined) return lang === "en" ? "not filled in" : "未填写";
  return `${localTime(s.modifiedAt)}${lang === "en" ? " (file modified)" : "（文件修改时间）"}`;
}

/** ms since 1970 → `YYYY-MM-DD HH:MM` in the local time zone (as the clerk's file manager shows it). */
function localTime(ms: number): string {
  const d = new Date(ms);
  const day = toISO(Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86400000));
  const p = (n: number) => String(n).padStart(2, "0");
  return `${day} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
