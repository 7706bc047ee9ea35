// Normalisation (ledger-format.md §1.2): turning what clerks type into canonical values.
// Each reader returns the value and whether reading changed it, so callers can report `normalized`.
import { type Day, dayFromYMD, serialToDay } from "./dates";
import type { CellValue } from "./grid";
import type { EnumDef } from "./schema";

/** Whitespace incl. U+3000 ideographic space and NBSP. */
const WS = /[\s\u3000\u00a0\ufeff]+/g;

/** Key for whole-text matching of sheet names, headers and enumeration values (§7). */
export function matchKey(s: string): string {
  return s.normalize("NFKC").replace(WS, "");
}

export function cellText(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "number") return numberText(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}

/** A number as the clerk sees it (integers without a trailing .0; no float noise). */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(Number(n.toPrecision(15)));
}

export function trimAll(s: string): string {
  return s.replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g, "");
}

/** Free text: trimmed. */
export function readText(v: CellValue): string {
  return trimAll(cellText(v));
}

/** Names: trimmed, internal runs of spaces collapsed to one. */
export function readName(v: CellValue): string {
  return trimAll(cellText(v)).replace(WS, " ");
}

/** Codes and IDs: NFKC (full-width → half-width), no whitespace at all. */
export function readCode(v: CellValue): string {
  return cellText(v).normalize("NFKC").replace(WS, "");
}

const FULL_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const CN_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;
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
  const s = v.normalize("NFKC").trim();
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
