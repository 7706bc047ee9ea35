// 校验结果: every finding with a link to its cell, the message and the suggested fix; a summary on top.
import { type Finding, summarize } from "../engine/findings";
import { FINDINGS_NOT_LISTED, messageOf, periodInWords } from "../i18n/findings";
import { type Lang, render } from "../i18n/text";
import { RESULT_SHEETS } from "../engine/schema";
import type { Analysis } from "../engine/analyze";
import { documentPrint, type HyperlinkModel, type SheetModel } from "./sheet-model";
import { asOfLine } from "./doc-text";
import { maskIdCard } from "./mask";
import { sheetRef } from "./refs";

const SEVERITY_LABEL = { error: "错误", warning: "警告", info: "提示" } as const;

function masked(f: Finding): Finding {
  if (typeof f.value !== "string") return f;
  return { ...f, value: maskIdCard(f.value), fix: typeof f.fix === "string" ? maskIdCard(f.fix) : f.fix };
}

/**
 * §1.4: whatever a workbook holds, 校验结果 never exceeds 100,000 rows (Excel's limit is 1,048,576,
 * and a sheet that size is of no use to a clerk). The title, preamble and header take a few.
 */
export const MAX_FINDINGS_SHEET_ROWS = 100_000;
const MAX_DATA_ROWS = MAX_FINDINGS_SHEET_ROWS - 10;

/** One summary row per code and sheet for the findings beyond the cap (keeps the first of each). */
interface Listed {
  listed: readonly Finding[];
  notListed: { first: Finding; count: number }[];
}

function capFindings(findings: readonly Finding[]): Listed {
  if (findings.length <= MAX_DATA_ROWS) return { listed: findings, notListed: [] };
  const groupKey = (f: Finding) => `${f.file ?? ""}\u0000${f.sheet ?? ""}\u0000${f.code}`;
  const groupsAtMost = new Set(findings.map(groupKey)).size;
  const head = Math.max(0, MAX_DATA_ROWS - groupsAtMost);
  const groups = new Map<string, { first: Finding; count: number }>();
  for (let i = head; i < findings.length; i++) {
    const f = findings[i];
    const g = groups.get(groupKey(f));
    if (g) g.count++;
    else groups.set(groupKey(f), { first: f, count: 1 });
  }
  return { listed: findings.slice(0, head), notListed: [...groups.values()] };
}

function notListedRow(g: { first: Finding; count: number }, lang: Lang, withFile: boolean) {
  const f = g.first;
  const message = render(FINDINGS_NOT_LISTED, lang, {
    count: g.count,
    code: f.code,
    max: MAX_FINDINGS_SHEET_ROWS,
  });
  return [
    ...(withFile ? [f.file ?? null] : []),
    SEVERITY_LABEL[f.severity],
    f.sheet,
    null,
    null,
    String(g.count),
    null,
    null,
    message,
    null,
  ];
}

/**
 * `withFile`: the findings come from several files (a district compilation): a 文件 column comes
 * first and cells are not links (they are in the submitted files, not in this workbook).
 */
export function findingsSheet(a: Analysis, lang: Lang = "zh-CN", withFile = false): SheetModel {
  const s = summarize(a.findings);
  const hyperlinks: HyperlinkModel[] = [];
  const { listed, notListed } = capFindings(a.findings);
  const rows = listed.map((raw, i) => {
    const f = masked(raw);
    if (f.sheet && f.cell && !withFile)
      hyperlinks.push({ row: i, col: 2, target: sheetRef(f.sheet, f.cell) });
    return [
      ...(withFile ? [f.file ?? null] : []),
      SEVERITY_LABEL[f.severity],
      f.sheet,
      f.cell,
      f.field ?? null,
      f.value === undefined || f.value === null ? null : String(f.value),
      f.object ?? null,
      f.period === undefined ? null : periodInWords(f.period, lang),
      maskIdCard(messageOf(f, lang)),
      f.fix === undefined || f.fix === null ? null : String(f.fix),
    ];
  });
  for (const g of notListed) rows.push(notListedRow(g, lang, withFile));
  return {
    name: RESULT_SHEETS.findings,
    title: "台账校验结果",
    preamble: [
      `${asOfLine(a.ledger.asOf)}，台账共有错误${s.error}条、警告${s.warning}条、提示${s.info}条。` +
        (s.error ? "有错误的记录不参加考评，请改正后重新校验。" : ""),
    ],
    columns: [
      ...(withFile ? [{ header: "文件", width: 18, format: "text" as const }] : []),
      { header: "级别", width: 6, format: "text" },
      { header: "工作表", width: 12, format: "text" },
      { header: "单元格", width: 8, format: "text" },
      { header: "列", width: 14, format: "text" },
      { header: "值", width: 18, format: "text" },
      { header: "对象", width: 10, format: "text" },
      { header: "时段", width: 8, format: "text" },
      { header: "问题说明", width: 56, format: "text", wrap: true },
      { header: "建议修正", width: 14, format: "text" },
    ],
    rows,
    hyperlinks,
    freezeHeader: true,
    table: true,
    wrapText: true,
    print: documentPrint(),
  };
}
