// 进度督查: a ✓/✗ matrix per 党（工）委 — plan on time, 区委 half-year reviews, quarterly reviews of
// all its organisations, 群众评议 coverage per year — with commitment completion, for the periods
// that have ended by 检查基准日.
import type { Ledger } from "../engine/ledger";
import { toISO } from "../engine/dates";
import { RESULT_SHEETS } from "../engine/schema";
import type { Progress } from "../engine/progress";
import type { CellValue } from "../engine/grid";
import type { ColumnModel, SheetModel } from "./sheet-model";

const mark = (ok: boolean | undefined): CellValue => (ok === undefined ? null : ok ? "✓" : "✗");

export function progressSheet(ledger: Ledger, p: Progress): SheetModel {
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
    ];
  });
  return {
    name: RESULT_SHEETS.progress,
    title: "创先争优活动进度督查",
    preamble: [`检查基准日：${toISO(ledger.asOf)}    ✓ 已完成  ✗ 未完成（只列已到期的时段）`],
    columns,
    rows,
    freezeHeader: true,
    table: true,
    print: { landscape: true, repeatHeader: true },
    conditional: [
      { fromCol: 2, toCol: columns.length - 1, equals: "✓", style: "good" },
      { fromCol: 2, toCol: columns.length - 1, equals: "✗", style: "bad" },
    ],
  };
}
