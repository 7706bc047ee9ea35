// Writing the district workbook and the return notices: each is a fresh workbook (a blank package
// with 宋体 as its font) with the sheets added by the package patcher (the notices through
// hosts/xlsx/notice-files.ts, shared with the task pane), written safely (temporary file, then renamed).
import * as path from "path";
import type { Compilation } from "../../engine/compile";
import type { Lang } from "../../i18n/text";
import { RESULT_SHEET_NAMES } from "../../engine/schema";
import { blankWorkbook } from "../../hosts/xlsx/blank-workbook";
import { patchWorkbook } from "../../hosts/xlsx/patch";
import { noticeFiles } from "../../hosts/xlsx/notice-files";
import { buildDistrictReport } from "../../report/district";
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
  for (const n of noticeFiles(c, lang)) {
    const target = path.join(folder, n.name);
    await writeOutput(target, n.bytes, lang, inputs);
    written.push(target);
  }
  return written;
}
