// Rewriting a ZIP package without recompressing it: entries that stay are copied as their raw
// compressed bytes (only the local header is regenerated from the central directory), new or changed
// entries are deflated with fflate, and a new central directory is written.
//
// Input: what ZipArchive (zip.ts) accepts — stored (0) or deflated (8) entries, data descriptors
// (bit 3), zip64 records. Output: a plain (non-zip64) archive without data descriptors; an output that
// would need zip64 (≥ 4 GB or ≥ 65,535 entries) is refused as "too-large".
import { Deflate, deflateSync } from "fflate";
import { ledgerFileError } from "./errors";
import { ZipArchive } from "./zip";
import { nativeZlib, type NodeZlib } from "./native-zlib";
import { concatBytes } from "./byte-sink";

/** One entry as recorded in the central directory, with everything needed to copy it raw. */
export interface RawZipEntry {
  name: string;
  nameBytes: Uint8Array;
  versionMadeBy: number;
  flags: number;
  method: number;
  dosTime: number;
  dosDate: number;
  crc: number;
  compressedSize: number;
  size: number;
  internalAttrs: number;
  externalAttrs: number;
  /** Extra fields of the central record and of the local header, zip64 fields removed. */
  centralExtra: Uint8Array;
  localExtra: Uint8Array;
  comment: Uint8Array;
  /** Offset of the compressed data in the source archive. */
  dataStart: number;
}

export interface RawZip {
  entries: RawZipEntry[];
  comment: Uint8Array;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;

const encoder = new TextEncoder();

function u16(b: Uint8Array, p: number): number {
  return b[p] | (b[p + 1] << 8);
}
function u32(b: Uint8Array, p: number): number {
  return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16)) + b[p + 3] * 0x1000000;
}
function u64(b: Uint8Array, p: number): number {
  return u32(b, p) + u32(b, p + 4) * 0x100000000;
}

function corrupt(reason: string): Error {
  return ledgerFileError("corrupt", { reason });
}

/** Extra-field blocks without the zip64 block (id 1): the rewritten archive needs none. */
function withoutZip64(extra: Uint8Array): Uint8Array {
  let keep = 0;
  let has = false;
  for (let p = 0; p + 4 <= extra.length;) {
    const len = u16(extra, p + 2);
    if (u16(extra, p) === 1) has = true;
    else keep += 4 + len;
    p += 4 + len;
  }
  if (!has) return extra;
  const out = new Uint8Array(keep);
  let q = 0;
  for (let p = 0; p + 4 <= extra.length;) {
    const len = u16(extra, p + 2);
    const end = Math.min(extra.length, p + 4 + len);
    if (u16(extra, p) !== 1) {
      out.set(extra.subarray(p, end), q);
      q += end - p;
    }
    p += 4 + len;
  }
  return out.subarray(0, q);
}

/**
 * The central directory of an archive, raw. `zip` (already parsed, so the archive is known to be
 * sane) supplies sizes and offsets with zip64 resolved; this adds what ZipArchive does not keep.
 */
export function readRawZip(data: Uint8Array, zip: ZipArchive = new ZipArchive(data)): RawZip {
  const b = data;
  let eocd = -1;
  for (let p = b.length - 22, stop = Math.max(0, b.length - 22 - 65535); p >= stop; p--) {
    if (u32(b, p) === SIG_EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw corrupt("no end of central directory (truncated zip)");
  const commentLen = u16(b, eocd + 20);
  const comment = b.slice(eocd + 22, Math.min(b.length, eocd + 22 + commentLen));
  let cdOffset = u32(b, eocd + 16);
  if (cdOffset === 0xffffffff || u16(b, eocd + 10) === 0xffff || u32(b, eocd + 12) === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && u32(b, loc) === SIG_ZIP64_LOCATOR) {
      const z = u64(b, loc + 8);
      if (z + 56 > b.length || u32(b, z) !== SIG_ZIP64_EOCD) throw corrupt("bad zip64 end record");
      cdOffset = u64(b, z + 48);
    }
  }
  const entries: RawZipEntry[] = [];
  let p = cdOffset;
  for (const e of zip.entries) {
    if (p + 46 > b.length || u32(b, p) !== SIG_CENTRAL) throw corrupt("bad central directory entry");
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const cLen = u16(b, p + 32);
    const nameStart = p + 46;
    const h = e.localHeaderOffset;
    if (h + 30 > b.length || u32(b, h) !== SIG_LOCAL) throw corrupt(`bad local header for ${e.name}`);
    const localNameLen = u16(b, h + 26);
    const localExtraLen = u16(b, h + 28);
    const dataStart = h + 30 + localNameLen + localExtraLen;
    if (dataStart + e.compressedSize > b.length)
      throw corrupt(`${e.name} extends past the end of the file (truncated zip)`);
    if (e.flags & 1) throw ledgerFileError("encrypted");
    entries.push({
      name: e.name,
      nameBytes: b.slice(nameStart, nameStart + nameLen),
      versionMadeBy: u16(b, p + 4),
      flags: e.flags,
      method: e.method,
      dosTime: u16(b, p + 12),
      dosDate: u16(b, p + 14),
      crc: u32(b, p + 16),
      compressedSize: e.compressedSize,
      size: e.size,
      internalAttrs: u16(b, p + 36),
      externalAttrs: u32(b, p + 38),
      centralExtra: withoutZip64(b.slice(nameStart + nameLen, nameStart + nameLen + extraLen)),
      localExtra: withoutZip64(b.slice(h + 30 + localNameLen, dataStart)),
      comment: b.slice(nameStart + nameLen + extraLen, nameStart + nameLen + extraLen + cLen),
      dataStart,
    });
    p = nameStart + nameLen + extraLen + cLen;
  }
  return { entries, comment };
}

// CRC-32 (IEEE), slicing by 8.
const CRC_TABLE = (() => {
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n];
    for (let k = 1; k < 8; k++) {
      c = t[c & 0xff] ^ (c >>> 8);
      t[k * 256 + n] = c;
    }
  }
  return t;
})();

/** CRC-32 of `data`; `prev`, the CRC of the bytes before, continues a CRC over several pieces. */
export function crc32(data: Uint8Array, prev = 0): number {
  const t = CRC_TABLE;
  let c = prev ^ -1;
  let i = 0;
  const n = data.length;
  for (; i + 8 <= n; i += 8) {
    const a = c ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
    c =
      t[1792 + (a & 0xff)] ^
      t[1536 + ((a >>> 8) & 0xff)] ^
      t[1280 + ((a >>> 16) & 0xff)] ^
      t[1024 + (a >>> 24)] ^
      t[768 + data[i + 4]] ^
      t[512 + data[i + 5]] ^
      t[256 + data[i + 6]] ^
      t[data[i + 7]];
  }
  for (; i < n; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** Raw DEFLATE (no zlib header) and CRC-32: fflate everywhere, Node's native zlib where it exists. */
export interface Compressor {
  deflate(data: Uint8Array, fast: boolean): Uint8Array;
  /** A DEFLATE stream fed piece by piece: `push` returns the compressed bytes so far, `end` the rest. */
  stream(fast: boolean): DeflateStream;
  crc32(data: Uint8Array, prev?: number): number;
}

export interface DeflateStream {
  push(data: Uint8Array): Uint8Array[];
  /** The rest: now, or — from a compressor working on another thread (deflate-thread.ts) — later. */
  end(): Uint8Array[] | Promise<Uint8Array[]>;
}

/** fflate's streaming Deflate: its output arrives through the callback as pushed. */
function fflateStream(fast: boolean): DeflateStream {
  let out: Uint8Array[] = [];
  const d = new Deflate({ level: fast ? 1 : 6 }, (chunk) => out.push(chunk));
  const take = () => {
    const o = out;
    out = [];
    return o;
  };
  return {
    push: (data) => (d.push(data, false), take()),
    end: () => (d.push(new Uint8Array(0), true), take()),
  };
}

export const FFLATE: Compressor = {
  deflate: (data, fast) => deflateSync(data, { level: fast ? 1 : 6 }),
  stream: fflateStream,
  crc32,
};

/**
 * Node's zlib, piece by piece: each piece is deflated on its own and ended with a sync flush (an empty
 * stored block, byte-aligned, not final), so the pieces' outputs joined are one valid DEFLATE stream;
 * `end` adds the empty final block. A piece cannot refer back into the one before: with pieces of
 * about 1 MB the output grows by well under 1 %.
 */
function zlibStream(zlib: NodeZlib, level: number): DeflateStream {
  return {
    push: (data) => [zlib.deflateRawSync(data, { level, finishFlush: zlib.constants.Z_SYNC_FLUSH })],
    end: () => [zlib.deflateRawSync(new Uint8Array(0), { level, finishFlush: zlib.constants.Z_FINISH })],
  };
}

/**
 * Node's zlib levels: large sheet parts (`fast`) at level 2, chosen by measurement (issue 12, the
 * district's 124 MB of result XML): level 1 218 ms / 14.2 MB, level 2 224 ms / 13.7 MB, level 3
 * 335 ms / 13.0 MB, level 6 758 ms / 11.4 MB. The worker of deflate-thread.ts uses the same.
 */
export function zlibLevel(fast: boolean): number {
  return fast ? 2 : 6;
}

let nativeCompressor: Compressor | null | undefined;

/** Node's zlib (about four times faster than fflate on large sheets) where it exists; else fflate. */
export function defaultCompressor(): Compressor {
  if (nativeCompressor === undefined) {
    const zlib = nativeZlib();
    const nativeCrc = zlib && typeof zlib.crc32 === "function" ? zlib.crc32.bind(zlib) : undefined;
    nativeCompressor = zlib
      ? {
          deflate: (data, fast) => zlib.deflateRawSync(data, { level: zlibLevel(fast) }),
          stream: (fast) => zlibStream(zlib, zlibLevel(fast)),
          crc32: nativeCrc ? (data, prev) => nativeCrc(data, prev ?? 0) >>> 0 : crc32,
        }
      : null;
  }
  return nativeCompressor ?? FFLATE;
}

/** An entry of the archive being written. */
export type OutEntry =
  | { kind: "copy"; entry: RawZipEntry }
  | {
      kind: "new";
      name: string;
      data: Uint8Array;
      /** Favour speed over size (large sheet parts). */
      fast?: boolean;
    }
  | CompressedEntry;

export interface CompressedEntry {
  kind: "compressed";
  name: string;
  /** The compressed bytes in pieces, in order (a streamed entry's pieces are not joined). */
  body: Uint8Array[];
  method: 0 | 8;
  crc: number;
  size: number;
  /**
   * The rest of `body` is still being deflated on another thread: settleEntries waits for it (and
   * clears this); zipPieces refuses an entry that still has it.
   */
  pending?: Promise<void>;
}

/** Waits until every entry's compressed bytes are all there (see CompressedEntry.pending). */
export async function settleEntries(entries: readonly OutEntry[]): Promise<void> {
  const waiting = entries.filter(
    (e): e is CompressedEntry => e.kind === "compressed" && e.pending !== undefined,
  );
  // all at once: a failure of any one is then handled, whichever comes first
  await Promise.all(waiting.map((e) => e.pending));
  for (const e of waiting) e.pending = undefined;
}

/**
 * A new entry compressed now (so that its uncompressed bytes can be dropped before the next one is
 * built: large sheets are never all held uncompressed at once).
 */
export function compressEntry(
  name: string,
  data: Uint8Array,
  fast = false,
  compressor: Compressor = defaultCompressor(),
): CompressedEntry {
  const stored = data.length === 0;
  return {
    kind: "compressed",
    name,
    body: [stored ? data : compressor.deflate(data, fast)],
    method: stored ? 0 : 8,
    crc: compressor.crc32(data),
    size: data.length,
  };
}

/**
 * A new entry compressed as its bytes are produced (issue 12: a result sheet's 70 MB of XML is never
 * held whole): `push` each piece in order, then `finish`.
 */
export class EntryStream {
  private readonly deflater: DeflateStream;
  private readonly body: Uint8Array[] = [];
  private crc = 0;
  private size = 0;

  constructor(
    private readonly name: string,
    fast: boolean,
    private readonly compressor: Compressor = defaultCompressor(),
  ) {
    this.deflater = compressor.stream(fast);
  }

  push(data: Uint8Array): void {
    if (data.length === 0) return;
    this.crc = this.compressor.crc32(data, this.crc);
    this.size += data.length;
    this.body.push(...this.deflater.push(data));
  }

  finish(): CompressedEntry {
    if (this.size === 0) return compressEntry(this.name, new Uint8Array(0), true, this.compressor);
    const entry: CompressedEntry = {
      kind: "compressed",
      name: this.name,
      body: this.body,
      method: 8,
      crc: this.crc,
      size: this.size,
    };
    const rest = this.deflater.end();
    if (Array.isArray(rest)) this.body.push(...rest);
    else {
      entry.pending = rest.then((r) => void this.body.push(...r));
      entry.pending.catch(() => {}); // handled: settleEntries still sees the failure
    }
    return entry;
  }
}

function dosDateTime(d: Date): { time: number; date: number } {
  const y = Math.min(2107, Math.max(1980, d.getFullYear()));
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((y - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

interface Prepared {
  nameBytes: Uint8Array;
  versionMadeBy: number;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  size: number;
  internalAttrs: number;
  externalAttrs: number;
  centralExtra: Uint8Array;
  localExtra: Uint8Array;
  comment: Uint8Array;
  /** Compressed bytes in pieces (a view into the source for copied entries). */
  body: Uint8Array[];
  compressedSize: number;
}

const NONE = new Uint8Array(0);
const MAX_U32 = 0xffffffff;

/**
 * Writes an archive of `entries` in the given order. Copied entries keep their compressed bytes,
 * CRC, sizes, timestamps, attributes, flags (minus the data-descriptor bit, since sizes are known)
 * and extra fields (minus zip64); new entries are deflated (stored when empty) and stamped `now`.
 * `compressor` defaults to defaultCompressor().
 */
export function writeZip(source: Uint8Array, entries: OutEntry[], opts: ZipOptions = {}): Uint8Array {
  return concatBytes(zipPieces(source, entries, opts));
}

export interface ZipOptions {
  comment?: Uint8Array;
  now?: Date;
  compressor?: Compressor;
}

/**
 * writeZip's archive as the pieces it is made of, in order — headers, the entries' compressed bytes
 * (views into `source` for copied entries), the central directory — for a caller that writes them
 * to a file one after another instead of joining them (issue 12: the district's 24 MB result
 * workbook is not copied once more at the end, where evaluate's memory peaked).
 */
export function zipPieces(source: Uint8Array, entries: OutEntry[], opts: ZipOptions = {}): Uint8Array[] {
  const { time, date } = dosDateTime(opts.now ?? new Date());
  const z = opts.compressor ?? defaultCompressor();
  const prepared = entries.map((e) => prepare(source, e, time, date, z));
  checkZipLimits(prepared);
  const pieces: Uint8Array[] = [];
  const offsets: number[] = [];
  let at = 0;
  for (const p of prepared) {
    offsets.push(at);
    const header = localHeader(p);
    pieces.push(header, ...p.body);
    at += header.length + p.compressedSize;
  }
  pieces.push(centralDirectory(prepared, offsets, at, opts.comment ?? NONE));
  return pieces;
}

function prepare(source: Uint8Array, e: OutEntry, time: number, date: number, z: Compressor): Prepared {
  if (e.kind === "copy") {
    const r = e.entry;
    return {
      nameBytes: r.nameBytes,
      versionMadeBy: r.versionMadeBy,
      flags: r.flags & ~0x0008,
      method: r.method,
      time: r.dosTime,
      date: r.dosDate,
      crc: r.crc,
      compressedSize: r.compressedSize,
      size: r.size,
      internalAttrs: r.internalAttrs,
      externalAttrs: r.externalAttrs,
      centralExtra: r.centralExtra,
      localExtra: r.localExtra,
      comment: r.comment,
      body: [source.subarray(r.dataStart, r.dataStart + r.compressedSize)],
    };
  }
  if (e.kind === "compressed" && e.pending !== undefined)
    throw new Error(`${e.name} is still being compressed: settleEntries first`);
  const c = e.kind === "compressed" ? e : compressEntry(e.name, e.data, e.fast === true, z);
  const nameBytes = encoder.encode(c.name);
  const ascii = nameBytes.length === c.name.length;
  return {
    nameBytes,
    versionMadeBy: 20,
    flags: ascii ? 0 : 0x0800,
    method: c.method,
    time,
    date,
    crc: c.crc,
    compressedSize: c.body.reduce((n, b) => n + b.length, 0),
    size: c.size,
    internalAttrs: 0,
    externalAttrs: 0,
    centralExtra: NONE,
    localExtra: NONE,
    comment: NONE,
    body: c.body,
  };
}

/** Refuses what would need a zip64 archive (which the package is not written as). */
function checkZipLimits(prepared: readonly Prepared[]): void {
  let localSize = 0;
  let centralSize = 0;
  for (const p of prepared) {
    if (p.size > MAX_U32 || p.compressedSize > MAX_U32)
      throw ledgerFileError("too-large", { size: p.size, reason: "a part of 4 GB or more" });
    localSize += 30 + p.nameBytes.length + p.localExtra.length + p.compressedSize;
    centralSize += 46 + p.nameBytes.length + p.centralExtra.length + p.comment.length;
  }
  if (prepared.length >= 0xffff || localSize + centralSize > MAX_U32)
    throw ledgerFileError("too-large", {
      size: localSize + centralSize,
      reason: "the result would need a zip64 archive",
    });
}

/** An entry's local header, its name and its local extra field. */
function localHeader(p: Prepared): Uint8Array {
  const out = new Uint8Array(30 + p.nameBytes.length + p.localExtra.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, SIG_LOCAL, true);
  dv.setUint16(4, 20, true);
  dv.setUint16(6, p.flags, true);
  dv.setUint16(8, p.method, true);
  dv.setUint16(10, p.time, true);
  dv.setUint16(12, p.date, true);
  dv.setUint32(14, p.crc, true);
  dv.setUint32(18, p.compressedSize, true);
  dv.setUint32(22, p.size, true);
  dv.setUint16(26, p.nameBytes.length, true);
  dv.setUint16(28, p.localExtra.length, true);
  out.set(p.nameBytes, 30);
  out.set(p.localExtra, 30 + p.nameBytes.length);
  return out;
}

/** The central directory and its end record, for entries whose local headers start at `offsets`. */
function centralDirectory(
  prepared: readonly Prepared[],
  offsets: readonly number[],
  cdStart: number,
  comment: Uint8Array,
): Uint8Array {
  let size = 22 + comment.length;
  for (const p of prepared) size += 46 + p.nameBytes.length + p.centralExtra.length + p.comment.length;
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  let q = 0;
  prepared.forEach((p, i) => {
    dv.setUint32(q, SIG_CENTRAL, true);
    dv.setUint16(q + 4, p.versionMadeBy, true);
    dv.setUint16(q + 6, 20, true);
    dv.setUint16(q + 8, p.flags, true);
    dv.setUint16(q + 10, p.method, true);
    dv.setUint16(q + 12, p.time, true);
    dv.setUint16(q + 14, p.date, true);
    dv.setUint32(q + 16, p.crc, true);
    dv.setUint32(q + 20, p.compressedSize, true);
    dv.setUint32(q + 24, p.size, true);
    dv.setUint16(q + 28, p.nameBytes.length, true);
    dv.setUint16(q + 30, p.centralExtra.length, true);
    dv.setUint16(q + 32, p.comment.length, true);
    dv.setUint16(q + 34, 0, true);
    dv.setUint16(q + 36, p.internalAttrs, true);
    dv.setUint32(q + 38, p.externalAttrs, true);
    dv.setUint32(q + 42, offsets[i], true);
    q += 46;
    out.set(p.nameBytes, q);
    q += p.nameBytes.length;
    out.set(p.centralExtra, q);
    q += p.centralExtra.length;
    out.set(p.comment, q);
    q += p.comment.length;
  });
  dv.setUint32(q, SIG_EOCD, true);
  dv.setUint16(q + 8, prepared.length, true);
  dv.setUint16(q + 10, prepared.length, true);
  dv.setUint32(q + 12, q, true);
  dv.setUint32(q + 16, cdStart, true);
  dv.setUint16(q + 20, comment.length, true);
  out.set(comment, q + 22);
  return out;
}

/** The compressed bytes of an entry as stored in `source` (for tests and diagnostics). */
export function rawBytes(source: Uint8Array, entry: RawZipEntry): Uint8Array {
  return source.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
}
