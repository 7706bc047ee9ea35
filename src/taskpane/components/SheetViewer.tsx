// Browser preview: a simple read-only grid of one sheet of the in-memory workbook (the written result
// sheets, or the ledger sheets), with the selected cell marked.
import { useEffect, useRef } from "react";
import { Caption1, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { columnLetters, parseA1, type CellValue, type Grid } from "../../engine/grid";
import { serialToDay, toISO } from "../../engine/dates";
import { t } from "../../i18n/pane";
import type { Lang } from "../../i18n/text";

export const VIEWER_ROWS = 200;
const VIEWER_COLS = 30;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  scroll: {
    overflow: "auto",
    maxHeight: "360px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  grid: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase100,
    "& th, & td": {
      border: `1px solid ${tokens.colorNeutralStroke3}`,
      padding: "1px 4px",
      whiteSpace: "nowrap",
      maxWidth: "14em",
      overflow: "hidden",
      textOverflow: "ellipsis",
    },
    "& th": {
      backgroundColor: tokens.colorNeutralBackground3,
      color: tokens.colorNeutralForeground2,
      fontWeight: tokens.fontWeightRegular,
      position: "sticky",
      top: 0,
    },
  },
  rowHead: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3 },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
});

function isDateFormat(fmt: string | undefined): boolean {
  return !!fmt && !/general/i.test(fmt) && /[yd]/i.test(fmt.replace(/"[^"]*"|\[[^\]]*\]/g, ""));
}

export function displayValue(v: CellValue | undefined, fmt: string | undefined, date1904: boolean): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") {
    if (isDateFormat(fmt)) {
      const day = serialToDay(v, date1904);
      if (day !== undefined) return toISO(day);
    }
    if (fmt && fmt.endsWith("%")) return `${(v * 100).toFixed(1)}%`;
    return String(Math.round(v * 1e6) / 1e6);
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}

export interface SheetViewerProps {
  lang: Lang;
  sheets: Grid[];
  date1904: boolean;
  active: string | null;
  /** A1 address of the selected cell on the active sheet. */
  cell?: string;
  onActivate: (name: string) => void;
}

export function SheetViewer(p: SheetViewerProps) {
  const s = useStyles();
  const selectedRef = useRef<HTMLTableCellElement | null>(null);
  const grid = p.sheets.find((g) => g.name === p.active) ?? p.sheets[0];
  const at = p.cell ? safeA1(p.cell) : undefined;
  useEffect(() => {
    selectedRef.current?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [grid, p.cell]);
  if (!grid) return null;
  const total = grid.rows.length;
  const first = at && at.row >= VIEWER_ROWS ? Math.max(0, at.row - 10) : 0;
  const rows = grid.rows.slice(first, first + VIEWER_ROWS);
  const width = Math.min(
    VIEWER_COLS,
    Math.max(1, ...rows.map((r) => r?.length ?? 0), at && at.col < VIEWER_COLS ? at.col + 1 : 0),
  );
  return (
    <section className={s.root} aria-label={t(p.lang, "viewer")}>
      <Field label={t(p.lang, "viewer")} size="small">
        <Select size="small" value={grid.name} onChange={(_, d) => p.onActivate(d.value)}>
          {p.sheets.map((g) => (
            <option key={g.name} value={g.name}>
              {g.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className={s.scroll}>
        <table className={s.grid} data-testid="sheet-grid" data-sheet={grid.name}>
          <thead>
            <tr>
              <th />
              {Array.from({ length: width }, (_, c) => (
                <th key={c}>{columnLetters(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const row = first + i;
              return (
                <tr key={row}>
                  <td className={s.rowHead}>{row + 1}</td>
                  {Array.from({ length: width }, (_, c) => {
                    const sel = at && at.row === row && at.col === c;
                    const text = displayValue(r?.[c], grid.formats?.[row]?.[c], p.date1904);
                    return (
                      <td
                        key={c}
                        className={sel ? s.selected : undefined}
                        ref={sel ? selectedRef : undefined}
                        title={text}
                      >
                        {text}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {total > VIEWER_ROWS && (
        <Caption1>{t(p.lang, "viewerRows", { n: Math.min(VIEWER_ROWS, rows.length), total })}</Caption1>
      )}
    </section>
  );
}

function safeA1(cell: string): { row: number; col: number } | undefined {
  try {
    return parseA1(cell);
  } catch {
    return undefined;
  }
}
