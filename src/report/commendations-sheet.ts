// 表彰名单, the formal document of ledger-format.md §6.1: the title (`（试算稿）` and the line about
// errors when the ledger still has them), the 依据 line, 推荐单位 and the date; a section 一、二、三、
// per phase and （一）（二） per list, each list from a new page with its own column headers; member
// lists 序号, 姓名, 性别, 出生年月, 入党时间, 所在党组织及职务, 推荐理由; organisation lists 序号, 党组织名称,
// 所属党（工）委, 组织类别, 党员数, 推荐理由 — no IDs, no scores; the signature block closes the last page.
//
// The two column sets share one grid of nine columns (member and organisation cells span some of
// them), and the sheet paginates itself: a list that runs over a page repeats its header row there
// (Excel's print titles are one fixed row range, and the lists' headers differ).
import type { Ledger } from "../engine/ledger";
import { str } from "../engine/ledger";
import { PHASE_NAMES, type Phase } from "../engine/campaign";
import { ymd } from "../engine/dates";
import { RESULT_SHEETS } from "../engine/schema";
import { COMMENDATION_LISTS, type Commendation, type ListDef } from "../engine/commend";
import type { Evaluation } from "../engine/evaluate";
import type { CellValue } from "../engine/grid";
import {
  documentPrint,
  type ColumnModel,
  type RowKind,
  type SheetModel,
  type SpanModel,
} from "./sheet-model";
import { measureRows, pageRowPoints } from "./sheet-plan";
import { recommendation } from "./commendation-reasons";
import { chineseDate } from "./doc-text";
import { unitName } from "./scores-sheets";

export const COMMENDATIONS_TITLE = "历城区创先争优、争做历城先锋活动表彰推荐名单";
export const NOTICE_TITLE =
  "《区委组织部 区委宣传部关于在全区基层党组织和党员中深入开展创先争优争做历城先锋活动的实施意见》";
const DRAFT_MARK = "（试算稿）";

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** The grid: 序号 | 9 | 5 | 10 | 10 | 14 | 16 | 8 | 52 characters (A4 landscape at 100 %). */
const GRID: ColumnModel[] = [5, 9, 5, 10, 10, 14, 16, 8, 52].map((width, i) => ({
  header: "",
  width,
  // 序号 and 党员数 hold numbers (text in a number column is still written as text)
  format: i === 0 || i === 7 ? "integer" : "text",
  wrap: i > 0,
}));

/** A list's cells: [first grid column, columns spanned, header]. */
type Layout = readonly (readonly [number, number, string])[];
const MEMBER_LAYOUT: Layout = [
  [0, 1, "序号"],
  [1, 1, "姓名"],
  [2, 1, "性别"],
  [3, 1, "出生年月"],
  [4, 1, "入党时间"],
  [5, 2, "所在党组织及职务"],
  [7, 2, "推荐理由"],
];
const ORG_LAYOUT: Layout = [
  [0, 1, "序号"],
  [1, 3, "党组织名称"],
  [4, 2, "所属党（工）委"],
  [6, 1, "组织类别"],
  [7, 1, "党员数"],
  [8, 1, "推荐理由"],
];

interface Row {
  values: CellValue[];
  kind: RowKind;
  spans: { col: number; cols: number }[];
}

function layoutRow(layout: Layout, cells: CellValue[], kind: RowKind): Row {
  const values: CellValue[] = GRID.map(() => null);
  const spans: Row["spans"] = [];
  layout.forEach(([col, cols], i) => {
    values[col] = cells[i] ?? null;
    if (cols > 1) spans.push({ col, cols });
  });
  return { values, kind, spans };
}

const line = (text: string, kind: "section" | "note"): Row => ({ values: [text], kind, spans: [] });

/** `1970.01`: a date as 出生年月 / 入党时间 are written on forms. */
function yearMonth(day: number | undefined): string | null {
  if (day === undefined) return null;
  const { y, m } = ymd(day);
  return `${y}.${String(m).padStart(2, "0")}`;
}

const PARTY_BODIES = ["党支部", "党总支", "党委"];

/**
 * 所在党组织及职务: `高家河村党支部书记` for a party post (the body not said twice), `祥和村党支部、村民`
 * for another post, the organisation alone without one.
 */
export function orgAndPost(orgName: string, post: string | undefined): string {
  if (!post) return orgName;
  const body = PARTY_BODIES.find((b) => orgName.endsWith(b) && post.startsWith(b));
  if (body) return orgName + post.slice(body.length);
  return /书记|委员/.test(post) ? orgName + post : `${orgName}、${post}`;
}

function memberCells(ledger: Ledger, c: Commendation, n: number): CellValue[] {
  const m = ledger.index.members.get(c.id);
  const orgId = m && str(m, "org");
  const org = orgId ? ledger.index.orgs.get(orgId) : undefined;
  const orgName = (org && str(org, "orgName")) ?? orgId ?? "";
  const day = (k: string) => (m && typeof m.v[k] === "number" ? (m.v[k] as number) : undefined);
  return [
    n,
    c.name,
    (m && str(m, "sex")) ?? null,
    yearMonth(day("birth")),
    yearMonth(day("joined")),
    orgAndPost(orgName, m && str(m, "post")),
    recommendation(ledger, c),
  ];
}

function orgCells(ledger: Ledger, c: Commendation, n: number): CellValue[] {
  if (c.kind === "unit") {
    const u = ledger.index.units.get(c.id);
    const orgs = ledger.index.orgsOfUnit.get(c.id) ?? [];
    const members = orgs.reduce(
      (k, o) => k + (ledger.index.membersOfOrg.get(o.v.orgId as string)?.length ?? 0),
      0,
    );
    return [
      n,
      c.name,
      "中共历城区委",
      (u && str(u, "unitType")) ?? "党（工）委",
      members,
      recommendation(ledger, c),
    ];
  }
  const o = ledger.index.orgs.get(c.id);
  const members = ledger.index.membersOfOrg.get(c.id)?.length ?? 0;
  return [
    n,
    c.name,
    unitName(ledger, c.unit),
    (o && str(o, "category")) ?? null,
    members,
    recommendation(ledger, c),
  ];
}

/** One list: its heading (after the phase's heading for the first list of a phase), header, entries. */
interface Block {
  heading: Row[];
  header: Row | undefined;
  entries: Row[];
  /** Entries of all the lists of the block's phase. */
  phaseEntries: number;
}

function listBlock(
  ledger: Ledger,
  ev: Evaluation,
  list: ListDef,
  nth: number,
  phaseHeading: Row | undefined,
) {
  const entries = ev.commendations.filter((c) => c.phase === list.phase && c.list === list.name);
  const people = list.kind === "member" || list.kind === "worker";
  const provisional = ev.provisionalPhases.includes(list.phase);
  const count = entries.length ? `（共${entries.length}${people ? "名" : "个"}）` : "：无符合条件的推荐对象";
  const heading = [
    ...(phaseHeading ? [phaseHeading] : []),
    line(`（${NUMERALS[nth]}）${provisional ? "拟推荐" : ""}${list.name}${count}`, "section"),
  ];
  const layout = people ? MEMBER_LAYOUT : ORG_LAYOUT;
  return {
    phaseEntries: ev.commendations.filter((c) => c.phase === list.phase).length,
    heading,
    header: entries.length
      ? layoutRow(
          layout,
          layout.map(([, , h]) => h),
          "header",
        )
      : undefined,
    entries: entries.map((c, i) =>
      layoutRow(layout, people ? memberCells(ledger, c, i + 1) : orgCells(ledger, c, i + 1), undefined),
    ),
  };
}

function phaseHeading(phase: Phase, occasion: string): Row {
  return line(`${NUMERALS[phase - 1]}、${PHASE_NAMES[phase]}：${occasion.replace(/\s+/g, "")}`, "section");
}

function blocks(ledger: Ledger, ev: Evaluation): Block[] {
  const out: Block[] = [];
  let phase: Phase | undefined;
  let nth = 0;
  for (const list of COMMENDATION_LISTS) {
    const first = list.phase !== phase;
    nth = first ? 0 : nth + 1;
    phase = list.phase;
    out.push(listBlock(ledger, ev, list, nth, first ? phaseHeading(list.phase, list.occasion) : undefined));
  }
  return out;
}

/** 推荐单位: 填报信息's 填报单位, else the ledger's only unit, else a line to write it on. */
export function recommendingUnit(ledger: Ledger): string {
  const cover = ledger.cover.get("填报单位");
  if (cover) return cover;
  const units = [...ledger.index.units.keys()];
  return units.length === 1 ? unitName(ledger, units[0]) : "                    ";
}

function signature(ledger: Ledger): Row[] {
  const filler = ledger.cover.get("填表人") ?? "            ";
  return [
    line("", "note"),
    line("推荐单位（盖章）：                                        负责人（签字）：", "note"),
    line(`填表人：${filler}                                    日期：${chineseDate(ledger.asOf)}`, "note"),
  ];
}

function preamble(ledger: Ledger, ev: Evaluation): string[] {
  return [
    ...(ev.draft
      ? [`台账尚有${ev.draft.errors}处错误，${ev.draft.unscored}个对象因错误未参加考评；改正后请重新考评。`]
      : []),
    `依据：${NOTICE_TITLE}`,
    `推荐单位：${recommendingUnit(ledger)}    填报日期：${chineseDate(ledger.asOf)}`,
  ];
}

export function commendationsSheet(ledger: Ledger, ev: Evaluation): SheetModel {
  const draft = ev.draft !== null;
  const base: SheetModel = {
    name: RESULT_SHEETS.commendations,
    title: COMMENDATIONS_TITLE + (draft ? DRAFT_MARK : ""),
    preamble: preamble(ledger, ev),
    columns: GRID,
    rows: [],
    noHeaderRow: true,
    fixAllRowHeights: true,
    print: documentPrint({ repeatHeader: false, ...(draft ? { header: { right: DRAFT_MARK } } : {}) }),
  };
  return paginate(base, blocks(ledger, ev), signature(ledger));
}

// ---------------------------------------------------------------------------------------------
// Pages

function toModel(base: SheetModel, rows: Row[], breaks: number[]): SheetModel {
  const spans: SpanModel[] = [];
  rows.forEach((r, i) => r.spans.forEach((s) => spans.push({ row: i, ...s })));
  return {
    ...base,
    rows: rows.map((r) => r.values),
    rowKinds: rows.map((r) => r.kind),
    spans,
    print: { ...base.print, breakBefore: breaks },
  };
}

/**
 * Lays the lists out on pages: each list with entries starts a page; a list that runs over a page
 * repeats its header row on the next; the signature block is kept on the last page (when it does not
 * fit, the last entry goes over with it). Heights come from the plan's own measure.
 */
function paginate(base: SheetModel, list: Block[], sign: Row[]): SheetModel {
  const all: Row[] = list.flatMap((b) => [...b.heading, ...(b.header ? [b.header] : []), ...b.entries]);
  const heights = [...measureRows(toModel(base, [...all, ...sign], [])).values()].map((h) => h.points);
  const above = (base.title ? 1 : 0) + (base.preamble?.length ?? 0);
  const height = new Map<Row, number>();
  [...all, ...sign].forEach((r, i) => height.set(r, heights[above + i]));
  const room = pageRowPoints(base);
  const top = heights.slice(0, above).reduce((a, b) => a + b, 0);
  const lay = (carryLast: boolean) => {
    const rows: Row[] = [];
    const breaks: number[] = [];
    let used = top;
    const place = (r: Row) => {
      rows.push(r);
      used += height.get(r)!;
    };
    const newPage = () => {
      breaks.push(rows.length);
      used = 0;
    };
    // a phase with entries starts a page, and so does a list with entries after another one
    let pageHasEntries = false;
    list.forEach((b, bi) => {
      const lead = [...b.heading, ...(b.header ? [b.header] : [])];
      const leadH =
        lead.reduce((n, r) => n + height.get(r)!, 0) + (b.entries[0] ? height.get(b.entries[0])! : 0);
      const phaseStart = b.heading.length > 1 && b.phaseEntries > 0;
      if (rows.length && ((b.entries.length && pageHasEntries) || phaseStart || used + leadH > room)) {
        newPage();
        pageHasEntries = false;
      }
      pageHasEntries ||= b.entries.length > 0;
      lead.forEach(place);
      b.entries.forEach((e, i) => {
        const last = bi === list.length - 1 && i === b.entries.length - 1 && i > 0;
        if (used + height.get(e)! > room || (carryLast && last)) {
          newPage();
          place(b.header!);
        }
        place(e);
      });
    });
    const signH = sign.reduce((n, r) => n + height.get(r)!, 0);
    return { rows, breaks, fits: used + signH <= room };
  };
  let laid = lay(false);
  if (!laid.fits) laid = lay(true);
  // still no room (the last list has no entry to carry over): the signature takes a page of its own
  if (!laid.fits) laid.breaks.push(laid.rows.length);
  return toModel(base, [...laid.rows, ...sign], laid.breaks);
}
