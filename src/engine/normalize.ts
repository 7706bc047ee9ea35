// Normalisation (ledger-format.md §1.2): turning what clerks type into canonical values.
// Each reader returns the value and whether reading changed it, so callers can report `normalized`.
import { type Day, dayFromYMD, serialToDay } from "./dates";
import type { CellValue } from "./grid";
import type { EnumDef } from "./schema";

/** Whitespace incl. U+3000 ideographic space and NBSP. */
const WS = /[\s\u3000\u00a0\ufeff]+/g;

/**
 * Characters nobody sees (§1.4): zero-width space and joiners, word joiner, BOM, soft hyphen. Pasted
 * from web pages and Word, they are removed like spaces.
 */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** A line break with the spaces around it. */
const LINE_BREAK = /[ \t\u3000\u00a0]*(?:\r\n|[\r\n\u2028\u2029\v\f])[\s\u3000\u00a0]*/g;
/** CJK ideographs and punctuation: no space is put between two of them where a line broke. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/**
 * `f` remembered for the texts it has seen: a ledger repeats few distinct texts (issue 12: on the
 * district sample matchKey alone took 0.3 s, NFKC on every row's first cell). Bounded: after
 * `max` distinct texts the rest are computed each time.
 */
function memoized(f: (s: string) => string, max = 1 << 16): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    let v = seen.get(s);
    if (v === undefined) {
      v = f(s);
      if (seen.size < max) seen.set(s, v);
    }
    return v;
  };
}

/**
 * The text as a clerk sees it on screen (§1.4): invisible characters removed; a line break (with the
 * spaces around it) removed, between two CJK characters without a trace, elsewhere as one space.
 */
export function visibleText(s: string): string {
  return hasHiddenOrBreak(s) ? visibleTextOf(s) : s;
}

/** A character visibleText removes or replaces: a control character, an invisible one, a line separator. */
function hasHiddenOrBreak(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff) return true;
    if (c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

const visibleTextOf = memoized((s: string): string => {
  const t = s.replace(INVISIBLE, "");
  return t.replace(LINE_BREAK, (m: string, at: number, all: string) =>
    at > 0 && at + m.length < all.length && CJK.test(all[at - 1]) && CJK.test(all[at + m.length]) ? "" : " ",
  );
});

/** Key for whole-text matching of sheet names, headers and enumeration values (§7). */
export function matchKey(s: string): string {
  return isPlainKey(s) ? s : matchKeyOf(s);
}

/**
 * Printable ASCII without spaces and CJK unified ideographs only: text that NFKC leaves as it is and
 * that holds nothing to remove, so it is its own key (most cells; no normalisation, no lookup).
 */
function isPlainKey(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff))) return false;
  }
  return true;
}

const matchKeyOf = memoized((s: string): string =>
  s.normalize("NFKC").replace(INVISIBLE, "").replace(WS, ""),
);

export function cellText(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "number") return numberText(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}

/**
 * A number as the clerk sees it (integers without a trailing .0; no float noise). Excel keeps 15
 * significant digits: a large integer is shown with those, never with the binary double's digits.
 */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return n.toFixed(0);
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return fifteenDigitInteger(n);
  return String(Number(n.toPrecision(15)));
}

/** A number of 16 or more digits: Excel kept only 15 of them, so it is not what was typed (§1.4). */
export function lostDigits(v: CellValue): v is number {
  return typeof v === "number" && Math.abs(v) >= 1e15;
}

/** 370112196812041024 → "370112196812041000": 15 significant digits, then zeros. */
function fifteenDigitInteger(n: number): string {
  const [mantissa, exp] = Math.abs(n).toExponential(14).split("e");
  const digits = mantissa.replace(".", "");
  return (n < 0 ? "-" : "") + digits + "0".repeat(Number(exp) - 14);
}

export function trimAll(s: string): string {
  return s.replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g, "");
}

/** Free text: as seen (§1.4), trimmed. */
export function readText(v: CellValue): string {
  return trimAll(visibleText(cellText(v)));
}

/** Names: as seen (§1.4), trimmed, internal runs of spaces collapsed to one. */
export function readName(v: CellValue): string {
  return trimAll(visibleText(cellText(v))).replace(WS, " ");
}

/** Codes and IDs: NFKC (full-width → half-width), no whitespace or invisible character at all. */
export function readCode(v: CellValue): string {
  return matchKey(cellText(v));
}

const FULL_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const CN_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

export interface DateRead {
  day?: Day;
  /** true when the cell was not a native date serial (text or a yyyymmdd number). */
  changed: boolean;
}

/**
 * Dates: serials (1900/1904 system), yyyymmdd numbers and the text forms of §1.2. Anything else is
 * undefined (error `type-date`) — a date is never guessed.
 */
export function readDate(v: CellValue, date1904: boolean): DateRead {
  if (typeof v === "number") {
    if (Number.isInteger(v) && v >= 18000101 && v <= 22001231) {
      return { day: dayFromYMD(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100), changed: true };
    }
    // Plausible serials only: 1900-01-01 … 2200-12-31 in either system.
    if (v < 1 || v > 110000) return { changed: false };
    return { day: serialToDay(v, date1904), changed: false };
  }
  if (typeof v !== "string") return { changed: false };
  const s = trimAll(visibleText(v.normalize("NFKC")));
  const m = FULL_DATE.exec(s) ?? CN_DATE.exec(s) ?? COMPACT_DATE.exec(s);
  if (!m) return { changed: true };
  return { day: dayFromYMD(+m[1], +m[2], +m[3]), changed: true };
}

/** Units clerks append to counts ("12分", "40人"). */
const NUMBER_TEXT = /^([+-]?\d+(?:\.\d+)?)(?:分|人|票|名|个|次|张)?$/;

export interface NumberRead {
  n?: number;
  changed: boolean;
}

export function readNumber(v: CellValue): NumberRead {
  if (typeof v === "number") return { n: v, changed: false };
  if (typeof v !== "string") return { changed: false };
  const s = matchKey(v).replace(/,/g, "");
  const m = NUMBER_TEXT.exec(s);
  return m ? { n: Number(m[1]), changed: true } : { changed: true };
}

/** Resolves enumeration values by whole-text equality (NFKC, no whitespace) incl. synonyms. */
export class EnumMatcher {
  private readonly map = new Map<string, string>();
  constructor(readonly def: EnumDef) {
    for (const [syn, canon] of Object.entries(def.synonyms ?? {})) this.map.set(matchKey(syn), canon);
    for (const v of def.values) this.map.set(matchKey(v), v);
  }
  get(raw: string): string | undefined {
    return this.map.get(matchKey(raw));
  }
}

const matchers = new WeakMap<EnumDef, EnumMatcher>();
export function enumMatcher(def: EnumDef): EnumMatcher {
  let m = matchers.get(def);
  if (!m) matchers.set(def, (m = new EnumMatcher(def)));
  return m;
}

/** Separators of lists inside one cell (§1.2); whitespace is handled by the caller (§7). */
const LIST_SEP = /[、,，;；/]+/;

export function splitList(s: string): string[] {
  return s
    .split(LIST_SEP)
    .map((t) => trimAll(t))
    .filter((t) => t !== "");
}

export function splitWhitespace(s: string): string[] {
  return s.split(WS).filter((t) => t !== "");
}
