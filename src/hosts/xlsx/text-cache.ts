// Cell texts by their bytes: a ledger repeats few distinct texts (the district sample: 1.1 M text
// cells, 72 k distinct), so each distinct byte sequence is decoded once and every later cell with the
// same bytes gets the same string — no decoding, no new string, no garbage (issue 12). Decoding is a
// pure function of the bytes, so entities and `_xHHHH_` escapes are cached as safely as plain text.

import { ByteArena } from "./byte-arena";

/** Longer texts are decoded every time (rarely repeated; keeps the table small). */
const MAX_KEY_BYTES = 128;
/** The table stops growing here (a sheet of unique texts costs no more than its own strings). */
const MAX_ENTRIES = 1 << 18;

export type Decode = (b: Uint8Array, s: number, e: number) => string;

export class TextCache {
  private slots = new Int32Array(1 << 12).fill(-1);
  /**
   * The keys' bytes, copies (not `b.slice(s, e)` per key: on a Node Buffer — what zlib hands out —
   * slice() is a view, and 72 k views kept every sheet's whole XML, ~90 MB on the district, alive
   * until the read ended). Key k is entry k.
   */
  private readonly keys = new ByteArena();
  private readonly values: string[] = [];
  private readonly hashes: number[] = [];

  constructor(private readonly decode: Decode) {}

  /** decode(b, s, e), from the table when the same bytes were decoded before. */
  get(b: Uint8Array, s: number, e: number): string {
    const len = e - s;
    if (len > MAX_KEY_BYTES || len <= 0) return this.decode(b, s, e);
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++) h = Math.imul(h ^ b[i], 0x01000193);
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const k = this.slots[i];
      if (k < 0) return this.insert(i, h, b, s, e);
      if (this.hashes[k] === h && this.keys.equals(k, b, s, len)) return this.values[k];
    }
  }

  private insert(slot: number, h: number, b: Uint8Array, s: number, e: number): string {
    const v = this.decode(b, s, e);
    if (this.values.length >= MAX_ENTRIES) return v;
    this.slots[slot] = this.values.length;
    this.keys.add(b, s, e);
    this.values.push(v);
    this.hashes.push(h);
    if (this.values.length * 2 > this.slots.length) this.grow();
    return v;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    this.hashes.forEach((h, k) => {
      let i = h & mask;
      while (slots[i] >= 0) i = (i + 1) & mask;
      slots[i] = k;
    });
    this.slots = slots;
  }
}
