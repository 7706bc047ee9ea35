// The sheet reader reads the usual cell (`<c r=".." s=".." t=".."><v>..</v></c>`) without its general
// XML scanner (issue 12). Property: a sheet spelled the usual way reads exactly like the same sheet
// spelled so that only the general scanner can read it — whitespace between the tags and around `=`,
// a longer attribute, a namespace prefix — for any cells.
import fc from "fast-check";
import { readSheetXml, sheetTexts, type SheetContext } from "../../../src/hosts/xlsx/sheet-xml";
import { columnLetters } from "../../../src/engine/grid";

interface Cell {
  col: number;
  /** Written without `r` (placed by counting). */
  noRef: boolean;
  style: number;
  type: "n" | "s" | "str" | "b" | "e" | "d" | "none";
  value: string;
  quote: '"' | "'";
}

const TEXTS = ["甲", "a &amp; b", "&lt;x&gt;", "", " 1 ", "x_x000D_y", "&#20013;", "中文 text"];
const NUMBERS = ["0", "-1.5E-3", "42", "40303", "3.14159", "1e3", "abc", ""];

const cell: fc.Arbitrary<Cell> = fc.record({
  col: fc.integer({ min: 0, max: 30 }),
  noRef: fc.boolean(),
  style: fc.integer({ min: 0, max: 4 }),
  type: fc.constantFrom("n", "s", "str", "b", "e", "d", "none"),
  value: fc.oneof(fc.constantFrom(...TEXTS, ...NUMBERS, "1", "2010-05-05"), fc.string({ maxLength: 6 })),
  quote: fc.constantFrom('"', "'"),
});

/** Escapes what would end the value early; the property is about the tags, not about entities. */
function safe(v: string): string {
  return v.replace(/[<&]/g, (c) => (c === "<" ? "&lt;" : "&amp;")).replace(/&amp;(amp|lt|gt|#\d+);/g, "&$1;");
}

type Spelling = "usual" | "spaced" | "extra-attribute" | "prefixed";

function cellXml(row: number, c: Cell, how: Spelling): string {
  const q = c.quote;
  const p = how === "prefixed" ? "x:" : "";
  const eq = how === "spaced" ? " = " : "=";
  const attrs: string[] = [];
  if (!c.noRef) attrs.push(`r${eq}${q}${columnLetters(c.col)}${row + 1}${q}`);
  if (c.style !== 0) attrs.push(`s${eq}${q}${c.style}${q}`);
  if (c.type !== "none") attrs.push(`t${eq}${q}${c.type}${q}`);
  if (how === "extra-attribute") attrs.push('cm="1"');
  const gap = how === "spaced" ? "\n  " : "";
  const open = `<${p}c${attrs.map((a) => " " + a).join("")}>`;
  return `${open}${gap}<${p}v>${safe(c.value)}</${p}v>${gap}</${p}c>`;
}

function sheetXml(rows: Cell[][], how: Spelling): string {
  const p = how === "prefixed" ? "x:" : "";
  const body = rows
    .map((cells, r) => `<${p}row r="${r + 1}">${cells.map((c) => cellXml(r, c, how)).join("")}</${p}row>`)
    .join("");
  return `<${p}worksheet><${p}sheetData>${body}</${p}sheetData></${p}worksheet>`;
}

function context(): SheetContext {
  return {
    sharedStrings: ["甲", "乙", ""],
    cellFormats: [undefined, "yyyy/m/d", "0.00", "@", "0%"],
    date1904: false,
    intern: new Map(),
    texts: sheetTexts(),
  };
}

function read(xml: string) {
  return readSheetXml(new TextEncoder().encode(xml), context());
}

describe("the sheet reader's fast path", () => {
  const rows = fc.array(fc.array(cell, { maxLength: 8 }), { minLength: 1, maxLength: 6 });

  test.each(["spaced", "extra-attribute", "prefixed"] as const)(
    "reads any cells as the general scanner does (%s spelling)",
    (how) => {
      fc.assert(
        fc.property(rows, (r) => {
          expect(read(sheetXml(r, "usual"))).toEqual(read(sheetXml(r, how)));
        }),
        { numRuns: 300 },
      );
    },
  );

  test("the usual spelling reads the values (the property is not comparing two empty sheets)", () => {
    const got = read(
      sheetXml([[{ col: 1, noRef: false, style: 1, type: "none", value: "40303", quote: "'" }]], "usual"),
    );
    expect(got.rows).toEqual([[null, 40303]]);
    expect(got.formats[0]).toEqual([undefined, "yyyy/m/d"]);
    const texts = read(
      '<sheetData><row r="2"><c r="C2" t="str"><v>a &amp; b</v></c><c t="s"><v>1</v></c></row></sheetData>',
    );
    expect(texts.rows).toEqual([undefined, [null, null, "a & b", "乙"]]);
  });

  test("a cell cut off inside its value or its end tags is read as far as it goes", () => {
    expect(read('<sheetData><row r="1"><c r="A1"><v>12</v></c><c r="B1"><v>3').rows).toEqual([[12, 3]]);
    expect(read('<sheetData><row r="1"><c r="A1"><v>12</v></').rows).toEqual([[12]]);
    expect(read('<sheetData><row r="1"><c r="A1" t="str"><v>ab').rows).toEqual([["ab"]]);
  });
});
