// How each kind of cell looks on a written sheet: fonts, fills, borders and alignment, defined once
// for every writer (the package patcher turns them into styles.xml entries, the ExcelJS writer into
// cell styles, the Office host into range formats).
//
// Fonts (ledger-format.md §6.1): every cell names its font and size, so nothing falls back to the
// workbook's default (often Calibri, a Latin-only font): titles and headers in 黑体, body in 宋体 —
// both on every Chinese Windows and 信创 desktop; WPS and LibreOffice map them to what they have.

/** The kinds of cells a sheet plan writes. `note`: a plain merged line (signature block, remarks). */
export type StyleRole = "title" | "preamble" | "header" | "section" | "note" | "data" | "wrap" | "link";

/** Font names as Office and WPS know them. */
export const TITLE_FONT = "黑体";
export const BODY_FONT = "宋体";

export interface CellLook {
  /** Font name (always set: a Latin-only default font would render Chinese text badly). */
  font: string;
  /** Font size in points (always set: row heights are measured from it). */
  size: number;
  bold?: boolean;
  /** Font colour RRGGBB. */
  color?: string;
  underline?: boolean;
  /** Solid fill RRGGBB. */
  fill?: string;
  /** A thin border on all four sides. */
  border?: boolean;
  horizontal?: "center";
  vertical?: "center";
  wrap?: boolean;
}

/** Colour of the thin cell borders. */
export const BORDER_COLOR = "8EA9C1";

/** Body text size in points. */
export const BODY_SIZE = 11;

const LOOKS: Readonly<Record<StyleRole, CellLook>> = {
  title: { font: TITLE_FONT, size: 16, horizontal: "center", vertical: "center", wrap: true },
  preamble: { font: BODY_FONT, size: BODY_SIZE, vertical: "center", wrap: true },
  header: {
    font: TITLE_FONT,
    size: BODY_SIZE,
    fill: "DDEBF7",
    border: true,
    horizontal: "center",
    vertical: "center",
    wrap: true,
  },
  section: { font: TITLE_FONT, size: 12, vertical: "center", wrap: true },
  note: { font: BODY_FONT, size: 12, vertical: "center", wrap: true },
  data: { font: BODY_FONT, size: BODY_SIZE, border: true, vertical: "center" },
  wrap: { font: BODY_FONT, size: BODY_SIZE, border: true, vertical: "center", wrap: true },
  link: {
    font: BODY_FONT,
    size: BODY_SIZE,
    border: true,
    color: "0563C1",
    underline: true,
    vertical: "center",
  },
};

export function lookOf(role: StyleRole): CellLook {
  return LOOKS[role];
}

/** Conditional formats: font and fill colours (RRGGBB) of the three marks. */
export const CONDITIONAL_LOOKS = {
  good: { font: "006100", fill: "C6EFCE" },
  bad: { font: "9C0006", fill: "FFC7CE" },
  warn: { font: "9C5700", fill: "FFEB9C" },
} as const;
