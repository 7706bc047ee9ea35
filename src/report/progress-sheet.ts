// 进度督查: a ✓/✗ matrix per 党（工）委 — plan on time, 区委 half-year reviews, quarterly reviews of
// all its organisations, 群众评议 coverage per year — with commitment completion, for the periods
// that have ended by 检查基准日.
import type { Ledger } from "../engine/ledger";
import { toISO } from "../engine/dates";
import { RESULT_SHEETS } from "../engine/schema";
import type { Progress, Ratio } from "../engine/progress";
import { GRADES, type Score } from "../engine/score";
import { type Phase, PHASE_NAMES } from "../engine/campaign";
import type { CellValue } from "../engine/grid";
import type { ColumnModel, SheetModel } from "./sheet-model";

const mark = (ok: boolean | undefined): CellValue => (ok === undefined ? null : ok ? "✓" : "✗");
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

export function progressSheet(ledger: Ledger, p: Progress, scores: readonly Score[] = []): SheetModel {
  const grades = gradeCounts(scores);
  const gradeLabel = grades.phase ? PHASE_NAMES[grades.phase] : "";
  const columns: ColumnModel[] = [
    { header: "单位编号", width: 9, format: "text" },
    { header: "单位名称", width: 22, format: "text" },
    { header: "方案按时", width: 9, format: "text" },
    ...p.halfYears.map((h) => ({ header: `区委点评 ${h}`, width: 11, format: "text" }) as ColumnModel),
    ...p.quarters.map((q) => ({ header: `季度点评 ${q}`, width: 11, format: "text" }) as ColumnModel),
    { header: "缺季度点评（组织·季度）", width: 14, format: "integer" },
    { header: "承诺总数", width: 9, format: "integer" },
    { header: "已完成", width: 8, format: "integer" },
    { header: "逾期未完成", width: 10, format: "integer" },
    { header: "承诺完成率", width: 10, format: "percent" },
    ...p.years.map((y) => ({ header: `群众评议 ${y}`, width: 11, format: "text" }) as ColumnModel),
    { header: "缺评议（对象·年）", width: 12, format: "integer" },
    { header: "季度点评覆盖率", width: 12, format: "percent" },
    { header: "群众评议覆盖率", width: 12, format: "percent" },
    ...GRADES.map((g) => ({ header: `${gradeLabel}组织${g}`, width: 11, format: "integer" }) as ColumnModel),
  ];
  const rows = p.rows.map((r) => {
    const q = p.quarters.map((k) => r.quarters[k]);
    const y = p.years.map((k) => r.evaluations[k]);
    return [
      r.unit,
      r.name,
      mark(r.planOnTime),
      ...p.halfYears.map((h) => mark(r.halfYears[h])),
      ...q.map((x) => mark(x.done === x.total)),
      q.reduce((n, x) => n + x.total - x.done, 0),
      r.commitments.total,
      r.commitments.done,
      r.commitments.overdue,
      r.commitments.total ? r.commitments.done / r.commitments.total : null,
      ...y.map((x) => mark(x.done === x.total)),
      y.reduce((n, x) => n + x.total - x.done, 0),
      ratio(q),
      ratio(y),
      ...(grades.byUnit.get(r.unit) ?? GRADES.map(() => 0)),
    ];
  });
  const col = (header: string) => columns.findIndex((c) => c.header === header);
  const reviewRate = col("季度点评覆盖率");
  return {
    name: RESULT_SHEETS.progress,
    title: "创先争优活动进度督查",
    preamble: [`检查基准日：${toISO(ledger.asOf)}    ✓ 已完成  ✗ 未完成（只列已到期的时段）`],
    columns,
    rows,
    freezeHeader: true,
    table: true,
    print: { landscape: true, repeatHeader: true },
    charts: [
      {
        title: "各单位季度点评与群众评议覆盖率",
        kind: "column",
        categoryCol: 1,
        seriesCols: [reviewRate, reviewRate + 1],
        percent: true,
        anchor: { cell: `A${rows.length + 5}`, cols: 10, rows: 18 },
      },
    ],
    conditional: [
      { fromCol: 2, toCol: columns.length - 1, equals: "✓", style: "good" },
      { fromCol: 2, toCol: columns.length - 1, equals: "✗", style: "bad" },
    ],
  };
}
