// ByteSink: the result sheets' XML is written as bytes (issue 12), so its UTF-8 must equal
// TextEncoder's for every string, and its pieces must join to exactly what was written.
import { asciiBytes, ByteSink, bytesOf } from "../../../src/hosts/xlsx/byte-sink";

const encoder = new TextEncoder();

function written(write: (out: ByteSink) => void): Uint8Array {
  const out = new ByteSink();
  write(out);
  return out.bytes();
}

/** A string of random UTF-16 code units, lone surrogates included. */
function randomString(rand: () => number, length: number): string {
  const ranges = [
    [0x20, 0x7f],
    [0x80, 0x7ff],
    [0x4e00, 0x9fff],
    [0xd800, 0xdbff], // high surrogates: paired below most of the time, alone sometimes
    [0xdc00, 0xdfff],
    [0xe000, 0xffff],
  ];
  let s = "";
  for (let i = 0; i < length; i++) {
    const [lo, hi] = ranges[Math.floor(rand() * ranges.length)];
    const c = lo + Math.floor(rand() * (hi - lo + 1));
    s += String.fromCharCode(c);
    if (c >= 0xd800 && c <= 0xdbff && rand() < 0.7)
      s += String.fromCharCode(0xdc00 + Math.floor(rand() * 1024));
  }
  return s;
}

function seeded(seed: number): () => number {
  let x = seed;
  return () => ((x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

describe("ByteSink", () => {
  test.each([
    ["ascii", "考评 abc <&>"],
    ["two-byte", "é ñ ß"],
    ["CJK", "先锋台账·五个好（2012年）"],
    ["astral pair", "𠀀 and 😀"],
    ["lone high surrogate at the end", "a\ud800"],
    ["lone high surrogate before text", "\ud83dx"],
    ["lone low surrogate", "x\ude00y"],
    ["reversed pair", "\ude00\ud83d"],
    ["empty", ""],
  ])("text() encodes %s as TextEncoder does", (_, s) => {
    expect(written((o) => o.text(s))).toEqual(encoder.encode(s));
  });

  test("text() equals TextEncoder on 500 random strings", () => {
    const rand = seeded(12);
    for (let i = 0; i < 500; i++) {
      const s = randomString(rand, Math.floor(rand() * 40));
      expect(Buffer.from(written((o) => o.text(s))).toString("hex")).toBe(
        Buffer.from(encoder.encode(s)).toString("hex"),
      );
    }
  });

  test("uint, ascii and raw write what they are given, short and long pieces alike", () => {
    const long = bytesOf("x".repeat(100) + "长");
    const got = written((o) => {
      o.uint(0);
      o.uint(7);
      o.uint(1048576);
      o.ascii(' s="3"');
      o.raw(bytesOf("<v>"));
      o.raw(long);
    });
    expect(new TextDecoder().decode(got)).toBe(`071048576 s="3"<v>${"x".repeat(100)}长`);
    expect(asciiBytes("A12")).toEqual(encoder.encode("A12"));
  });

  test("pieces are handed on at marks once they fill, never inside an element, and join to the whole", () => {
    const pieces: Uint8Array[] = [];
    const out = new ByteSink((p) => pieces.push(p));
    const expected: string[] = [];
    for (let i = 0; i < 60_000; i++) {
      const row = `<row r="${i + 1}"><c><t>党员${i}</t></c></row>`;
      out.text(row);
      expected.push(row);
      out.mark();
    }
    out.bytes();
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces.slice(0, -1)) expect(p.length).toBeGreaterThanOrEqual(1 << 20);
    const text = pieces.map((p) => new TextDecoder().decode(p));
    for (const t of text) expect(t.endsWith("</row>")).toBe(true); // each piece ends at a mark
    expect(text.join("")).toBe(expected.join(""));
  });

  test("a piece handed on is its own copy: writing on does not change it", () => {
    const pieces: Uint8Array[] = [];
    const out = new ByteSink((p) => pieces.push(p));
    out.ascii("a".repeat(1 << 20));
    out.mark();
    const first = Buffer.from(pieces[0]).toString();
    out.ascii("b".repeat(1 << 20));
    out.mark();
    expect(Buffer.from(pieces[0]).toString()).toBe(first);
    expect(pieces).toHaveLength(2);
  });

  test("bytes() without a sink returns everything once, then starts over", () => {
    const out = new ByteSink();
    out.ascii("x".repeat(3 << 20)); // grows past its first buffer
    out.mark();
    out.text("尾");
    const all = out.bytes();
    expect(all.length).toBe((3 << 20) + 3);
    expect(new TextDecoder().decode(all.subarray(all.length - 3))).toBe("尾");
    out.ascii("next");
    expect(new TextDecoder().decode(out.bytes())).toBe("next");
  });
});

test("lent pieces, copied as they come, join to what an owning sink receives; the view is reused after the call", () => {
  const write = (out: ByteSink) => {
    for (let i = 0; i < 40000; i++) {
      out.text(`<c r="A${i}"><t>党员${i}</t></c>`);
      out.mark();
    }
    return out.bytes();
  };
  const owned: Uint8Array[] = [];
  write(new ByteSink((p) => owned.push(p)));
  const lent: Uint8Array[] = [];
  const copies: Uint8Array[] = [];
  write(
    new ByteSink((p) => {
      lent.push(p);
      copies.push(p.slice());
    }, true),
  );
  expect(copies.length).toBeGreaterThan(1);
  expect(copies).toEqual(owned);
  // a lent view is the sink's own buffer: later pieces overwrite it
  expect(lent[0].buffer).toBe(lent[1].buffer);
  expect(lent[0]).not.toEqual(copies[0]);
});

test("rawView copies any range of another buffer, at any position, across a growth of the sink", () => {
  const src = new Uint8Array(64).map((_, i) => (i * 37 + 11) & 0xff);
  const view = new DataView(src.buffer);
  const expected: number[] = [];
  const out = new ByteSink();
  // a long first write makes the sink grow while ranges are copied after it
  const filler = new Uint8Array(3 * 1024 * 1024 + 3).fill(7);
  out.raw(filler);
  for (let s = 0; s < 12; s++)
    for (let len = 0; len <= 13; len++) {
      out.rawView(view, s, s + len);
      expected.push(...src.subarray(s, s + len));
      out.ascii("|"); // shifts the next copy's alignment
      expected.push(0x7c);
    }
  const bytes = out.bytes();
  expect(bytes.subarray(0, filler.length).every((b) => b === 7)).toBe(true);
  expect(Array.from(bytes.subarray(filler.length))).toEqual(expected);
});
