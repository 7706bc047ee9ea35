// 表彰名单: a section per phase and list (rank, name, unit, category / title, score, 好评率 and a
// 推荐理由 from the strongest criteria), with a formal title and A4 print setup; and 未入选说明.
import type { Ledger } from "../engine/ledger";
import { str } from "../engine/ledger";
import { PHASE_NAMES } from "../engine/campaign";
import { toISO } from "../engine/dates";
import { MEMBER_CRITERIA, ORG_CRITERIA, RESULT_SHEETS } from "../engine/schema";
import { COMMENDATION_LISTS, type Commendation, type NotSelected } from "../engine/commend";
import { reasonDetailOf, reasonOf } from "../i18n/reasons";
import type { Evaluation } from "../engine/evaluate";
import type { CellValue } from "../engine/grid";
import type { RowKind, SheetModel } from "./sheet-model";
import { unitName } from "./scores-sheets";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The two strongest criteria (schema order breaks ties), the approval and the score. */
export function recommendation(ledger: Ledger, c: Commendation): string {
  if (c.kind === "unit") {
    const n = ledger.index.orgsOfUnit.get(c.id)?.length ?? 0;
    return `所属 ${n} 个基层党组织第三时段平均综合得分 ${c.total.toFixed(1)}，实施方案按时报送，区委半年点评齐全`;
  }
  const s = c.score!;
  const names = s.kind === "organization" ? ORG_CRITERIA : MEMBER_CRITERIA;
  const top = names
    .map((n, i) => ({ n, p: s.points[i], i }))
    .sort((a, b) => b.p - a.p || a.i - b.i)
    .slice(0, 2)
    .map((x) => x.n);
  return `${top.join("、")}表现突出，群众评议好评率 ${pct(s.approval)}，综合得分 ${s.total.toFixed(1)}`;
}

function category(ledger: Ledger, c: Commendation): string {
  if (c.kind === "organization") {
    const o = ledger.index.orgs.get(c.id);
    return o ? [str(o, "category"), str(o, "title")].filter(Boolean).join(" · ") : "";
  }
  if (c.kind === "member") {
    const m = ledger.index.members.get(c.id);
    const org = m ? str(m, "org") : undefined;
    const o = org ? ledger.index.orgs.get(org) : undefined;
    return (o && str(o, "orgName")) ?? org ?? "";
  }
  return "党（工）委";
}

export function commendationsSheet(ledger: Ledger, ev: Evaluation): SheetModel {
  const rows: CellValue[][] = [];
  const rowKinds: RowKind[] = [];
  for (const list of COMMENDATION_LISTS) {
    const entries = ev.commendations.filter((c) => c.phase === list.phase && c.list === list.name);
    rows.push([`${PHASE_NAMES[list.phase]} · ${list.name}（${list.occasion}）  共 ${entries.length} 个`]);
    rowKinds.push("section");
    if (!entries.length) {
      rows.push([null, "（无符合条件的推荐对象）"]);
      rowKinds.push(undefined);
    }
    for (const c of entries) {
      rows.push([
        c.rank,
        c.name,
        c.id,
        c.kind === "unit" ? c.name : unitName(ledger, c.unit),
        category(ledger, c),
        c.total,
        c.approval ?? null,
        recommendation(ledger, c),
      ]);
      rowKinds.push(undefined);
    }
  }
  // A list goes up for signature: leave the lines a clerk signs and stamps.
  rows.push(
    [],
    [
      "推荐单位（盖章）：                    负责人（签字）：                    填表人：                    日期：      年    月    日",
    ],
  );
  rowKinds.push(undefined, "section");
  return {
    name: RESULT_SHEETS.commendations,
    title: "历城区创先争优、争做历城先锋活动表彰推荐名单",
    preamble: [
      `检查基准日：${toISO(ledger.asOf)}    依据：区委组织部 区委宣传部《实施意见》（2010年5月5日）四、总体安排`,
    ],
    columns: [
      { header: "名次", width: 6, format: "integer" },
      { header: "名称 / 姓名", width: 24, format: "text" },
      { header: "编号", width: 10, format: "text" },
      { header: "所属单位", width: 22, format: "text" },
      { header: "类别 / 所在党组织", width: 22, format: "text" },
      { header: "综合得分", width: 9, format: "decimal1" },
      { header: "好评率", width: 9, format: "percent" },
      { header: "推荐理由", width: 50, format: "text", wrap: true },
    ],
    rows,
    rowKinds,
    freezeHeader: true,
    print: { landscape: true, repeatHeader: true },
  };
}

export function notSelectedSheet(ledger: Ledger, ev: Evaluation): SheetModel {
  const order = new Map(COMMENDATION_LISTS.map((l, i) => [`${l.phase}|${l.name}`, i]));
  const list = [...ev.notSelected].sort(
    (a, b) =>
      order.get(`${a.phase}|${a.list}`)! - order.get(`${b.phase}|${b.list}`)! || (a.id < b.id ? -1 : 1),
  );
  const rows = list.map((n: NotSelected) => [
    PHASE_NAMES[n.phase],
    n.list,
    n.id,
    n.name,
    n.kind === "unit" ? n.name : unitName(ledger, n.unit),
    reasonOf(n, "zh-CN"),
    reasonDetailOf(n, "zh-CN") ?? null,
    n.score ? n.score.total : null,
    n.score ? n.score.approval : null,
    n.reason,
  ]);
  return {
    name: RESULT_SHEETS.notSelected,
    title: "未入选说明",
    preamble: [`检查基准日：${toISO(ledger.asOf)}    每人（每个组织）只列第一条未入选原因`],
    columns: [
      { header: "时段", width: 9, format: "text" },
      { header: "名单", width: 18, format: "text" },
      { header: "编号", width: 10, format: "text" },
      { header: "名称 / 姓名", width: 22, format: "text" },
      { header: "所属单位", width: 20, format: "text" },
      { header: "未入选原因", width: 28, format: "text" },
      { header: "说明", width: 18, format: "text" },
      { header: "综合得分", width: 9, format: "decimal1" },
      { header: "好评率", width: 9, format: "percent" },
      { header: "原因代码", width: 16, format: "text" },
    ],
    rows,
    freezeHeader: true,
    table: true,
  };
}
