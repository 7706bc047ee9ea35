// Number-format facts shared by the Office and preview hosts (pure; no Excel API here).

/** Format code per SheetModel column format — the same codes the xlsx writers use. */
export const DATE_FORMAT = "yyyy-mm-dd";
export const TEXT_FORMAT = "@";
export const GENERAL_FORMAT = "General";

/**
 * True for a number format that shows a date: a d or y outside quotes, escapes and [brackets]
 * (colours, conditions, locale tags), or an m that is not minutes (no h or s beside it).
 */
export function isDateFormat(code: string | undefined): boolean {
  if (!code || code === "@" || code.toLowerCase() === "general") return false;
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_.|\*./g, "");
  return /[dy]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare));
}
