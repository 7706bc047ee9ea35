// The return notices (退回修改通知) as files: one fresh workbook per returned unit (a blank package
// with 宋体, the notice sheet added by the package patcher), each with the unit's name as its file
// name. The CLI writes them into a folder; the task pane offers them as a download (several in one
// .zip). One code path, so both give the same bytes for the same compilation.
import type { Compilation } from "../../engine/compile";
import type { Lang } from "../../i18n/text";
import { returnNotices } from "../../report/district";
import { noticeFileName } from "../../report/notice-sheet";
import { blankWorkbook } from "./blank-workbook";
import { patchWorkbook } from "./patch";
import { writeZip } from "./zip-write";

export interface NoticeFile {
  /** File name, unique (case-insensitively) among the notices of one compilation. */
  name: string;
  /** The returned unit's key (Submission.unit.key). */
  unit: string;
  bytes: Uint8Array;
}

/** One notice workbook per returned unit, in submission order. */
export function noticeFiles(c: Compilation, lang: Lang, now?: Date): NoticeFile[] {
  const used = new Set<string>();
  return returnNotices(c, lang).map((n) => ({
    name: uniqueName(noticeFileName(n.submissions[0]), used),
    unit: n.unit,
    bytes: patchWorkbook(blankWorkbook(now), [n.sheet], { replace: [], ...(now ? { now } : {}) }),
  }));
}

/** `name.xlsx`, or `name-2.xlsx` … when two units' names give the same file name. */
export function uniqueName(name: string, used: Set<string>): string {
  let out = name;
  for (let k = 2; used.has(out.toLowerCase()); k++) out = name.replace(/\.xlsx$/, `-${k}.xlsx`);
  used.add(out.toLowerCase());
  return out;
}

/** Several files as one .zip (UTF-8 names, so Chinese file names survive every unzip tool). */
export function zipFiles(files: readonly { name: string; bytes: Uint8Array }[], now?: Date): Uint8Array {
  return writeZip(
    new Uint8Array(0),
    files.map((f) => ({ kind: "new" as const, name: f.name, data: f.bytes })),
    now ? { now } : {},
  );
}
