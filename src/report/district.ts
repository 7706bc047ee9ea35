// The district workbook's sheets (ledger-format.md §8): 报送情况 first, then the §6 result sheets
// over the merged district (校验结果 with the file of each finding); and the return notices.
import type { Compilation, Submission } from "../engine/compile";
import type { Lang } from "../i18n/text";
import { type ReportStep, reportSteps } from "./build";
import { RESULT_SHEETS } from "../engine/schema";
import { noticeSheet } from "./notice-sheet";
import type { SheetModel } from "./sheet-model";
import { submissionsSheet } from "./submissions-sheet";

/** The district workbook's sheets as steps, one sheet each (reportSteps). */
export function districtReportSteps(c: Compilation, lang: Lang = "zh-CN"): ReportStep[] {
  return [
    { name: RESULT_SHEETS.submissions, build: () => submissionsSheet(c, lang) },
    ...reportSteps(c.analysis, c.evaluation, lang, true),
  ];
}

export function buildDistrictReport(c: Compilation, lang: Lang = "zh-CN"): SheetModel[] {
  return districtReportSteps(c, lang).map((s) => s.build());
}

/** One notice per returned unit: its returned submissions grouped by unit, in submission order. */
export function returnNotices(
  c: Compilation,
  lang: Lang = "zh-CN",
): { unit: string; submissions: Submission[]; sheet: SheetModel }[] {
  const byUnit = new Map<string, Submission[]>();
  for (const s of c.submissions)
    if (s.status === "returned") byUnit.set(s.unit.key, [...(byUnit.get(s.unit.key) ?? []), s]);
  return [...byUnit].map(([unit, submissions]) => ({
    unit,
    submissions,
    sheet: noticeSheet(submissions, c.district.asOf, lang),
  }));
}
