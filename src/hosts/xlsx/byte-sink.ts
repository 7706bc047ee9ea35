// UTF-8 bytes written straight into a buffer, handed on in pieces of about 1 MB (issue 12). The
// result sheets are ~2 M cells: building them as JS strings and joining them cost more than a second
// of string flattening and garbage collection; writing bytes costs neither. Runs in Node and browsers.

/** A piece is handed on once it holds this many bytes (and at the end). */
const PIECE = 1 << 20;

export class ByteSink {
  private buf = new Uint8Array(PIECE * 2);
  /** `buf` as a DataView, for copying four bytes at a time (rawView). */
  private view = new DataView(this.buf.buffer);
  private pos = 0;
  private readonly kept: Uint8Array[] = [];

  /**
   * `sink` receives each piece (and owns it); without one the pieces are kept for `bytes()`. With
   * `lend`, `sink` is lent a view of the sink's own buffer instead, valid during the call only (for a
   * sink that consumes each piece at once, as a compressor does: no 1 MB copy per piece).
   */
  constructor(
    private readonly sink?: (piece: Uint8Array) => void,
    private readonly lend = false,
  ) {}

  /** Room for `n` more bytes. */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
    this.view = new DataView(grown.buffer);
  }

  /** Pre-encoded bytes (the fixed pieces of the markup). */
  raw(b: Uint8Array): void {
    const n = b.length;
    this.room(n);
    if (n > 64) {
      this.buf.set(b, this.pos);
      this.pos += n;
      return;
    }
    // short pieces: a plain loop beats TypedArray#set's call overhead several times over
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) buf[p++] = b[i];
    this.pos = p;
  }

  /** A non-negative integer in decimal. */
  uint(n: number): void {
    if (n < 10) {
      this.room(1);
      this.buf[this.pos++] = 48 + n;
      return;
    }
    this.ascii(String(n));
  }

  /** Text known to be ASCII (numbers, attribute values built here). */
  ascii(s: string): void {
    const n = s.length;
    this.room(n);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** Any text, as UTF-8 (an unpaired surrogate becomes U+FFFD, as TextEncoder does). */
  text(s: string): void {
    const n = s.length;
    this.room(n * 3);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        b[p++] = c;
        continue;
      }
      if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 63);
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          b[p++] = 0xf0 | (c >> 18);
          b[p++] = 0x80 | ((c >> 12) & 63);
          b[p++] = 0x80 | ((c >> 6) & 63);
          b[p++] = 0x80 | (c & 63);
          continue;
        }
        c = 0xfffd;
      }
      b[p++] = 0xe0 | (c >> 12);
      b[p++] = 0x80 | ((c >> 6) & 63);
      b[p++] = 0x80 | (c & 63);
    }
    this.pos = p;
  }

  /** Where the next byte goes in the current piece (for `since`, before the next `mark`). */
  get position(): number {
    return this.pos;
  }

  /** The bytes written since `position` was `from` (no `mark` in between), as a view: copy them now. */
  since(from: number): Uint8Array {
    return this.buf.subarray(from, this.pos);
  }

  /**
   * Bytes [s, e) of the buffer `src` views (pieces made before: the writer's cell tails, a row's digits),
   * four at a time — three times fewer steps than a byte loop for the usual 20–60 bytes, without
   * the view per call that `TypedArray#set` needs (issue 12).
   */
  rawView(src: DataView, s: number, e: number): void {
    this.room(e - s);
    const dst = this.view;
    let p = this.pos;
    let i = s;
    // both little-endian: the bytes keep their order
    for (; i + 4 <= e; i += 4, p += 4) dst.setUint32(p, src.getUint32(i, true), true);
    for (; i < e; i++, p++) dst.setUint8(p, src.getUint8(i));
    this.pos = p;
  }

  /** Hands on the bytes so far when they fill a piece (call between elements, never inside one). */
  mark(): void {
    if (this.pos >= PIECE) this.flush();
  }

  private flush(): void {
    if (this.pos === 0) return;
    if (this.sink && this.lend) {
      this.sink(this.buf.subarray(0, this.pos));
      this.pos = 0;
      return;
    }
    const piece = this.buf.slice(0, this.pos);
    this.pos = 0;
    if (this.sink) this.sink(piece);
    else this.kept.push(piece);
  }

  /** Ends the output: with a sink, hands on the last piece; without, returns everything written. */
  bytes(): Uint8Array {
    this.flush();
    return concatBytes(this.kept.splice(0));
  }
}

/** The pieces joined into one array (the piece itself when there is one). */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const encoder = new TextEncoder();

/** ASCII text (digits, markup without texts) to bytes, without TextEncoder's per-call cost. */
export function asciiBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/** Markup to bytes, once (the fixed pieces a writer repeats on every row). */
export function bytesOf(s: string): Uint8Array {
  return encoder.encode(s);
}
