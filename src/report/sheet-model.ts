// SheetModel: a sheet to write, host-free. The report builder and the template produce these;
// each host (ExcelJS files, Office.js) turns them into real sheets.
import type { CellValue } from "../engine/grid";

/** How a column's cells are formatted. `text` cells are always written as text, never as formulas. */
export type ColumnFormat = "text" | "date" | "integer" | "decimal1" | "decimal2" | "percent" | "general";

/** Excel number format code of each column format; every host writes these same codes. */
export const NUMBER_FORMAT_CODES: Readonly<Record<ColumnFormat, string | undefined>> = {
  text: "@",
  date: "yyyy-mm-dd",
  integer: "0",
  decimal1: "0.0",
  decimal2: "0.00",
  percent: "0.0%",
  general: undefined,
};

export interface ColumnModel {
  header: string;
  /** Width in characters (Excel's column width unit). */
  width?: number;
  format?: ColumnFormat;
  /** A drop-down list (data validation) of allowed values for the data rows. */
  list?: string[];
  /** Wrap long text within the column's width (messages, 推荐理由); wrapped cells are centred vertically. */
  wrap?: boolean;
  /** A short input hint shown when a cell of the column is selected. */
  hint?: string;
}

export interface HyperlinkModel {
  /** 0-based index into `rows`. */
  row: number;
  /** 0-based column index. */
  col: number;
  /** Internal target such as `'党员'!E7`. */
  target: string;
}

/**
 * How a data row is shown: `section` = a heading merged across the columns (表彰名单 sections);
 * `note` = a plain line merged across the columns (signature block, remarks); `header` = a row of
 * column headers inside the data (a sheet whose lists have different columns, 表彰名单).
 */
export type RowKind = "section" | "note" | "header" | undefined;

/** A cell of a data row merged with the cells to its right (`cols` columns in all). */
export interface SpanModel {
  /** 0-based index into `rows`. */
  row: number;
  /** 0-based first column. */
  col: number;
  /** Columns covered, ≥ 2. */
  cols: number;
}

/** Conditional formatting: cells in columns fromCol…toCol (0-based) equal to `equals` get `style`. */
export interface ConditionalModel {
  fromCol: number;
  toCol: number;
  equals: string;
  style: "good" | "bad" | "warn";
}

/**
 * An Excel chart placed on the sheet, drawn from the data rows of a sheet written in the same batch
 * (this one by default): one category per data row, one series per listed column (named by its header).
 */
export interface ChartModel {
  title: string;
  kind: "column" | "columnStacked" | "bar";
  /** Name of the sheet whose data rows feed the chart (default: this sheet). */
  dataSheet?: string;
  /** 0-based column of the category labels. */
  categoryCol: number;
  /** 0-based columns of the series. */
  seriesCols: number[];
  /** The values are fractions: show the axis as percent. */
  percent?: boolean;
  /** Fill colour per series (RRGGBB), e.g. red for 否决; the theme's palette where absent. */
  colors?: string[];
  /** Top-left cell of the chart (A1) and its size in columns and rows. */
  anchor: { cell: string; cols: number; rows: number };
}

/** Texts of a page header or footer by position, in Excel's codes (&P this page, &N pages). */
export interface PageText {
  left?: string;
  center?: string;
  right?: string;
}

export interface PrintModel {
  landscape?: boolean;
  repeatHeader?: boolean;
  header?: PageText;
  footer?: PageText;
  /** 0-based data row indexes that start a new printed page (`rows.length`: the row after the data). */
  breakBefore?: number[];
}

/** The print setup every result sheet gets (ledger-format.md §6.1): A4 landscape, one page wide, the
 *  header row on every page, page numbers in the footer. */
export const PAGE_FOOTER: PageText = { center: "第 &P 页 共 &N 页" };

export function documentPrint(extra: Partial<PrintModel> = {}): PrintModel {
  return { landscape: true, repeatHeader: true, footer: PAGE_FOOTER, ...extra };
}

export interface SheetModel {
  name: string;
  /** Optional formal title above the header, merged across the columns (e.g. for printing). */
  title?: string;
  /** Optional lines between the title and the header (e.g. `填报单位：…`). */
  preamble?: string[];
  columns: ColumnModel[];
  /**
   * Data rows below the header. In `date` columns a value is an ISO date string (YYYY-MM-DD) or a
   * date serial of the 1900 system; the writer converts to the target workbook's date system.
   */
  rows: CellValue[][];
  /** Freeze the panes below the header row. */
  freezeHeader?: boolean;
  /** Make header + rows an Excel table (filter buttons). */
  table?: boolean;
  hyperlinks?: HyperlinkModel[];
  /** Print setup: A4 fitted to the page width, landscape, the header row repeated on every page,
   *  page header/footer texts in Excel's codes (`第 &P 页 共 &N 页`), page breaks before data rows. */
  print?: PrintModel;
  /** Parallel to `rows`: special rows (section titles, notes, header rows inside the data). */
  rowKinds?: RowKind[];
  /** Cells of data rows merged across several columns (the value sits in the first column). */
  spans?: SpanModel[];
  /**
   * No header row below the title and preamble: the data rows bring their own (`header` rows), as
   * 表彰名单 does, whose member and organisation lists have different columns.
   */
  noHeaderRow?: boolean;
  conditional?: ConditionalModel[];
  charts?: ChartModel[];
  /** Sheet is hidden in the workbook (used by tests of hidden-sheet reading). */
  hidden?: boolean;
  /** Every text column wraps within its width (printed sheets: long names never spill or cut). */
  wrapText?: boolean;
  /** Give every data row an explicit height, not only the rows whose wrapped text needs several
   *  lines (a sheet that paginates itself needs every row's height known). */
  fixAllRowHeights?: boolean;
}
