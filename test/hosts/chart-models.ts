// Result models with charts, shaped like the report's: 进度督查 (title, preamble, rates and grade
// counts per unit, a clustered percent chart below the rows) and 考评结果-组织 (a stacked chart of
// the grade counts drawn from 进度督查's rows).
import type { CellValue } from "../../src/engine/grid";
import type { SheetModel } from "../../src/report/sheet-model";

export const PROGRESS = "进度督查";
export const ORG_SCORES = "考评结果-组织";

const UNITS = ["历城区洪家楼街道党工委", "历城区王舍人街道党工委", "历城区财政局党委", "历城区教育局党委"];

/** 进度督查 with `units` rows: columns 单位编号, 单位名称, 方案按时, 季度点评覆盖率, 群众评议覆盖率, 组织优秀…较差. */
export function progressModel(units = 3, tag = ""): SheetModel {
  const rows: CellValue[][] = [];
  for (let i = 0; i < units; i++)
    rows.push([
      `U${String(i + 1).padStart(2, "0")}`,
      `${UNITS[i % UNITS.length]}${i >= UNITS.length ? i : ""}${tag}`,
      i % 2 ? "✗" : "✓",
      i === 1 ? null : (i + 1) / (units + 1),
      1 - i / (units * 2),
      i + 1,
      2,
      i % 3,
    ]);
  return {
    name: PROGRESS,
    title: "创先争优活动进度督查",
    preamble: ["检查基准日：2012-11-07"],
    columns: [
      { header: "单位编号", format: "text" },
      { header: "单位名称", format: "text", width: 22 },
      { header: "方案按时", format: "text" },
      { header: "季度点评覆盖率", format: "percent" },
      { header: "群众评议覆盖率", format: "percent" },
      { header: "第三时段组织优秀", format: "integer" },
      { header: "第三时段组织良好", format: "integer" },
      { header: "第三时段组织较差", format: "integer" },
    ],
    rows,
    table: true,
    freezeHeader: true,
    print: { landscape: true, repeatHeader: true },
    charts: [
      {
        title: "各单位季度点评与群众评议覆盖率",
        kind: "column",
        categoryCol: 1,
        seriesCols: [3, 4],
        percent: true,
        anchor: { cell: `A${units + 5}`, cols: 10, rows: 18 },
      },
    ],
  };
}

/** 考评结果-组织 with a stacked chart of 进度督查's grade counts (columns F:H there). */
export function orgScoresModel(): SheetModel {
  return {
    name: ORG_SCORES,
    columns: [
      { header: "组织编号", format: "text" },
      { header: "党组织名称", format: "text" },
      { header: "综合得分", format: "decimal1" },
      { header: "等次", format: "text" },
    ],
    rows: [
      ["O001", "第一党支部", 95.5, "优秀"],
      ["O002", "第二党支部", 80, "良好"],
    ],
    table: true,
    freezeHeader: true,
    charts: [
      {
        title: "各单位基层党组织考评等次分布（第三时段）",
        kind: "columnStacked",
        dataSheet: PROGRESS,
        categoryCol: 1,
        seriesCols: [5, 6, 7],
        anchor: { cell: "F2", cols: 9, rows: 18 },
      },
    ],
  };
}
