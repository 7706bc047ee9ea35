// The fast reader on hand-built packages: layouts real generators produce but the corpus lacks.
import { cellAt, formatAt } from "../../../src/engine/grid";
import { readXlsx } from "../../../src/hosts/xlsx/read";
import { buildXlsx } from "./pkg";

const STYLES =
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
  '<cellStyleXfs count="1"><xf numFmtId="49"/></cellStyleXfs>' +
  '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="49"/><xf numFmtId="2"/></cellXfs>';

describe("cells", () => {
  test("every cell type", () => {
    const wb = readXlsx(
      buildXlsx({
        sharedStrings: [
          "甲",
          "a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#20013;&#x6587;",
          "line_x000D__x000A_two",
        ],
        styles: STYLES,
        sheets: [
          {
            name: "S",
            xml:
              '<sheetData><row r="1">' +
              '<c r="A1" t="s"><v>0</v></c>' +
              '<c r="B1" t="s"><v>1</v></c>' +
              '<c r="C1" t="s"><v>2</v></c>' +
              '<c r="D1" t="inlineStr"><is><t>inline</t></is></c>' +
              '<c r="E1" t="inlineStr"><is><r><rPr><b/></rPr><t>ri</t></r><r><t xml:space="preserve">ch </t></r><rPh sb="0" eb="1"><t>PHON</t></rPh></is></c>' +
              '<c r="F1" t="str"><f>A1&amp;"x"</f><v>甲x</v></c>' +
              '<c r="G1" t="b"><v>1</v></c><c r="H1" t="b"><v>0</v></c>' +
              '<c r="I1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
              '<c r="J1" t="n"><v>-1.5E-3</v></c>' +
              '<c r="K1"><f>SUM(A2:A3)</f></c>' +
              '<c r="L1" s="1"><v>40303</v></c>' +
              '<c r="M1" t="d"><v>2010-05-05</v></c>' +
              '<c r="N1" t="d" s="2"><v>1900-01-01T12:00:00</v></c>' +
              '<c r="O1" s="3"><v>42</v></c>' +
              '<c r="P1" s="4"><v>3.14159</v></c>' +
              '<c r="Q1" s="9"><v>7</v></c>' +
              '<c r="R1" t="s"><v>99</v></c>' +
              '<c r="S1"><v>12,5</v></c>' +
              "</row></sheetData>",
          },
        ],
      }),
    );
    const s = wb.sheets[0];
    expect(s.rows[0]).toEqual([
      "甲",
      "a & b <c> \"d\" 'e' 中文",
      "line\r\ntwo",
      "inline",
      "rich ",
      "甲x",
      true,
      false,
      "#DIV/0!",
      -0.0015,
      null, // formula without a cached value is blank
      40303,
      40303,
      1.5,
      42,
      3.14159,
      7,
      null, // shared string index out of range
      "12,5", // not a number: kept as text
    ]);
    expect(formatAt(s, 0, 9)).toBeUndefined();
    expect(formatAt(s, 0, 11)).toBe("yyyy/m/d");
    expect(formatAt(s, 0, 12)).toBe("yyyy-mm-dd"); // t="d" in a General cell still reads as a date
    expect(formatAt(s, 0, 13)).toBe('yyyy"年"m"月"d"日"');
    expect(formatAt(s, 0, 14)).toBe("@");
    expect(formatAt(s, 0, 15)).toBe("0.00");
    expect(formatAt(s, 0, 16)).toBeUndefined(); // style index beyond cellXfs
    // one string instance per format
    expect(s.formats?.[0]?.[11]).toBe(formatAt(s, 0, 11));
  });

  test('t="d" converts to the 1904 system when the workbook uses it', () => {
    for (const pr of ['<workbookPr date1904="1"/>', '<workbookPr date1904="true"/>']) {
      const wb = readXlsx(
        buildXlsx({
          workbookPr: pr,
          sheets: [{ name: "S", xml: '<sheetData><row><c t="d"><v>2010-05-05</v></c></row></sheetData>' }],
        }),
      );
      expect(wb.date1904).toBe(true);
      expect(cellAt(wb.sheets[0], 0, 0)).toBe(40303 - 1462);
    }
  });

  test("cells and rows without r attributes are placed by counting", () => {
    const wb = readXlsx(
      buildXlsx({
        sheets: [
          {
            name: "S",
            xml:
              "<sheetData>" +
              "<row><c><v>1</v></c><c><v>2</v></c><c/><c><v>4</v></c></row>" +
              '<row><c r="C2"><v>3</v></c><c><v>4</v></c></row>' +
              '<row r="5"><c><v>5</v></c></row>' +
              "<row><c><v>6</v></c></row>" +
              "</sheetData>",
          },
        ],
      }),
    );
    expect(wb.sheets[0].rows).toEqual([[1, 2, null, 4], [null, null, 3, 4], undefined, undefined, [5], [6]]);
  });

  test("rows with only blank cells stay undefined; rows are not padded", () => {
    const wb = readXlsx(
      buildXlsx({
        sheets: [
          {
            name: "S",
            xml: '<sheetData><row r="1"><c r="A1" s="1"/><c r="B1"><v></v></c></row><row r="3"><c r="B3"><v>1</v></c><c r="Z3" s="2"/></row></sheetData>',
          },
        ],
      }),
    );
    expect(wb.sheets[0].rows).toEqual([undefined, undefined, [null, 1]]);
  });

  test("a stray cell far below the data keeps the sheet's rows in proportion to its content (§1.4)", () => {
    const data = Array.from(
      { length: 50 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    );
    const near = '<row r="900"><c r="A900"><v>900</v></c></row>';
    const stray = '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>1</t></is></c></row>';
    const wb = readXlsx(
      buildXlsx({ sheets: [{ name: "S", xml: `<sheetData>${data.join("")}${near}${stray}</sheetData>` }] }),
    );
    const rows = wb.sheets[0].rows;
    expect(rows).toHaveLength(1048576);
    expect(cellAt(wb.sheets[0], 1048575, 0)).toBe("1");
    expect(cellAt(wb.sheets[0], 899, 0)).toBe(900);
    expect(rows[500]).toBeUndefined();
    // a gap of a few hundred rows is padded (a packed array reads faster); a million rows are a hole
    expect(Object.keys(rows).length).toBe(900 + 1);
    expect(rows.filter((r) => r !== undefined)).toHaveLength(52);
  });

  test("namespace-prefixed SpreadsheetML (x:row, x:c) and CDATA", () => {
    const xml =
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t><![CDATA[a<b]]></x:t></x:is></x:c><x:c r="B1"><x:v>2</x:v></x:c></x:row>' +
      '</x:sheetData><x:mergeCells><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>';
    const wb = readXlsx(buildXlsx({ sheets: [{ name: "S", xml, raw: true }] }));
    expect(wb.sheets[0].rows).toEqual([["a<b", 2]]);
    expect(wb.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
  });

  test("rows of the same formats share them; a row read again gets its own before it changes", () => {
    const row = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;
    const dated = (r: number) => `<c r="A${r}" s="1"><v>40303</v></c><c r="B${r}" s="4"><v>2</v></c>`;
    const xml =
      "<sheetData>" +
      row(1, dated(1)) +
      row(2, dated(2)) +
      row(3, `<c r="A3" s="2"><v>40303</v></c>`) +
      row(4, dated(4)) +
      // row 1 again (duplicate row elements occur in files of other programs): a third cell
      row(1, `<c r="C1" s="4"><v>9</v></c>`) +
      // without r: placed by its first cell
      `<row><c r="A6" s="1"><v>40303</v></c><c r="B6" s="4"><v>3</v></c></row>` +
      "</sheetData>";
    const s = readXlsx(buildXlsx({ styles: STYLES, sheets: [{ name: "S", xml }] })).sheets[0];
    const f = s.formats!;
    expect(f[0]).toEqual(["yyyy/m/d", "0.00", "0.00"]);
    expect(f[1]).toEqual(["yyyy/m/d", "0.00"]);
    expect(f[2]).toEqual(['yyyy"年"m"月"d"日"']);
    expect(f[3]).toEqual(["yyyy/m/d", "0.00"]);
    expect(f[5]).toEqual(["yyyy/m/d", "0.00"]);
    expect(f[1]).toBe(f[3]); // shared
    expect(f[1]).toBe(f[5]);
    expect(f[0]).not.toBe(f[1]); // row 1 changed after rows 2 and 4 took its formats: they kept theirs
    expect(s.rows[0]).toEqual([40303, 2, 9]);
  });
});

describe("workbook", () => {
  test("names, order, hidden states, defined names, merges", () => {
    const wb = readXlsx(
      buildXlsx({
        sheets: [
          {
            name: "党员 &amp; 名册",
            xml: '<sheetData/><mergeCells count="2"><mergeCell ref="A1:H1"/><mergeCell ref="C3:B2"/></mergeCells>',
          },
          { name: "H", state: "hidden", xml: "<sheetData/>" },
          { name: "V", state: "veryHidden", xml: "<sheetData/>" },
        ],
        definedNames:
          '<definedName name="PL_TEMPLATE_VERSION">"1.0"</definedName><definedName name="Q">"say ""hi"""</definedName>' +
          '<definedName name="R">\'党员 &amp; 名册\'!$A$1</definedName><definedName name="L" localSheetId="0">1</definedName>' +
          '<definedName name="_xlnm._FilterDatabase" hidden="1">H!$A$1</definedName>',
      }),
    );
    expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["党员 & 名册", undefined],
      ["H", true],
      ["V", true],
    ]);
    expect(wb.sheets[0].merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 7 },
      { top: 1, left: 1, bottom: 2, right: 2 },
    ]);
    expect(wb.definedNames).toEqual({ PL_TEMPLATE_VERSION: "1.0", Q: 'say "hi"', R: "'党员 & 名册'!$A$1" });
    expect(wb.date1904).toBe(false);
  });

  test("workbook part found through _rels/.rels; absolute sheet targets", () => {
    const wb = readXlsx(
      buildXlsx({
        workbookPath: "book/main.xml",
        absoluteTargets: true,
        sharedStrings: ["ok"],
        sheets: [{ name: "S", xml: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>' }],
      }),
    );
    expect(cellAt(wb.sheets[0], 0, 0)).toBe("ok");
  });

  test("sheetFilter: only the chosen sheets are read", () => {
    const bytes = buildXlsx({
      sheets: [
        { name: "A", xml: "<sheetData><row><c><v>1</v></c></row></sheetData>" },
        { name: "B", xml: "<sheetData><row><c><v>2</v></c></row></sheetData>" },
      ],
    });
    expect(readXlsx(bytes, { sheetFilter: (n) => n === "B" }).sheets.map((s) => s.rows)).toEqual([[[2]]]);
  });
});

describe("broken XML is read as far as it goes, never hangs, never throws", () => {
  // [case, sheet XML, the rows read]: every cell that can still be recognised, pinned
  const cases: [string, string, unknown[]][] = [
    [
      "stray text and unknown tags",
      '<sheetData>junk<row r="1">&bogus;<c r="A1"><v>1</v></c><zz/><c r="B1"><v>2</v></c></row></sheetData>',
      [[1, 2]],
    ],
    [
      "unclosed cell (the cell that interrupts it is lost)",
      '<sheetData><row r="1"><c r="A1"><v>1</v><c r="B1"><v>2</v></c></row></sheetData>',
      [[1]],
    ],
    ["cut off mid-tag", '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" t="s', [[1]]],
    ["cut off mid-value", '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2', [[1, 2]]],
    [
      "unterminated quote",
      '<sheetData><row r="1"><c r="A1 t="s"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row></sheetData>',
      [[1], [2]],
    ],
    ["comment never closed", '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><!-- oops', [[1]]],
    [
      "lone <",
      '<sheetData><row r="1"><c r="A1"><v>1</v></c>< <c r="B1"><v>2</v></c></row></sheetData>',
      [[1, 2]],
    ],
  ];
  test.each(cases)("%s", (_name, xml, rows) => {
    const wb = readXlsx(buildXlsx({ sharedStrings: ["s"], sheets: [{ name: "S", xml }] }));
    expect(wb.sheets[0].rows).toEqual(rows);
  });

  test("references beyond Excel's limits are not padded out", () => {
    const xml =
      '<sheetData><row r="99999999999"><c r="ZZZZ1"><v>1</v></c></row>' +
      '<row r="2"><c r="B2"><v>2</v></c><c r="XFE2"><v>3</v></c></row><row r="3"><c r="A3"><v>4</v></c></row></sheetData>' +
      '<mergeCells><mergeCell ref="A1:A9999999"/><mergeCell ref="A1:B2"/></mergeCells>';
    const s = readXlsx(buildXlsx({ sheets: [{ name: "S", xml }] })).sheets[0];
    expect(s.rows).toEqual([undefined, [null, 2], [4]]);
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 1 }]);
  });
});

describe("formulas (ledger-format §1.4)", () => {
  test("a formula without a cached <v> is marked uncalculated; with one, cached; plain cells are not marked", () => {
    const wb = readXlsx(
      buildXlsx({
        sheets: [
          {
            name: "S",
            xml:
              '<dimension ref="A1:XFD1048576"/><sheetData>' +
              '<row r="1"><c r="A1"><f>SUM(B1:C1)</f></c><c r="B1" t="str"><f>""</f><v></v></c><c r="C1"><v>0</v></c></row>' +
              '<row r="2"><c r="A2"><f t="shared" ref="A2:A3" si="0">B2*2</f><v>0</v></c></row>' +
              '<row r="3"><c r="A3"><f t="shared" si="0"/></c></row>' +
              "</sheetData>",
          },
        ],
      }),
    );
    const g = wb.sheets[0];
    expect(g.formulas?.[0]).toEqual(["uncalculated", "cached"]);
    expect(g.formulas?.[1]).toEqual(["cached"]);
    expect(g.formulas?.[2]).toEqual(["uncalculated"]);
    expect(cellAt(g, 0, 0)).toBeNull();
    expect(cellAt(g, 0, 2)).toBe(0);
    expect(g.rows).toHaveLength(2); // row 3 holds no value: not padded to the dimension
  });
});
