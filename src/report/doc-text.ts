// How dates and counts are written in a document (ledger-format.md §6.1).
import { ymd, type Day } from "../engine/dates";

/** `2012年11月7日`, as dates are written in a document. */
export function chineseDate(day: Day): string {
  const { y, m, d } = ymd(day);
  return `${y}年${m}月${d}日`;
}

/** `截至2012年11月7日`: what a working sheet is as of. */
export function asOfLine(day: Day): string {
  return `截至${chineseDate(day)}`;
}
