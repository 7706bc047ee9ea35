// Date serials in Excel's two date systems. Serials are built from UTC so no time zone shifts them.
import { dayFromYMD, dayToSerial } from "../../engine/dates";

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
