// A forgiving, allocation-light XML tokenizer over UTF-8 bytes, made for SpreadsheetML parts.
// It never builds a DOM and never throws: malformed markup is skipped or ends the scan, so a broken
// part is read as far as it goes. Namespace prefixes are ignored (`<x:row>` is `row`).

export const EOF = 0;
/** `<name ...>` */
export const START = 1;
/** `</name>` */
export const END = 2;
/** `<name .../>` */
export const EMPTY = 3;
/** `<![CDATA[...]]>`: its text is [attrStart, attrEnd). */
export const CDATA = 4;

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QMARK = 63;
const DQUOTE = 34;
const SQUOTE = 39;
const EQ = 61;
const COLON = 58;
const AMP = 38;
const CR = 13;
const UNDERSCORE = 95;

/** XML whitespace. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Bytes of an ASCII name, for comparisons. */
export function ascii(s: string): Uint8Array {
  const a = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
  return a;
}

function indexOfSeq(b: Uint8Array, seq: number[], from: number): number {
  const first = seq[0];
  for (let p = b.indexOf(first, from); p >= 0; p = b.indexOf(first, p + 1)) {
    let ok = true;
    for (let i = 1; i < seq.length; i++) {
      if (b[p + i] !== seq[i]) {
        ok = false;
        break;
      }
    }
    if (ok) return p;
  }
  return -1;
}

const COMMENT_END = [45, 45, 62]; // -->
const CDATA_END = [93, 93, 62]; // ]]>
const PI_END = [63, 62]; // ?>

export class XmlScanner {
  readonly buf: Uint8Array;
  pos = 0;
  kind = EOF;
  /** Position of the `<` of the current tag. */
  tagStart = 0;
  /** Local name (after any prefix) of the current tag: [localStart, nameEnd). */
  localStart = 0;
  nameEnd = 0;
  /** Attribute region of the current tag. */
  attrStart = 0;
  attrEnd = 0;
  // current attribute while iterating: name [anS, anE), local name from anL, value [avS, avE)
  private ap = 0;
  anS = 0;
  anL = 0;
  anE = 0;
  avS = 0;
  avE = 0;

  constructor(buf: Uint8Array, pos = 0) {
    this.buf = buf;
    this.pos = pos;
  }

  /** Advances to the next tag (or CDATA section); comments, PIs and DOCTYPEs are skipped. */
  next(): number {
    const b = this.buf;
    const n = b.length;
    let p = this.pos;
    for (;;) {
      while (p < n && b[p] !== LT) p++;
      if (p + 1 >= n) {
        this.pos = n;
        this.tagStart = n;
        return (this.kind = EOF);
      }
      this.tagStart = p;
      const c = b[p + 1];
      if (c === BANG) {
        if (b[p + 2] === 45 && b[p + 3] === 45) {
          const e = indexOfSeq(b, COMMENT_END, p + 4);
          p = e < 0 ? n : e + 3;
          continue;
        }
        if (b[p + 2] === 91 && b[p + 3] === 67) {
          // <![CDATA[
          const e = indexOfSeq(b, CDATA_END, p + 9);
          this.attrStart = p + 9;
          this.attrEnd = e < 0 ? n : e;
          this.pos = e < 0 ? n : e + 3;
          return (this.kind = CDATA);
        }
        const e = b.indexOf(GT, p + 2);
        p = e < 0 ? n : e + 1;
        continue;
      }
      if (c === QMARK) {
        const e = indexOfSeq(b, PI_END, p + 2);
        p = e < 0 ? n : e + 2;
        continue;
      }
      const isEnd = c === SLASH;
      let q = isEnd ? p + 2 : p + 1;
      const nameStart = q;
      let local = q;
      for (; q < n; q++) {
        const ch = b[q];
        if (ch === GT || ch === SLASH || ch === LT || isSpace(ch)) break;
        if (ch === COLON) local = q + 1;
      }
      if (q === nameStart) {
        // "<" not followed by a name: stray text, not a tag.
        p++;
        continue;
      }
      this.localStart = local;
      this.nameEnd = q;
      // Find the closing ">", honouring quoted attribute values; a raw "<" (never legal inside a
      // tag) ends a broken tag early so that one bad quote cannot swallow the rest of the part.
      let r = q;
      let quote = 0;
      for (; r < n; r++) {
        const ch = b[r];
        if (ch === LT) break;
        if (quote !== 0) {
          if (ch === quote) quote = 0;
        } else if (ch === GT) break;
        else if (ch === DQUOTE || ch === SQUOTE) quote = ch;
      }
      this.attrStart = q;
      if (r >= n || b[r] === LT) {
        // unterminated tag: treat it as a start tag ending here
        this.attrEnd = r;
        this.pos = r;
        return (this.kind = isEnd ? END : START);
      }
      this.pos = r + 1;
      if (isEnd) {
        this.attrEnd = r;
        return (this.kind = END);
      }
      if (b[r - 1] === SLASH && r - 1 >= q) {
        this.attrEnd = r - 1;
        return (this.kind = EMPTY);
      }
      this.attrEnd = r;
      return (this.kind = START);
    }
  }

  /** Local name of the current tag equals `name`. */
  is(name: Uint8Array): boolean {
    const s = this.localStart;
    if (this.nameEnd - s !== name.length) return false;
    const b = this.buf;
    for (let i = 0; i < name.length; i++) if (b[s + i] !== name[i]) return false;
    return true;
  }

  /** Starts iterating the current tag's attributes. */
  attrs(): void {
    this.ap = this.attrStart;
  }

  /** Next attribute of the current tag (false when none is left); fills anS/anL/anE/avS/avE. */
  nextAttr(): boolean {
    const b = this.buf;
    const end = this.attrEnd;
    let p = this.ap;
    for (;;) {
      while (p < end && isSpace(b[p])) p++;
      if (p >= end) {
        this.ap = end;
        return false;
      }
      const ns = p;
      let local = p;
      while (p < end && b[p] !== EQ && !isSpace(b[p])) {
        if (b[p] === COLON) local = p + 1;
        p++;
      }
      const ne = p;
      while (p < end && isSpace(b[p])) p++;
      if (p >= end || b[p] !== EQ) {
        // a name without a value: skip it
        if (p === ns) p++;
        continue;
      }
      p++;
      while (p < end && isSpace(b[p])) p++;
      const qc = b[p];
      let vs: number;
      let ve: number;
      if (qc === DQUOTE || qc === SQUOTE) {
        vs = p + 1;
        ve = b.indexOf(qc, vs);
        if (ve < 0 || ve > end) ve = end;
        p = ve + 1;
      } else {
        vs = p;
        while (p < end && !isSpace(b[p])) p++;
        ve = p;
      }
      this.anS = ns;
      this.anL = local;
      this.anE = ne;
      this.avS = vs;
      this.avE = ve;
      this.ap = p;
      return true;
    }
  }

  /** The current attribute's local name equals `name`. */
  attrIs(name: Uint8Array): boolean {
    const s = this.anL;
    if (this.anE - s !== name.length) return false;
    const b = this.buf;
    for (let i = 0; i < name.length; i++) if (b[s + i] !== name[i]) return false;
    return true;
  }

  /** The current attribute has a namespace prefix (`r:id`). */
  attrPrefixed(): boolean {
    return this.anL !== this.anS;
  }

  attrText(): string {
    return decodeText(this.buf, this.avS, this.avE);
  }

  /** The current attribute as a non-negative integer (-1 when it is not one). */
  attrUint(): number {
    return parseUint(this.buf, this.avS, this.avE);
  }

  /** Value of the first attribute with this local name, or undefined. */
  attr(name: Uint8Array): string | undefined {
    this.attrs();
    while (this.nextAttr()) if (this.attrIs(name)) return this.attrText();
    return undefined;
  }

  /**
   * Text content of the element whose START tag was just read, up to its END tag (entities decoded,
   * CDATA kept as is, child elements skipped). Leaves the scanner after the END tag.
   */
  elementText(): string {
    const b = this.buf;
    let out = "";
    let s = this.pos;
    let depth = 0;
    for (;;) {
      const k = this.next();
      if (k === EOF) {
        if (b.length > s) out += decodeText(b, s, b.length);
        return out;
      }
      if (depth === 0 && this.tagStart > s) out += decodeText(b, s, this.tagStart);
      if (k === CDATA) {
        if (depth === 0) out += utf8Slice(b, this.attrStart, this.attrEnd);
      } else if (k === END) {
        if (depth === 0) return out;
        depth--;
      } else if (k === START) depth++;
      s = this.pos;
    }
  }

  /** Skips to after the END tag matching the START tag just read. */
  skipElement(): void {
    let depth = 0;
    for (;;) {
      const k = this.next();
      if (k === EOF) return;
      if (k === START) depth++;
      else if (k === END) {
        if (depth === 0) return;
        depth--;
      }
    }
  }
}

/** A run of ASCII digits as an integer; -1 when empty, not all digits, or unreasonably long. */
export function parseUint(b: Uint8Array, s: number, e: number): number {
  while (s < e && isSpace(b[s])) s++;
  while (e > s && isSpace(b[e - 1])) e--;
  if (s >= e || e - s > 15) return -1;
  let v = 0;
  for (let i = s; i < e; i++) {
    const d = b[i] - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * A numeric `<v>`: integers are parsed in place, anything else through Number() (exact IEEE
 * rounding). NaN when the text is not a number (or is empty).
 */
export function parseNumber(b: Uint8Array, s: number, e: number): number {
  while (s < e && isSpace(b[s])) s++;
  while (e > s && isSpace(b[e - 1])) e--;
  if (s >= e) return NaN;
  let i = s;
  const neg = b[i] === 45;
  if (neg) i++;
  if (i < e && e - i <= 15) {
    let v = 0;
    for (; i < e; i++) {
      const d = b[i] - 48;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
    }
    if (i === e) return neg ? -v : v;
  }
  let str = "";
  for (let j = s; j < e; j++) {
    const c = b[j];
    if (c >= 0x80) return NaN;
    str += String.fromCharCode(c);
  }
  return Number(str);
}

const decoder = new TextDecoder("utf-8");
const scratch = new Uint16Array(1024);
// set by utf8Slice: the slice contained "&", "\r" or "_" (so it may need decoding)
let sawSpecial = false;

/** UTF-8 bytes → string, without entity decoding. */
export function utf8Slice(b: Uint8Array, s: number, e: number): string {
  const len = e - s;
  sawSpecial = false;
  if (len <= 0) return "";
  if (len > scratch.length) {
    const sub = b.subarray(s, e);
    sawSpecial = sub.indexOf(AMP) >= 0 || sub.indexOf(CR) >= 0 || sub.indexOf(UNDERSCORE) >= 0;
    return decoder.decode(sub);
  }
  let k = 0;
  let special = false;
  let i = s;
  while (i < e) {
    const c = b[i++];
    if (c < 0x80) {
      if (c === AMP || c === CR || c === UNDERSCORE) special = true;
      scratch[k++] = c;
    } else if (c < 0xe0) {
      scratch[k++] = ((c & 0x1f) << 6) | (b[i++] & 0x3f);
    } else if (c < 0xf0) {
      scratch[k++] = ((c & 0x0f) << 12) | ((b[i++] & 0x3f) << 6) | (b[i++] & 0x3f);
    } else {
      const cp =
        (((c & 0x07) << 18) | ((b[i++] & 0x3f) << 12) | ((b[i++] & 0x3f) << 6) | (b[i++] & 0x3f)) - 0x10000;
      scratch[k++] = 0xd800 + ((cp >> 10) & 0x3ff);
      scratch[k++] = 0xdc00 + (cp & 0x3ff);
    }
  }
  sawSpecial = special;
  if (k === 1) return String.fromCharCode(scratch[0]);
  return String.fromCharCode.apply(null, scratch.subarray(0, k) as unknown as number[]);
}

const ENTITY_RE = /&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY_RE, (m, body: string) => {
    if (body.charCodeAt(0) === 35) {
      const cp =
        body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!(cp > 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) return m;
      return String.fromCodePoint(cp);
    }
    const v = NAMED[body];
    return v === undefined ? m : v;
  });
}

const XESC_RE = /_x([0-9A-Fa-f]{4})_/g;

/** OOXML `_xHHHH_` escapes (ST_Xstring): `_x000D_` → "\r", `_x005F_` → "_" (so `_x005F_x000D_` → "_x000D_"). */
export function unescapeX(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(XESC_RE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** XML text → string: UTF-8, entities, and line ends normalised as an XML parser does. */
export function decodeText(b: Uint8Array, s: number, e: number): string {
  let t = utf8Slice(b, s, e);
  if (!sawSpecial) return t;
  if (t.indexOf("\r") >= 0) t = t.replace(/\r\n?/g, "\n");
  return decodeEntities(t);
}

/** Like decodeText, plus `_xHHHH_` escapes (the text of `<t>` in shared and inline strings). */
export function decodeXString(b: Uint8Array, s: number, e: number): string {
  let t = utf8Slice(b, s, e);
  if (!sawSpecial) return t;
  if (t.indexOf("\r") >= 0) t = t.replace(/\r\n?/g, "\n");
  return unescapeX(decodeEntities(t));
}
