// The 填报信息 items of a submission (ledger-format.md §2.8): where each is, 报出时间 as a point in
// time, and a `report-header` warning for each item that is missing.
import { type CoverItem, findCoverSheet, readCoverItems } from "../cover";
import { type CellValue, type Workbook, a1 } from "../grid";
import { readDate } from "../normalize";
import type { FindingSink } from "../findings";
import { COVER_LABELS } from "../schema";
import type { ReportHeader } from "./types";

export const REPORTED_AT_LABEL = COVER_LABELS[4];

export function readReportHeader(wb: Workbook): ReportHeader {
  const grid = findCoverSheet(wb.sheets);
  const items = readCoverItems(grid);
  const at = items.get(REPORTED_AT_LABEL);
  const reportedAt = at?.value ? readReportTime(at.raw, wb.date1904) : undefined;
  return { sheet: grid?.name ?? null, items, ...(reportedAt !== undefined ? { reportedAt } : {}) };
}

const TIME = /(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?/;

/**
 * 报出时间 → day number with the time of day as its fraction: a date serial (its fraction is the
 * time), or text — a date of §1.2 optionally followed by `10:30`, `10:30:15` or `10时30分`.
 */
export function readReportTime(raw: CellValue, date1904: boolean): number | undefined {
  if (typeof raw === "number") {
    const day = readDate(raw, date1904).day;
    return day === undefined ? undefined : day + (raw - Math.floor(raw));
  }
  if (typeof raw !== "string") return undefined;
  const text = raw.normalize("NFKC").trim();
  const [datePart, ...rest] = text.split(/\s+|(?<=日)/);
  const day = readDate(datePart, date1904).day;
  if (day === undefined) return undefined;
  const m = TIME.exec(rest.join(" "));
  if (!m) return rest.join("").trim() === "" ? day : undefined;
  const seconds = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
  return seconds < 86400 ? day + seconds / 86400 : undefined;
}

/** One `report-header` warning per 填报信息 item that is missing, blank, or (报出时间) not a time. */
export function checkReportHeader(header: ReportHeader, sink: FindingSink<"report-header">): void {
  for (const label of COVER_LABELS) {
    const item = header.items.get(label);
    const unreadable = label === REPORTED_AT_LABEL && !!item?.value && header.reportedAt === undefined;
    if (item?.value && !unreadable) continue;
    sink.add("report-header", header.sheet, item ? cellOf(item) : null, {
      field: label,
      ...(unreadable
        ? {
            value: item!.value,
            params: {
              detail: `（“${item!.value}”不是日期时间，请写成如“2012-11-05 10:30”的形式）`,
              detailEn: ` ("${item!.value}" is not a date and time; write e.g. 2012-11-05 10:30)`,
            },
          }
        : {}),
      row: item?.row,
    });
  }
}

export function cellOf(item: CoverItem): string {
  return a1(item.row, item.col);
}
