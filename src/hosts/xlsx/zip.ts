// A minimal ZIP reader over fflate's raw inflate: parses the central directory once, then
// decompresses one entry at a time on request, so a caller can drop a sheet's bytes before it asks
// for the next one (a large workbook is never held decompressed all at once).
import { inflateSync } from "fflate";
import { ledgerFileError } from "./errors";
import { nativeZlib, type InflateOptions } from "./native-zlib";

export interface ZipEntry {
  /** Name as stored (forward slashes, no leading slash). */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** Largest decompressed part accepted (a zip bomb guard; real sheets are far smaller). */
export const MAX_PART_BYTES = 1024 * 1024 * 1024;

const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

const utf8 = new TextDecoder("utf-8");

function u16(b: Uint8Array, p: number): number {
  return b[p] | (b[p + 1] << 8);
}
function u32(b: Uint8Array, p: number): number {
  return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16)) + b[p + 3] * 0x1000000;
}
function u64(b: Uint8Array, p: number): number {
  return u32(b, p) + u32(b, p + 4) * 0x100000000;
}

function corrupt(reason: string, cause?: unknown): Error {
  return ledgerFileError("corrupt", { reason, cause });
}

export class ZipArchive {
  readonly entries: ZipEntry[] = [];
  private readonly byName = new Map<string, ZipEntry>();

  constructor(private readonly data: Uint8Array) {
    const b = data;
    // End of central directory: 22 bytes + a comment of up to 65535 bytes, searched backwards.
    let eocd = -1;
    for (let p = b.length - 22, stop = Math.max(0, b.length - 22 - 65535); p >= stop; p--) {
      if (b[p] === 0x50 && b[p + 1] === 0x4b && b[p + 2] === 5 && b[p + 3] === 6) {
        eocd = p;
        break;
      }
    }
    if (eocd < 0) throw corrupt("no end of central directory (truncated zip)");
    let count = u16(b, eocd + 10);
    let cdSize = u32(b, eocd + 12);
    let cdOffset = u32(b, eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
      const loc = eocd - 20;
      if (loc >= 0 && u32(b, loc) === SIG_ZIP64_LOCATOR) {
        const z = u64(b, loc + 8);
        if (z + 56 > b.length || u32(b, z) !== SIG_ZIP64_EOCD) throw corrupt("bad zip64 end record");
        count = u64(b, z + 32);
        cdSize = u64(b, z + 40);
        cdOffset = u64(b, z + 48);
      }
    }
    if (cdOffset + cdSize > b.length) throw corrupt("central directory outside the file (truncated zip)");
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > b.length || u32(b, p) !== SIG_CENTRAL) throw corrupt("bad central directory entry");
      const flags = u16(b, p + 8);
      const method = u16(b, p + 10);
      let compressedSize = u32(b, p + 20);
      let size = u32(b, p + 24);
      const nameLen = u16(b, p + 28);
      const extraLen = u16(b, p + 30);
      const commentLen = u16(b, p + 32);
      let localHeaderOffset = u32(b, p + 42);
      const nameStart = p + 46;
      if (nameStart + nameLen + extraLen > b.length) throw corrupt("bad central directory entry");
      let name = utf8.decode(b.subarray(nameStart, nameStart + nameLen)).replace(/\\/g, "/");
      if (name.startsWith("/")) name = name.slice(1);
      // Zip64 extended information: the fields that are 0xFFFFFFFF follow in this order.
      if (size === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
        let e = nameStart + nameLen;
        const eEnd = e + extraLen;
        while (e + 4 <= eEnd) {
          const id = u16(b, e);
          const len = u16(b, e + 2);
          if (id === 1) {
            let q = e + 4;
            if (size === 0xffffffff) {
              size = u64(b, q);
              q += 8;
            }
            if (compressedSize === 0xffffffff) {
              compressedSize = u64(b, q);
              q += 8;
            }
            if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(b, q);
            break;
          }
          e += 4 + len;
        }
      }
      const entry: ZipEntry = { name, method, flags, compressedSize, size, localHeaderOffset };
      this.entries.push(entry);
      const key = name.toLowerCase();
      if (!this.byName.has(key)) this.byName.set(key, entry);
      p = nameStart + nameLen + extraLen + commentLen;
    }
  }

  /** Case-insensitive lookup (OPC part names are case-insensitive); a leading "/" is ignored. */
  get(name: string): ZipEntry | undefined {
    return this.byName.get((name.startsWith("/") ? name.slice(1) : name).toLowerCase());
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** Decompressed bytes of one entry. Throws LedgerFileError("corrupt" / "encrypted" / "too-large"). */
  read(entry: ZipEntry): Uint8Array {
    const raw = this.compressed(entry);
    if (entry.method === 0) return raw;
    let out: Uint8Array;
    try {
      const zlib = nativeZlib();
      out = zlib
        ? zlib.inflateRawSync(raw, inflateOptions(entry))
        : entry.size > 0
          ? inflateSync(raw, { out: new Uint8Array(entry.size) })
          : inflateSync(raw);
    } catch (e) {
      throw corrupt(`cannot decompress ${entry.name}`, e);
    }
    return checkedSize(entry, out);
  }

  /**
   * `read` on libuv's thread pool where Node's zlib exists (issue 12: the next sheet inflates on the
   * second core while this one is parsed); elsewhere `read` itself. Rejects as `read` throws.
   */
  readAhead(entry: ZipEntry): Promise<Uint8Array> {
    const zlib = nativeZlib();
    if (!zlib || entry.method !== 8) return new Promise((resolve) => resolve(this.read(entry)));
    return new Promise((resolve, reject) => {
      const raw = this.compressed(entry);
      zlib.inflateRaw(raw, inflateOptions(entry), (e, out) => {
        if (e) reject(corrupt(`cannot decompress ${entry.name}`, e));
        else
          try {
            resolve(checkedSize(entry, out));
          } catch (err) {
            reject(err);
          }
      });
    });
  }

  /** The entry's stored bytes, after the checks that need no decompressing. */
  private compressed(entry: ZipEntry): Uint8Array {
    const b = this.data;
    if (entry.flags & 1) throw ledgerFileError("encrypted");
    const h = entry.localHeaderOffset;
    if (h + 30 > b.length || u32(b, h) !== SIG_LOCAL) throw corrupt(`bad local header for ${entry.name}`);
    const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
    const end = start + entry.compressedSize;
    if (end > b.length) throw corrupt(`${entry.name} extends past the end of the file (truncated zip)`);
    if (entry.size > MAX_PART_BYTES)
      throw ledgerFileError("too-large", { size: entry.size, reason: entry.name });
    const raw = b.subarray(start, end);
    if (entry.method === 0 && entry.compressedSize !== entry.size)
      throw corrupt(`bad stored size for ${entry.name}`);
    if (entry.method !== 0 && entry.method !== 8)
      throw corrupt(`unsupported compression method ${entry.method} for ${entry.name}`);
    return raw;
  }
}

/**
 * Node's inflate options for an entry: the cap guards against a part whose header lies about its
 * size (a zip bomb); one output chunk of the recorded size means no chunk list to join (copy) at the end.
 */
function inflateOptions(entry: ZipEntry): InflateOptions {
  return {
    maxOutputLength: entry.size > 0 ? entry.size : MAX_PART_BYTES,
    chunkSize: entry.size > 0 ? Math.max(64, entry.size + 1) : 64 * 1024, // zlib's minimum is 64
  };
}

function checkedSize(entry: ZipEntry, out: Uint8Array): Uint8Array {
  if (entry.size > 0 && out.length !== entry.size) throw corrupt(`${entry.name} is shorter than recorded`);
  return out;
}
