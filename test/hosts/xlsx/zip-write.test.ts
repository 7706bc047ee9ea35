// The zip rewriter: raw copies keep their compressed bytes; new entries are deflated; the result is a
// plain archive any reader accepts, whatever the input used (stored, data descriptors, zip64).
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { LedgerFileError } from "../../../src/hosts/xlsx/errors";
import { ZipArchive } from "../../../src/hosts/xlsx/zip";
import {
  crc32,
  defaultCompressor,
  EntryStream,
  FFLATE,
  rawBytes,
  readRawZip,
  writeZip,
  zipPieces,
} from "../../../src/hosts/xlsx/zip-write";
import { toZip64 } from "./patch-helpers";

function random(n: number, seed = 1): Uint8Array {
  const b = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

/** The archive with an end-of-archive comment (fflate's `comment` option is per entry). */
function withArchiveComment(zip: Uint8Array, comment: string): Uint8Array {
  const c = strToU8(comment);
  const out = new Uint8Array(zip.length + c.length);
  out.set(zip);
  out.set(c, zip.length);
  out[zip.length - 2] = c.length & 0xff;
  out[zip.length - 1] = c.length >> 8;
  return out;
}

const zipped = zipSync(
  {
    "a.xml": [strToU8("<a>" + "x".repeat(1000) + "</a>"), { level: 9 }],
    "stored.bin": [random(300), { level: 0 }],
    "目录/中文.xml": strToU8("<中/>"),
    "empty.txt": new Uint8Array(0),
    "dir/": new Uint8Array(0),
  },
  { comment: "entry comment" },
);
const source = withArchiveComment(zipped, "archive comment");

test("crc32: the check value, and the CRCs fflate records", () => {
  expect(crc32(strToU8("123456789"))).toBe(0xcbf43926);
  const sizes = [0, 1, 7, 8, 9, 1000, 1 << 20];
  const files = Object.fromEntries(sizes.map((n) => [`f${n}`, random(n, n + 3)]));
  const raw = readRawZip(zipSync(files, { level: 0 }));
  for (const e of raw.entries) {
    expect(crc32(files[e.name])).toBe(e.crc);
    expect(defaultCompressor().crc32(files[e.name])).toBe(e.crc);
  }
});

test("copied entries keep their bytes, names, flags and the archive comment", () => {
  const zip = new ZipArchive(source);
  const raw = readRawZip(source, zip);
  const out = writeZip(
    source,
    raw.entries.map((entry) => ({ kind: "copy" as const, entry })),
    { comment: raw.comment },
  );
  const again = readRawZip(out);
  expect(again.entries.map((e) => [e.name, e.method, e.flags, e.crc, e.size])).toEqual(
    raw.entries.map((e) => [e.name, e.method, e.flags & ~8, e.crc, e.size]),
  );
  again.entries.forEach((e, i) =>
    expect(Buffer.from(rawBytes(out, e))).toEqual(Buffer.from(rawBytes(source, raw.entries[i]))),
  );
  expect(strFromU8(again.comment)).toBe("archive comment");
  expect(again.entries.map((e) => strFromU8(e.comment))).toEqual(raw.entries.map(() => "entry comment"));
  const files = unzipSync(out);
  expect(strFromU8(files["目录/中文.xml"])).toBe("<中/>");
  expect(files["stored.bin"]).toEqual(random(300));
  expect(files["empty.txt"].length).toBe(0);
});

test("new entries are deflated by either compressor and read back by fflate", () => {
  const data = strToU8("<x>" + "数据".repeat(5000) + "</x>");
  for (const compressor of [FFLATE, defaultCompressor()]) {
    const out = writeZip(
      new Uint8Array(0),
      [
        { kind: "new", name: "big.xml", data, fast: true },
        { kind: "new", name: "small.xml", data: strToU8("<s/>") },
        { kind: "new", name: "empty.xml", data: new Uint8Array(0) },
        { kind: "new", name: "名字.xml", data: strToU8("<n/>") },
      ],
      { compressor, now: new Date(2012, 10, 8, 9, 30, 12) },
    );
    const files = unzipSync(out);
    expect(files["big.xml"]).toEqual(data);
    expect(strFromU8(files["small.xml"])).toBe("<s/>");
    expect(files["empty.xml"].length).toBe(0);
    expect(strFromU8(files["名字.xml"])).toBe("<n/>");
    const raw = readRawZip(out);
    expect(raw.entries.map((e) => e.method)).toEqual([8, 8, 0, 8]);
    expect(raw.entries[3].flags & 0x800).toBe(0x800);
    expect(raw.entries[0].dosDate).toBe(((2012 - 1980) << 9) | (11 << 5) | 8);
    expect(raw.entries[0].compressedSize).toBeLessThan(data.length / 10);
  }
});

test("zip64 records and data descriptors are read, and written out as a plain archive", () => {
  const z64 = toZip64(source);
  const raw64 = readRawZip(z64);
  const raw = readRawZip(source);
  expect(raw64.entries.map((e) => [e.name, e.crc, e.size, e.compressedSize])).toEqual(
    raw.entries.map((e) => [e.name, e.crc, e.size, e.compressedSize]),
  );
  expect(raw64.entries[0].localExtra.length).toBe(0); // the zip64 field is dropped
  const out = writeZip(
    z64,
    raw64.entries.map((entry) => ({ kind: "copy" as const, entry })),
  );
  expect(Buffer.from(out).indexOf(Buffer.from([0x50, 0x4b, 6, 6]))).toBe(-1);
  expect(Buffer.from(out).indexOf(Buffer.from([0x50, 0x4b, 7, 8]))).toBe(-1);
  expect(unzipSync(out)["a.xml"]).toEqual(unzipSync(source)["a.xml"]);
});

test("an encrypted entry is refused as encrypted", () => {
  const b = new Uint8Array(source);
  const cd = Buffer.from(b).indexOf(Buffer.from([0x50, 0x4b, 1, 2]));
  b[cd + 8] |= 1;
  expect(() => readRawZip(b)).toThrow(LedgerFileError);
  try {
    readRawZip(b);
  } catch (e) {
    expect((e as LedgerFileError).code).toBe("encrypted");
  }
});

test("an entry compressed piece by piece reads back whole, with the CRC of all its bytes, by either compressor", () => {
  const pieces = [0, 1, 2, 3].map((i) => strToU8(`<p${i}>` + `数据${i}`.repeat(20000 + i) + `</p${i}>`));
  const whole = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  pieces.reduce((at, p) => (whole.set(p, at), at + p.length), 0);
  for (const compressor of [FFLATE, defaultCompressor()]) {
    const stream = new EntryStream("sheet.xml", true, compressor);
    for (const p of pieces) stream.push(p);
    stream.push(new Uint8Array(0));
    const entry = stream.finish();
    expect(entry.size).toBe(whole.length);
    expect(entry.crc).toBe(crc32(whole));
    expect(entry.body.reduce((n, b) => n + b.length, 0)).toBeLessThan(whole.length / 10);
    const files = unzipSync(writeZip(new Uint8Array(0), [entry], { compressor }));
    expect(files["sheet.xml"]).toEqual(whole);
    // nothing pushed: an empty, stored entry
    const empty = new EntryStream("empty.xml", true, compressor).finish();
    expect(empty.size).toBe(0);
    expect(unzipSync(writeZip(new Uint8Array(0), [empty], { compressor }))["empty.xml"].length).toBe(0);
  }
});

test("crc32 continues over pieces as over the whole", () => {
  const a = strToU8("先锋台账".repeat(1000));
  const b = strToU8('<row r="1"/>'.repeat(77));
  const ab = new Uint8Array([...a, ...b]);
  expect(crc32(b, crc32(a))).toBe(crc32(ab));
  expect(defaultCompressor().crc32(b, defaultCompressor().crc32(a))).toBe(crc32(ab));
});

test("zipPieces is writeZip's archive in pieces: joined, the same bytes; an entry's pieces are not joined", () => {
  const source = zipSync({ "a.xml": strToU8("<a/>".repeat(500)), "b.bin": random(3000) });
  const raw = readRawZip(source);
  const stream = new EntryStream("s.xml", true, defaultCompressor());
  const texts = [0, 1, 2].map((i) => `<p${i}>` + "单元格".repeat(400000) + `</p${i}>`);
  for (const text of texts) stream.push(strToU8(text));
  const streamed = stream.finish();
  const entries = [
    { kind: "copy" as const, entry: raw.entries[1] },
    streamed,
    { kind: "new" as const, name: "新.xml", data: strToU8("<x/>") },
    { kind: "copy" as const, entry: raw.entries[0] },
  ];
  const now = new Date(2012, 10, 7, 8, 0, 0);
  const pieces = zipPieces(source, entries, { now, comment: strToU8("c") });
  const joined = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  pieces.reduce((at, p) => (joined.set(p, at), at + p.length), 0);
  expect(joined).toEqual(writeZip(source, entries, { now, comment: strToU8("c") }));
  for (const piece of streamed.body) expect(pieces).toContain(piece);
  expect(streamed.body.length).toBeGreaterThan(1);
  const files = unzipSync(joined);
  expect(Object.keys(files)).toEqual(["b.bin", "s.xml", "新.xml", "a.xml"]);
  expect(files["b.bin"]).toEqual(unzipSync(source)["b.bin"]);
  expect(strFromU8(files["s.xml"])).toBe(texts.join(""));
});
