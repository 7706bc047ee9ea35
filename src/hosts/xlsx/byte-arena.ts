// Short byte strings kept end to end in one growing buffer, each known by its index (the order it
// was added in): the reader's text cache keeps its keys here, the sheet writer its repeated cell
// tails. One buffer instead of an array per entry — 72 k of them on the district were objects for
// the collector, and `slice()` of a Node Buffer is a view that keeps its whole source alive.

export class ByteArena {
  private buf = new Uint8Array(1 << 16);
  private used = 0;
  private readonly starts: number[] = [];

  private dv = new DataView(this.buf.buffer);

  /** The buffer the entries live in, as a DataView for ByteSink.rawView (replaced when it grows: read it after `add`). */
  get view(): DataView {
    return this.dv;
  }

  /** Copies b[s, e) in as the next entry; returns its index. */
  add(b: Uint8Array, s: number, e: number): number {
    const at = this.used;
    const n = e - s;
    if (at + n > this.buf.length) {
      const grown = new Uint8Array(Math.max(this.buf.length * 2, at + n));
      grown.set(this.buf.subarray(0, at));
      this.buf = grown;
      this.dv = new DataView(grown.buffer);
    }
    const a = this.buf;
    for (let i = s, j = at; i < e; i++, j++) a[j] = b[i];
    this.used = at + n;
    return this.starts.push(at) - 1;
  }

  /** Where entry k starts in `bytes`. */
  start(k: number): number {
    return this.starts[k];
  }

  /** Where entry k ends in `bytes` (exclusive). */
  end(k: number): number {
    return k + 1 < this.starts.length ? this.starts[k + 1] : this.used;
  }

  /** Entry k's bytes equal b[s, s + len). */
  equals(k: number, b: Uint8Array, s: number, len: number): boolean {
    const start = this.starts[k];
    if (this.end(k) - start !== len) return false;
    const a = this.buf;
    for (let i = 0; i < len; i++) if (a[start + i] !== b[s + i]) return false;
    return true;
  }
}
