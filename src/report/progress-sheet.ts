// 进度督查: one row per 党（工）委 — plan on time, the 区委 half-year reviews and the quarterly reviews
// and 群众评议 that are missing (named by period, for the periods ended by 检查基准日), coverage and
// commitment rates, the organisations' grade counts — in 16 columns, so that it prints one page wide
// at a legible size (ledger-format.md §6.1); and a chart of the rates that differ between units.
import { periodInWords } from "../i18n/findings";
import type { Ledger } from "../engine/ledger";
import { RESULT_SHEETS } from "../engine/schema";
import type { Progress, ProgressRow, Ratio } from "../engine/progress";
import { GRADES, type Score } from "../engine/score";
import { type Phase, PHASE_NAMES } from "../engine/campaign";
import type { CellValue } from "../engine/grid";
import { documentPrint, type ChartModel, type ColumnModel, type SheetModel } from "./sheet-model";
import { asOfLine } from "./doc-text";
import { measureRows, pageRowPoints } from "./sheet-plan";

const ratio = (xs: Ratio[]): number | null => {
  const total = xs.reduce((n, x) => n + x.total, 0);
  return total ? xs.reduce((n, x) => n + x.done, 0) / total : null;
};

/** Grade counts of the organisations per unit, in the latest phase that has organisation scores. */
function gradeCounts(scores: readonly Score[]): { phase?: Phase; byUnit: Map<string, number[]> } {
  const orgScores = scores.filter((s) => s.kind === "organization");
  const phase = orgScores.reduce<Phase | undefined>(
    (m, s) => (m === undefined || s.phase > m ? s.phase : m),
    undefined,
  );
  const byUnit = new Map<string, number[]>();
  for (const s of orgScores) {
    if (s.phase !== phase) continue;
    const counts = byUnit.get(s.unit) ?? GRADES.map(() => 0);
    counts[GRADES.indexOf(s.grade)]++;
    byUnit.set(s.unit, counts);
  }
  return { phase, byUnit };
}

/** `✓`, or each period with a gap: `缺2011年下半年`, `2011年三季度缺2个` … (`—`: no period ended yet). */
function missing(gaps: [string, number][], say: (period: string, n: number) => string): string {
  if (!gaps.length) return "—";
  const open = gaps.filter(([, n]) => n > 0);
  return open.length ? open.map(([period, n]) => say(periodInWords(period, "zh-CN"), n)).join("、") : "✓";
}

function unitRow(p: Progress, r: ProgressRow, grades: number[]): CellValue[] {
  const q = p.quarters.map((k) => r.quarters[k]);
  const y = p.years.map((k) => r.evaluations[k]);
  const gap = (x: Ratio) => x.total - x.done;
  return [
    r.unit,
    r.name,
    r.planOnTime === undefined ? null : r.planOnTime ? "✓" : "✗",
    missing(
      p.halfYears.map((h) => [h, r.halfYears[h] ? 0 : 1]),
      (period) => `缺${period}`,
    ),
    missing(
      p.quarters.map((k, i) => [k, gap(q[i])]),
      (period, n) => `${period}缺${n}个`,
    ),
    ratio(q),
    missing(
      p.years.map((k, i) => [k, gap(y[i])]),
      (period, n) => `${period}缺${n}个`,
    ),
    ratio(y),
    r.commitments.total,
    r.commitments.overdue,
    r.commitments.total ? r.commitments.done / r.commitments.total : null,
    ...grades,
  ];
}

/** Rate columns whose values differ between units (the chart shows those; else 承诺完成率). */
function chartColumns(rows: CellValue[][], candidates: number[]): number[] {
  const differ = candidates.filter((c) => new Set(rows.map((r) => r[c])).size > 1);
  return differ.length ? differ : [candidates[candidates.length - 1]];
}

export function progressSheet(ledger: Ledger, p: Progress, scores: readonly Score[] = []): SheetModel {
  const grades = gradeCounts(scores);
  const gradeLabel = grades.phase ? PHASE_NAMES[grades.phase] : "";
  const columns: ColumnModel[] = [
    { header: "单位编号", width: 7, format: "text" },
    { header: "单位名称", width: 16, format: "text" },
    { header: "方案按时", width: 5, format: "text" },
    { header: "区委半年点评", width: 14, format: "text" },
    { header: "季度点评缺项（组织）", width: 16, format: "text" },
    { header: "季度点评覆盖率", width: 8, format: "percent" },
    { header: "群众评议缺项（对象）", width: 14, format: "text" },
    { header: "群众评议覆盖率", width: 8, format: "percent" },
    { header: "承诺总数", width: 6, format: "integer" },
    { header: "逾期未完成", width: 6, format: "integer" },
    { header: "承诺完成率", width: 7, format: "percent" },
    ...GRADES.map((g) => ({ header: `${gradeLabel}组织${g}`, width: 8, format: "integer" }) as ColumnModel),
  ];
  const rows = p.rows.map((r) => unitRow(p, r, grades.byUnit.get(r.unit) ?? GRADES.map(() => 0)));
  const col = (header: string) => columns.findIndex((c) => c.header === header);
  const anchor = { cell: `A${rows.length + 5}`, cols: 12, rows: 18 };
  const gradeCols = GRADES.map((_, i) => columns.length - GRADES.length + i);
  // the grade mix tells units apart; without scores, the rates that differ between units
  const series = chartColumns(rows, [col("季度点评覆盖率"), col("群众评议覆盖率"), col("承诺完成率")]);
  const chart: ChartModel = grades.phase
    ? {
        title: `各单位基层党组织考评等次分布（${gradeLabel}）`,
        kind: "columnStacked",
        categoryCol: 1,
        seriesCols: gradeCols,
        // 优秀 green, 良好 blue, 一般 amber, 较差 orange, 否决 red
        colors: ["70AD47", "4472C4", "FFC000", "ED7D31", "C00000"],
        anchor,
      }
    : {
        title: `各单位${series.map((c) => columns[c].header).join("、")}`,
        kind: "column",
        categoryCol: 1,
        seriesCols: series,
        percent: true,
        anchor,
      };
  const model: SheetModel = {
    name: RESULT_SHEETS.progress,
    title: "创先争优活动进度督查",
    preamble: [`${asOfLine(ledger.asOf)}，只列已到期的时段。✓ 已完成  ✗ 未完成`],
    columns,
    rows,
    freezeHeader: true,
    table: true,
    wrapText: true,
    print: documentPrint(),
    charts: [chart],
    conditional: [
      { fromCol: 2, toCol: 6, equals: "✓", style: "good" },
      { fromCol: 2, toCol: 2, equals: "✗", style: "bad" },
    ],
  };
  return chartOnItsPage(model, anchor.rows);
}

/** The chart starts a page unless it fits below the table on the same page (never cut in two). */
function chartOnItsPage(model: SheetModel, chartRows: number): SheetModel {
  let used = 0;
  for (const h of measureRows(model).values()) used += h.points;
  const room = pageRowPoints(model);
  // the table and the chart below it (a blank row, then its rows of 15 points) on one page; a table
  // of several pages ends where each program's own breaks put it, so the chart takes a fresh page
  return used + (chartRows + 1) * 15 <= room
    ? model
    : { ...model, print: { ...model.print, breakBefore: [model.rows.length] } };
}
