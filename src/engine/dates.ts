// Calendar dates as day numbers (days since 1970-01-01), so comparisons are plain integer
// comparisons and no time zone ever shifts a date.

export type Day = number;

export function dayFromYMD(y: number, m: number, d: number): Day | undefined {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return undefined;
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1800 || y > 2200) return undefined;
  const t = Date.UTC(y, m - 1, d);
  const dt = new Date(t);
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return Math.round(t / 86400000);
}

export function ymd(day: Day): { y: number; m: number; d: number } {
  const dt = new Date(day * 86400000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function toISO(day: Day): string {
  const { y, m, d } = ymd(day);
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function parseISO(s: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? dayFromYMD(+m[1], +m[2], +m[3]) : undefined;
}

/** 1900 system: serial 25569 = 1970-01-01; serials ≤ 60 sit before Excel's phantom 1900-02-29. */
const EPOCH_1900 = -25569;
/** 1904 system: serial 0 = 1904-01-01. */
const EPOCH_1904 = dayFromYMD(1904, 1, 1)!;

export function serialToDay(serial: number, date1904: boolean): Day | undefined {
  if (!Number.isFinite(serial) || serial < 1) return undefined;
  // Binary noise (40543.99999999999) is read as Excel shows it: rounded to the nearest second.
  const whole = Math.floor(Math.round(serial * 86400) / 86400);
  if (date1904) return EPOCH_1904 + whole;
  return whole > 60 ? EPOCH_1900 + whole : EPOCH_1900 + whole + 1;
}

export function dayToSerial(day: Day, date1904: boolean): number {
  if (date1904) return day - EPOCH_1904;
  const s = day - EPOCH_1900;
  return s > 60 ? s : s - 1;
}

export function addDays(day: Day, n: number): Day {
  return day + n;
}

/** The day `years` years after `day` (Feb 29 → Mar 1 in common years). */
export function addYears(day: Day, years: number): Day {
  const { y, m, d } = ymd(day);
  return Math.round(Date.UTC(y + years, m - 1, d) / 86400000);
}

export function todayDay(now: Date = new Date()): Day {
  return dayFromYMD(now.getFullYear(), now.getMonth() + 1, now.getDate())!;
}

// Date serials in Excel's two date systems. Serials are built from UTC so no time zone shifts them.
/** Days between the 1900 system's and the 1904 system's serial 0 (1904-01-01 is 1462 in the 1900 system). */
export const DATE1904_OFFSET = 1462;

const ISO_DATE =
  /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?\s*$/;

/**
 * An ISO 8601 date or date-time (`2010-05-05`, `2010-05-05T08:30:00`) → serial in the given date
 * system; NaN when the text is not one or names an impossible date. A zone suffix is ignored
 * (Excel dates have no zone).
 */
export function isoToSerial(text: string, date1904: boolean): number {
  const m = ISO_DATE.exec(text);
  if (!m) return NaN;
  // The day part goes through the engine's calendar (one place for the epochs and 1900's phantom leap day).
  const day = dayFromYMD(Number(m[1]), Number(m[2]), Number(m[3]));
  if (day === undefined) return NaN;
  const seconds =
    (m[4] ? Number(m[4]) * 3600 : 0) +
    (m[5] ? Number(m[5]) * 60 : 0) +
    (m[6] ? Number(m[6]) : 0) +
    (m[7] ? Number(m[7]) : 0);
  return dayToSerial(day, date1904) + seconds / 86400;
}

/** A serial of the 1900 system → the same day in the target system. */
export function fromSerial1900(serial: number, date1904: boolean): number {
  return date1904 ? serial - DATE1904_OFFSET : serial;
}
