// SheetModels → Grids in the layouts real clerks produce (ledger-format.md §1): title and 填报单位
// rows above the header, alias sheet and column names, reversed columns, dates as text or 1904
// serials, full-width IDs, blank and 合计 rows, two-row headers. `cellMap` says where a model cell
// ended up, so tests can find a seeded mistake in any variant.
import {
  COVER_LABELS,
  COVER_SHEET,
  LEDGER_SHEETS,
  ORGS,
  ORG_EVALS,
  TOTAL_LABELS,
  VOTES,
  type FieldDef,
  type SheetDef,
} from "../engine/schema";
import { dayToSerial, parseISO, serialToDay, ymd } from "../engine/dates";
import { a1, type CellRange, type CellValue, type Grid, type Workbook } from "../engine/grid";
import type { SheetModel } from "../report/sheet-model";

export interface LayoutVariant {
  /** Rows of merged title above the header: 1 = one title row, 2 = a title block merged over two rows. */
  titleRows?: 0 | 1 | 2;
  /** A `填报单位：…  填报日期：…` row between the title and the header. */
  reportRow?: boolean;
  /** Sheet names use their first alias (schema.ts). */
  sheetAliases?: boolean;
  /** Column headers use their first alias (schema.ts). */
  columnAliases?: boolean;
  reverseColumns?: boolean;
  /** Dates written as text: `2011年6月20日`, `2011.6.20` or `20110620`. */
  textDates?: "cn" | "dot" | "compact";
  /** Codes and ID lists in full-width letters and digits (Ｏ０００１). */
  fullWidthIds?: boolean;
  /** A fully blank row in the middle of each ledger sheet and a 合计 row ending 基层党组织. */
  blankAndTotalRows?: boolean;
  /** The workbook uses the 1904 date system. */
  date1904?: boolean;
  /** Two-row headers on 群众评议 (评议票数 over 好/较好/一般/差) and 五个好考评 (考评内容 over the criteria). */
  twoRowHeader?: boolean;
}

export interface VariantWorkbook {
  workbook: Workbook;
  /** A1 address in the variant of the cell at model row `modelRowIndex` (0-based), column `columnName`. */
  cellMap: (sheet: string, modelRowIndex: number, columnName: string) => string;
  /** The sheet's name in the variant workbook (model sheet name → variant name). */
  sheetName: (sheet: string) => string;
  /** 1-based row number of the (first) header row in the variant. */
  headerRow: (sheet: string) => number;
}

/** A1 address of a model cell in a plain sheet written from the SheetModel (header on row 1, no title). */
export function modelCell(model: SheetModel, rowIndex: number, columnName: string): string {
  const col = model.columns.findIndex((c) => c.header === columnName);
  if (col < 0) throw new Error(`${model.name}: no column ${columnName}`);
  return a1(rowIndex + 1 + (model.title ? 1 : 0) + (model.preamble?.length ?? 0), col);
}

/** ASCII → full-width (U+FF01–U+FF5E). */
export function toFullWidth(s: string): string {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

export function textDate(day: number, style: "cn" | "dot" | "compact"): string {
  const { y, m, d } = ymd(day);
  if (style === "cn") return `${y}年${m}月${d}日`;
  if (style === "dot") return `${y}.${m}.${d}`;
  return `${y}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}`;
}

const DATE_FORMAT = "yyyy-mm-dd";
const NUMBER_FORMAT = "General";

/** Group headers of the two-row variant, by sheet: group label → field keys under it. */
const GROUPS: readonly { sheet: SheetDef; label: string; keys: readonly string[] }[] = [
  { sheet: VOTES, label: "评议票数", keys: ["good", "fair", "average", "poor"] },
  { sheet: ORG_EVALS, label: "考评内容", keys: ["c1", "c2", "c3", "c4", "c5"] },
];

interface SheetLayout {
  name: string;
  /** Model column index at each output position. */
  order: number[];
  headerTop: number;
  dataStart: number;
  /** Model row index before which the blank row sits, if any. */
  blankAt?: number;
}

export function toVariantWorkbook(models: readonly SheetModel[], v: LayoutVariant = {}): VariantWorkbook {
  const date1904 = !!v.date1904;
  const cover = models.find((m) => m.name === COVER_SHEET.name);
  const coverValue = (label: string): string | undefined => {
    const row = cover?.rows.find((r) => r[0] === label);
    return row && typeof row[1] === "string" ? row[1] : undefined;
  };
  const reporter = coverValue(COVER_LABELS[0]) ?? "历城区创先争优活动领导小组办公室";
  const reportDate = coverValue(COVER_LABELS[4]) ?? "";
  const base = reporter.replace(/(党工委|党委|领导小组办公室)$/, "");
  const title = base.endsWith("创先争优活动") ? `${base}台账` : `${base}创先争优活动台账`;

  const layouts = new Map<string, SheetLayout>();
  const sheets: Grid[] = models.map((model) => {
    const def = LEDGER_SHEETS.find((d) => d.name === model.name);
    const isCover = model.name === COVER_SHEET.name;
    const aliasName = def?.aliases[0] ?? (isCover ? COVER_SHEET.aliases[0] : undefined);
    const name = v.sheetAliases && aliasName ? aliasName : model.name;
    const n = model.columns.length;
    const order = model.columns.map((_, i) => i);
    if (def && v.reverseColumns) order.reverse();
    const fields: (FieldDef | undefined)[] = model.columns.map((c) =>
      def?.fields.find((f) => f.name === c.header),
    );

    const rows: (CellValue[] | undefined)[] = [];
    const formats: ((string | undefined)[] | undefined)[] = [];
    const merges: CellRange[] = [];
    const push = (row: CellValue[] | undefined, fmt?: (string | undefined)[]) => {
      rows.push(row);
      formats.push(fmt);
    };

    // Title and report rows (ledger sheets only).
    if (def && v.titleRows) {
      push([title]);
      if (v.titleRows === 2) push([null]);
      if (n > 1 || v.titleRows === 2) merges.push({ top: 0, left: 0, bottom: v.titleRows - 1, right: n - 1 });
    }
    if (def && v.reportRow) {
      merges.push({ top: rows.length, left: 0, bottom: rows.length, right: n - 1 });
      push([`填报单位：${reporter}  填报日期：${reportDate}`]);
    }

    // Header (one or two rows).
    const headerTop = rows.length;
    const headerText = (i: number): string => {
      const f = fields[i];
      return v.columnAliases && f?.aliases?.length ? f.aliases[0] : model.columns[i].header;
    };
    const group = def && v.twoRowHeader ? GROUPS.find((g) => g.sheet.id === def.id) : undefined;
    if (group) {
      const top: CellValue[] = [];
      const sub: CellValue[] = [];
      const positions: number[] = [];
      order.forEach((mi, pos) => {
        if (fields[mi] && group.keys.includes(fields[mi]!.key)) {
          positions.push(pos);
          top.push(null);
          sub.push(headerText(mi));
        } else {
          top.push(headerText(mi));
          sub.push(null);
          merges.push({ top: headerTop, left: pos, bottom: headerTop + 1, right: pos });
        }
      });
      const left = Math.min(...positions);
      top[left] = group.label;
      merges.push({ top: headerTop, left, bottom: headerTop, right: Math.max(...positions) });
      push(top);
      push(sub);
    } else {
      push(order.map(headerText));
    }
    const dataStart = rows.length;

    // Data rows.
    const blankAt =
      def && v.blankAndTotalRows && model.rows.length >= 2 ? Math.floor(model.rows.length / 2) : undefined;
    const convert = (value: CellValue, mi: number): [CellValue, string | undefined] => {
      const f = fields[mi];
      const format = model.columns[mi].format;
      if ((f?.type === "date" || (!f && format === "date")) && value !== null) {
        let day: number | undefined;
        if (typeof value === "string") day = parseISO(value);
        else if (typeof value === "number") day = serialToDay(value, false);
        if (day === undefined) return [value, undefined]; // unreadable text stays as written
        if (v.textDates) return [textDate(day, v.textDates), undefined];
        return [dayToSerial(day, date1904), DATE_FORMAT];
      }
      if (v.fullWidthIds && (f?.type === "code" || f?.type === "idlist") && typeof value === "string")
        return [toFullWidth(value), undefined];
      return [value, typeof value === "number" ? NUMBER_FORMAT : undefined];
    };
    model.rows.forEach((row, ri) => {
      if (ri === blankAt) push(new Array<CellValue>(n).fill(null));
      const out: CellValue[] = new Array(n);
      let fmt: (string | undefined)[] | undefined;
      order.forEach((mi, pos) => {
        const [value, f] = convert(row[mi] ?? null, mi);
        out[pos] = value;
        if (f) (fmt ??= new Array(n))[pos] = f;
      });
      push(out, fmt);
    });
    if (def?.id === ORGS.id && v.blankAndTotalRows) {
      const countCol = model.columns.findIndex(
        (c) => c.header === ORGS.fields.find((f) => f.key === "memberCount")!.name,
      );
      const total = model.rows.reduce(
        (s, r) => s + (typeof r[countCol] === "number" ? (r[countCol] as number) : 0),
        0,
      );
      const out: CellValue[] = new Array<CellValue>(n).fill(null);
      out[0] = TOTAL_LABELS[0];
      const pos = order.indexOf(countCol);
      // The label must be the row's first non-blank cell; with reversed columns 党员人数 comes first,
      // so that layout carries the label only.
      let fmt: (string | undefined)[] | undefined;
      if (pos > 0) {
        out[pos] = total;
        fmt = new Array(n);
        fmt[pos] = NUMBER_FORMAT;
      }
      push(out, fmt);
    }

    layouts.set(model.name, { name, order, headerTop, dataStart, blankAt });
    const grid: Grid = { name, rows, formats, merges };
    if (model.hidden) grid.hidden = true;
    return grid;
  });

  const layoutOf = (sheet: string): SheetLayout => {
    const l = layouts.get(sheet) ?? [...layouts.values()].find((x) => x.name === sheet);
    if (!l) throw new Error(`no sheet ${sheet}`);
    return l;
  };
  const modelOf = (sheet: string): SheetModel => {
    const l = layoutOf(sheet);
    return models.find((m) => layouts.get(m.name) === l)!;
  };
  return {
    workbook: { date1904, sheets },
    cellMap: (sheet, modelRowIndex, columnName) => {
      const l = layoutOf(sheet);
      const mi = modelOf(sheet).columns.findIndex((c) => c.header === columnName);
      if (mi < 0) throw new Error(`${sheet}: no column ${columnName}`);
      const extra = l.blankAt !== undefined && modelRowIndex >= l.blankAt ? 1 : 0;
      return a1(l.dataStart + modelRowIndex + extra, l.order.indexOf(mi));
    },
    sheetName: (sheet) => layoutOf(sheet).name,
    headerRow: (sheet) => layoutOf(sheet).headerTop + 1,
  };
}
