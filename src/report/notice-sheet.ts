// 退回修改通知 (ledger-format.md §8): the notice a returned unit gets back — the unit, the date, the
// reason in one sentence and every error with its sheet, cell, value, message and fix — printed like
// the other result sheets (§6.1) for the district office to stamp and send.
import { type Submission, unitLabel } from "../engine/compile";
import { reasonText } from "../i18n/submissions";
import type { Day } from "../engine/dates";
import { type Finding } from "../engine/findings";
import type { Lang } from "../i18n/text";
import { messageOf } from "../i18n/findings";
import type { CellValue } from "../engine/grid";
import { PAGE_FOOTER, type ColumnModel, type RowKind, type SheetModel } from "./sheet-model";
import { maskIdCard } from "./mask";
import { chineseDate } from "./doc-text";

export const NOTICE_SHEET = "退回修改通知";

/** The returned submissions of one unit (usually one file), at the compilation's date. */
export function noticeSheet(returned: readonly Submission[], date: Day, lang: Lang = "zh-CN"): SheetModel {
  const several = returned.length > 1;
  const errors = returned.flatMap((s) =>
    s.findings.filter((f) => f.severity === "error").map((f) => ({ s, f })),
  );
  const rows: CellValue[][] = errors.map(({ s, f }, i) => [
    i + 1,
    ...(several ? [s.file] : []),
    ...errorCells(f, lang),
  ]);
  if (!rows.length)
    rows.push([
      "—",
      ...(several ? ["—"] : []),
      "—",
      "—",
      "—",
      "—",
      "没有逐条错误：请按上面的退回原因处理后重新报送",
      "—",
    ]);
  const rowKinds: RowKind[] = rows.map(() => undefined);
  rows.push([], [`区委创先争优活动领导小组办公室（盖章）                    日期：${chineseDate(date)}`]);
  rowKinds.push(undefined, "note");
  return {
    name: NOTICE_SHEET,
    title: "创先争优活动台账退回修改通知",
    preamble: preamble(returned, date, lang),
    columns: columns(several),
    rows,
    rowKinds,
    freezeHeader: true,
    print: { landscape: true, repeatHeader: true, footer: PAGE_FOOTER },
  };
}

function preamble(returned: readonly Submission[], date: Day, lang: Lang): string[] {
  const unit = returned[0].unit;
  const files = returned.map((s) => `${s.file}${s.reportedText ? `（报出时间：${s.reportedText}）` : ""}`);
  return [
    `单位：${unitLabel(unit)}`,
    `报送文件：${files.join("、")}`,
    ...returned.map((s) => `退回原因：${several(returned) ? `${s.file}：` : ""}${reasonText(s, lang)}`),
    `日期：${chineseDate(date)}    请按下表逐条改正（单元格为原文件中的位置），改正后重新报送。`,
  ];
}

const several = (xs: readonly unknown[]) => xs.length > 1;

function errorCells(f: Finding, lang: Lang): CellValue[] {
  const value = f.value === undefined || f.value === null ? "—" : maskIdCard(String(f.value));
  const fix = f.fix === undefined || f.fix === null ? "—" : maskIdCard(String(f.fix));
  return [f.sheet, f.cell, f.field ?? null, value, maskIdCard(messageOf(f, lang)), fix];
}

function columns(withFile: boolean): ColumnModel[] {
  return [
    { header: "序号", width: 5, format: "integer", wrap: true },
    ...(withFile ? [{ header: "文件", width: 16, format: "text" as const, wrap: true }] : []),
    { header: "工作表", width: 11, format: "text", wrap: true },
    { header: "单元格", width: 7, format: "text", wrap: true },
    { header: "列", width: 12, format: "text", wrap: true },
    { header: "值", width: 20, format: "text", wrap: true },
    { header: "问题说明及修改要求", width: 56, format: "text", wrap: true },
    { header: "建议修正", width: 12, format: "text", wrap: true },
  ];
}

/** `退回修改通知-港沟街道党工委.xlsx`: the unit's name (or what named it), safe as a file name. */
export function noticeFileName(s: Submission): string {
  const name = s.unit.name ?? s.unit.text;
  return `${NOTICE_SHEET}-${name.replace(/[\\/:*?"<>|\s]+/g, "_")}.xlsx`;
}
