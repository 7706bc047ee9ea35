// 报送情况 (ledger-format.md §8): one row per submitted file — 单位, 文件, 报出时间, 状态, 错误数, 警告数
// and 主要问题 (the first three findings with their cells, or why the file could not be used) — then a
// total row and the lines the district clerk signs. Printed like the other result sheets (§6.1).
import { type Compilation, type Submission, unitLabel } from "../engine/compile";
import { reasonText } from "../i18n/submissions";
import { type Finding } from "../engine/findings";
import type { Lang } from "../i18n/text";
import { messageOf } from "../i18n/findings";
import type { CellValue } from "../engine/grid";
import { RESULT_SHEETS } from "../engine/schema";
import { toISO, type Day } from "../engine/dates";
import { chineseDate } from "./doc-text";

export { chineseDate };
import { PAGE_FOOTER, type RowKind, type SheetModel } from "./sheet-model";
import { maskIdCard } from "./mask";

/** How many findings 主要问题 names. */
const MAIN_PROBLEMS = 3;

export const STATUS_LABEL: Record<Submission["status"], string> = {
  accepted: "合格",
  returned: "退回修改",
  superseded: "已被替代",
};

/** 合格 / 退回修改 / 无法读取 / 已被替代, as the task pane shows them (ui.md). */
export function statusLabel(s: Submission): string {
  return s.status === "returned" && s.reason && (s.reason.kind === "file" || s.reason.kind === "not-ledger")
    ? "无法读取"
    : STATUS_LABEL[s.status];
}

/** `党员!D5 message`, the ID numbers in it masked. */
export function findingLine(f: Finding, lang: Lang = "zh-CN"): string {
  const where = f.sheet ? `${f.sheet}${f.cell ? "!" + f.cell : ""} ` : "";
  return maskIdCard(`${where}${messageOf(f, lang)}`);
}

/** The first three errors, then warnings, one per line; or the reason a file cannot be used. */
export function mainProblems(s: Submission, lang: Lang = "zh-CN"): string {
  if (s.reason && s.reason.kind !== "errors") return reasonText(s, lang);
  const ranked = [
    ...s.findings.filter((f) => f.severity === "error"),
    ...s.findings.filter((f) => f.severity === "warning"),
  ];
  const lines = ranked.slice(0, MAIN_PROBLEMS).map((f) => findingLine(f, lang));
  if (ranked.length > MAIN_PROBLEMS) lines.push(`……另有${ranked.length - MAIN_PROBLEMS}处，见“校验结果”表`);
  return lines.join("\n");
}

function row(s: Submission, i: number, lang: Lang): CellValue[] {
  return [
    i + 1,
    unitLabel(s.unit),
    s.file,
    s.reportedText ?? "—",
    statusLabel(s),
    s.summary.error,
    s.summary.warning,
    mainProblems(s, lang) || "—",
  ];
}

function totalRow(c: Compilation): CellValue[] {
  const count = (st: Submission["status"]) => c.submissions.filter((s) => s.status === st).length;
  const sum = (k: "error" | "warning") => c.submissions.reduce((n, s) => n + s.summary[k], 0);
  return [
    "合计",
    null,
    `${c.submissions.length}个文件`,
    null,
    null,
    sum("error"),
    sum("warning"),
    `合格${count("accepted")}个，退回修改${count("returned")}个，已被替代${count("superseded")}个`,
  ];
}

export function submissionsSheet(c: Compilation, lang: Lang = "zh-CN"): SheetModel {
  const asOf = c.district.asOf;
  const rows: CellValue[][] = c.submissions.map((s, i) => row(s, i, lang));
  const rowKinds: RowKind[] = rows.map(() => undefined);
  rows.push(totalRow(c), [], [signatureLine(asOf)]);
  rowKinds.push(undefined, undefined, "note");
  return {
    name: RESULT_SHEETS.submissions,
    title: "创先争优活动台账报送情况",
    preamble: [
      `检查基准日：${toISO(asOf)}    单位名单：${c.unitsFrom === "units-workbook" ? "区委下发的单位名单" : "各报送文件中的党（工）委"}`,
    ],
    columns: [
      { header: "序号", width: 5, format: "integer", wrap: true },
      { header: "单位", width: 24, format: "text", wrap: true },
      { header: "文件", width: 22, format: "text", wrap: true },
      { header: "报出时间", width: 17, format: "text", wrap: true },
      { header: "状态", width: 9, format: "text", wrap: true },
      { header: "错误数", width: 7, format: "integer", wrap: true },
      { header: "警告数", width: 7, format: "integer", wrap: true },
      { header: "主要问题", width: 62, format: "text", wrap: true },
    ],
    rows,
    rowKinds,
    freezeHeader: true,
    print: { landscape: true, repeatHeader: true, footer: PAGE_FOOTER },
    conditional: [
      { fromCol: 4, toCol: 4, equals: "退回修改", style: "bad" },
      { fromCol: 4, toCol: 4, equals: "无法读取", style: "bad" },
      { fromCol: 4, toCol: 4, equals: "已被替代", style: "warn" },
    ],
  };
}

function signatureLine(asOf: Day): string {
  return `汇总单位（盖章）：                    负责人（签字）：                    汇总人：                    日期：${chineseDate(asOf)}`;
}
