// Writing the district workbook and the return notices: each is a fresh workbook (a blank package
// with 宋体 as its font) with the sheets added by the package patcher, written safely (temporary
// file, then renamed).
import * as path from "path";
import type { Compilation } from "../../engine/compile";
import type { Lang } from "../../i18n/text";
import { RESULT_SHEET_NAMES } from "../../engine/schema";
import { blankWorkbook } from "../../hosts/xlsx/blank-workbook";
import { patchWorkbook } from "../../hosts/xlsx/patch";
import { buildDistrictReport, returnNotices } from "../../report/district";
import { noticeFileName } from "../../report/notice-sheet";
import { makeFolder, writeOutput } from "../output-file";

export async function writeDistrict(
  c: Compilation,
  output: string,
  lang: Lang,
  inputs: string[],
): Promise<void> {
  const bytes = patchWorkbook(blankWorkbook(), buildDistrictReport(c, lang), { replace: RESULT_SHEET_NAMES });
  await writeOutput(output, bytes, lang, inputs);
}

/** One notice per returned unit in `folder` (made if missing); the paths written. */
export async function writeNotices(
  c: Compilation,
  folder: string,
  lang: Lang,
  inputs: string[],
): Promise<string[]> {
  await makeFolder(folder, lang);
  const written: string[] = [];
  const used = new Set<string>();
  for (const n of returnNotices(c, lang)) {
    const target = path.join(folder, uniqueName(noticeFileName(n.submissions[0]), used));
    await writeOutput(target, patchWorkbook(blankWorkbook(), [n.sheet], { replace: [] }), lang, inputs);
    written.push(target);
  }
  return written;
}

/** `name.xlsx`, or `name-2.xlsx` … when two units' names give the same file name. */
function uniqueName(name: string, used: Set<string>): string {
  let out = name;
  for (let k = 2; used.has(out.toLowerCase()); k++) out = name.replace(/\.xlsx$/, `-${k}.xlsx`);
  used.add(out.toLowerCase());
  return out;
}
