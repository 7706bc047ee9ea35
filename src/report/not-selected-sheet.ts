// 未入选说明 (ledger-format.md §6.1): per list, in the order of campaign.md's table, the objects of the
// list's kind that are not on it, each with its first reason — members for member lists, party
// workers for 优秀党务工作者 (members who are not party workers are counted, not listed row by row),
// organisations, units. The reason `errors` names the first error cell (`党员!D12`). Each list starts
// a printed page.
import type { Ledger } from "../engine/ledger";
import { PHASE_NAMES } from "../engine/campaign";
import { RESULT_SHEETS } from "../engine/schema";
import { COMMENDATION_LISTS, type ListKind, type NotSelected } from "../engine/commend";
import type { Evaluation } from "../engine/evaluate";
import type { Finding } from "../engine/findings";
import { ERROR_CELL, reasonDetailOf, reasonOf } from "../i18n/reasons";
import { render } from "../i18n/text";
import { documentPrint, type SheetModel } from "./sheet-model";
import { unitName } from "./scores-sheets";
import { asOfLine } from "./doc-text";

const KIND_OF_LIST: Record<ListKind, NotSelected["kind"]> = {
  organization: "organization",
  member: "member",
  worker: "member",
  unit: "unit",
};

/** Object ID → its first error cell (`党员!D12`; with the file in a district compilation). */
export function firstErrorCells(findings: readonly Finding[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of findings) {
    if (f.severity !== "error" || !f.object || !f.sheet || !f.cell || out.has(f.object)) continue;
    out.set(f.object, `${f.file ? `${f.file} ` : ""}${f.sheet}!${f.cell}`);
  }
  return out;
}

function detail(n: NotSelected, errorCells: Map<string, string>): string | null {
  const cell = n.reason === "errors" ? errorCells.get(n.id) : undefined;
  if (cell) return render(ERROR_CELL.cell, "zh-CN", { cell });
  return reasonDetailOf(n, "zh-CN") ?? null;
}

/**
 * The rows 未入选说明 lists: per list only objects of the list's kind, and no row per member who is
 * simply not a party worker (§6.1; they are counted in the preamble).
 */
export function listedNotSelected(ev: Evaluation): NotSelected[] {
  const kinds = new Map(COMMENDATION_LISTS.map((l) => [`${l.phase}|${l.name}`, KIND_OF_LIST[l.kind]]));
  return ev.notSelected.filter(
    (n) => n.reason !== "not-party-worker" && kinds.get(`${n.phase}|${n.list}`) === n.kind,
  );
}

export function notSelectedSheet(
  ledger: Ledger,
  ev: Evaluation,
  findings: readonly Finding[] = [],
): SheetModel {
  const errorCells = firstErrorCells(findings);
  const order = new Map(COMMENDATION_LISTS.map((l, i) => [`${l.phase}|${l.name}`, i]));
  // each row's list position looked up once, not a key built per comparison (~50,000 rows, issue 12)
  const listed = listedNotSelected(ev)
    .map((n) => ({ n, list: order.get(`${n.phase}|${n.list}`)! }))
    .sort((a, b) => a.list - b.list || (a.n.id < b.n.id ? -1 : a.n.id > b.n.id ? 1 : 0));
  const notWorkers = ev.notSelected.filter((n) => n.reason === "not-party-worker").length;
  const breakBefore = listed.flatMap((e, i) => (i > 0 && listed[i - 1].list !== e.list ? [i] : []));
  const rows = listed.map(({ n }) => [
    PHASE_NAMES[n.phase],
    n.list,
    n.id,
    n.name,
    n.kind === "unit" ? n.name : unitName(ledger, n.unit),
    reasonOf(n, "zh-CN"),
    detail(n, errorCells),
    n.score ? n.score.total : null,
    n.score ? n.score.approval : null,
  ]);
  return {
    name: RESULT_SHEETS.notSelected,
    title: "表彰推荐未入选情况说明",
    preamble: [
      `${asOfLine(ledger.asOf)}。每个对象只列第一条未入选原因，每个名单从新的一页开始。` +
        (notWorkers ? `另有${notWorkers}名党员不是党务工作者，不参加优秀党务工作者评选，未逐一列出。` : ""),
    ],
    columns: [
      { header: "时段", width: 8, format: "text" },
      { header: "名单", width: 16, format: "text" },
      { header: "编号", width: 9, format: "text" },
      { header: "名称或姓名", width: 22, format: "text" },
      { header: "所属单位", width: 20, format: "text" },
      { header: "未入选原因", width: 26, format: "text" },
      { header: "说明", width: 20, format: "text" },
      { header: "综合得分", width: 8, format: "decimal1" },
      { header: "好评率", width: 8, format: "percent" },
    ],
    rows,
    freezeHeader: true,
    table: true,
    wrapText: true,
    print: documentPrint({ breakBefore }),
  };
}
