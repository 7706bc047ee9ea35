// 考评结果-组织 / 考评结果-党员: one row per object and phase with the five criteria, 好评率,
// deductions, 综合得分 and 等次.
import type { Ledger } from "../engine/ledger";
import { str } from "../engine/ledger";
import { PHASE_NAMES } from "../engine/campaign";
import { MEMBER_CRITERIA, ORG_CRITERIA, RESULT_SHEETS } from "../engine/schema";
import type { Score } from "../engine/score";
import { documentPrint, type ColumnModel, type HyperlinkModel, type SheetModel } from "./sheet-model";
import { asOfLine } from "./doc-text";
import { sheetRef } from "./refs";
import { a1, type CellValue } from "../engine/grid";

export function unitName(ledger: Ledger, unit: string): string {
  const rec = ledger.index.units.get(unit);
  return (rec && str(rec, "unitName")) ?? unit;
}

const num = (header: string, format: ColumnModel["format"] = "decimal1", width = 9): ColumnModel => ({
  header,
  format,
  width,
});

/** One row per object and phase; the grade mix per unit is charted on 进度督查. */
export function scoresSheet(
  ledger: Ledger,
  scores: readonly Score[],
  kind: "organization" | "member",
): SheetModel {
  const org = kind === "organization";
  const list = scores
    .filter((s) => s.kind === kind)
    .sort(
      (a, b) =>
        a.phase - b.phase || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0) || (a.id < b.id ? -1 : 1),
    );
  const hyperlinks: HyperlinkModel[] = [];
  const rows = list.map((s, i) => {
    // a district's evaluations are in the submitted files, not in this workbook: no link then
    if (s.source.file === undefined)
      hyperlinks.push({ row: i, col: 1, target: sheetRef(s.source.sheet, a1(s.source.row, 0)) });
    return scoreRow(ledger, s, org);
  });
  const criteria = org ? ORG_CRITERIA : MEMBER_CRITERIA;
  // narrow enough to print one page wide at about 9 points: headers wrap, rows are measured
  const columns: ColumnModel[] = [
    { header: "考评时段", width: 8, format: "text" },
    { header: org ? "组织编号" : "党员编号", width: 8, format: "text" },
    { header: org ? "党组织名称" : "姓名", width: org ? 22 : 8, format: "text" },
    ...(org ? [] : [{ header: "所在党组织", width: 9, format: "text" } as ColumnModel]),
    { header: "单位编号", width: 7, format: "text" },
    { header: "单位名称", width: 18, format: "text" },
    ...criteria.map((c) => num(c, "general", org ? 6 : 7)),
    num(org ? "五个好得分" : "五带头得分", "general", 7),
    num("好评率", "percent", 7),
    num("扣分-缺点评", "general", 7),
    num("扣分-承诺逾期", "general", 7),
    num("综合得分", "decimal1", 7),
    { header: "等次", width: 5, format: "text" },
    { header: org ? "一票否决事项" : "违纪违法情况", width: org ? 14 : 12, format: "text" },
    ...(org
      ? []
      : [
          { header: "党员类别", width: 8, format: "text" } as ColumnModel,
          { header: "党务工作者", width: 6, format: "text" } as ColumnModel,
        ]),
  ];
  const gradeCol = columns.findIndex((c) => c.header === "等次");
  return {
    name: org ? RESULT_SHEETS.orgScores : RESULT_SHEETS.memberScores,
    title: org ? "基层党组织“五个好”考评结果" : "党员“五带头”考评结果",
    preamble: [
      `${asOfLine(ledger.asOf)}。综合得分＝五项得分之和×${ledger.rules.weightCriteria}＋好评率×100×${ledger.rules.weightApproval}－扣分。`,
    ],
    columns,
    rows,
    hyperlinks,
    freezeHeader: true,
    table: true,
    wrapText: true,
    print: documentPrint(),
    conditional: [
      { fromCol: gradeCol, toCol: gradeCol, equals: "否决", style: "bad" },
      { fromCol: gradeCol, toCol: gradeCol, equals: "较差", style: "bad" },
      { fromCol: gradeCol, toCol: gradeCol, equals: "优秀", style: "good" },
    ],
  };
}

/**
 * One score's row, pushed cell by cell: the spread version built four arrays per row and, before V8
 * optimised it, an iterator result per spread cell (~20 MB of garbage on the district, issue 12).
 */
function scoreRow(ledger: Ledger, s: Score, org: boolean): CellValue[] {
  const row: CellValue[] = [PHASE_NAMES[s.phase], s.id, s.name];
  if (!org) row.push(s.org ?? null);
  row.push(s.unit, unitName(ledger, s.unit));
  for (let i = 0; i < s.points.length; i++) row.push(s.points[i]);
  row.push(
    s.criteria,
    s.approval,
    s.deductionReviews,
    s.deductionOverdue,
    s.total,
    s.grade,
    s.vetoText ?? null,
  );
  const member = org ? undefined : ledger.index.members.get(s.id);
  if (member) row.push(str(member, "status") ?? null, str(member, "worker") ?? null);
  return row;
}
