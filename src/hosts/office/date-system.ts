// Which date system the workbook uses (1900 or 1904). `Workbook.use1904DateSystem` is preview-only,
// and `valuesAsJson` gives the same serial in both systems, so neither helps. Instead:
//  1. ExcelApi 1.2+: evaluate DATE(1904,1,1) with `workbook.functions` — 0 in the 1904 system, 1462
//     in the 1900 system. Queued with other calls, so it costs no extra round trip.
//  2. Older Excel, when reading: compare a date cell's displayed `text` with its serial (the year
//     shown differs by four between the systems);
//  3. older Excel, when writing: a probe cell on the (hidden) temporary sheet, serial 1 formatted
//     "yyyy", shows "1900" or "1904".
import { serialToDay, ymd } from "../../engine/dates";
import { SET, type ExcelSupport } from "./support";

export interface DateSystemProbe {
  /** After the sync: true/false, or undefined when this Excel cannot evaluate functions. */
  result(): boolean | undefined;
}

/** Queues DATE(1904,1,1) when supported; read `result()` after the next sync. */
export function queueDateSystemProbe(ctx: Excel.RequestContext, support: ExcelSupport): DateSystemProbe {
  if (support.minor < SET.functions) return { result: () => undefined };
  const r = ctx.workbook.functions.date(1904, 1, 1);
  r.load("value,error");
  return {
    result: () => {
      if (r.error) return undefined;
      if (r.value === 0) return true;
      if (r.value === 1462) return false;
      return undefined;
    },
  };
}

function yearOf(serial: number, date1904: boolean): number | undefined {
  const day = serialToDay(serial, date1904);
  return day === undefined ? undefined : ymd(day).y;
}

/** The digits groups of a displayed date that could be its year (4 digits, or 2). */
function yearTokens(text: string): Set<string> {
  return new Set(text.match(/\d+/g) ?? []);
}

function shows(tokens: Set<string>, year: number): boolean {
  return tokens.has(String(year)) || tokens.has(String(year % 100).padStart(2, "0"));
}

/**
 * Date cells (serial + displayed text) → the date system whose year the texts show; undefined when
 * no sample decides (no date cells, or texts without a recognisable year).
 */
export function date1904FromTexts(samples: readonly { serial: number; text: string }[]): boolean | undefined {
  let votes1900 = 0;
  let votes1904 = 0;
  for (const { serial, text } of samples) {
    const y0 = yearOf(serial, false);
    const y4 = yearOf(serial, true);
    if (y0 === undefined || y4 === undefined || y0 === y4) continue;
    const tokens = yearTokens(text);
    const a = shows(tokens, y0);
    const b = shows(tokens, y4);
    if (a && !b) votes1900++;
    else if (b && !a) votes1904++;
  }
  if (votes1900 === votes1904) return undefined;
  return votes1904 > votes1900;
}

/** Queues the write-path probe on a scratch cell (left blank again); read `result()` after the sync. */
export function queueProbeCell(cell: Excel.Range): DateSystemProbe {
  cell.numberFormat = [["yyyy"]];
  cell.values = [[1]];
  cell.load("text");
  cell.values = [[""]];
  cell.numberFormat = [["General"]];
  return {
    result: () => {
      const t = String(cell.text?.[0]?.[0] ?? "");
      if (t.includes("1904")) return true;
      if (t.includes("1900")) return false;
      return undefined;
    },
  };
}
