// How each kind of cell looks on a written sheet: fonts, fills, borders and alignment, defined once
// for every writer (the package patcher turns them into styles.xml entries, the ExcelJS writer into
// cell styles, the Office host into range formats).

/** The kinds of cells a sheet plan writes. */
export type StyleRole = "title" | "preamble" | "header" | "section" | "data" | "wrap" | "link";

export interface CellLook {
  bold?: boolean;
  /** Font size in points (the workbook's default when absent). */
  size?: number;
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
  /** Height of the row in points (title rows). */
  rowHeight?: number;
}

/** Colour of the thin cell borders. */
export const BORDER_COLOR = "8EA9C1";

const LOOKS: Readonly<Record<StyleRole, CellLook>> = {
  title: { bold: true, size: 16, horizontal: "center", vertical: "center", rowHeight: 30 },
  preamble: { vertical: "center" },
  header: { bold: true, fill: "DDEBF7", border: true, horizontal: "center", vertical: "center", wrap: true },
  section: { bold: true, border: true, vertical: "center" },
  data: { border: true },
  wrap: { border: true, vertical: "center", wrap: true },
  link: { border: true, color: "0563C1", underline: true },
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
