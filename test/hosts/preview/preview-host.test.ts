// Preview-host specifics: in-place edits keep every other byte of the clerk's package, formulas
// replaced by a fix drop the calculation chain, shared-formula masters are refused, the view state for
// the pane's grid, and no static path from either host to ExcelJS (the task pane's first bundle).
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { HostError } from "../../../src/hosts/host";
import { createPreviewHost } from "../../../src/hosts/preview";
import { readXlsx } from "../../../src/hosts/xlsx/read";
import { decodeXml } from "../../../src/hosts/xlsx/xml-edit";
import { ZipArchive } from "../../../src/hosts/xlsx/zip";
import { buildXlsx } from "../xlsx/pkg";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STYLES =
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFFF0000"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>';
const SHEET =
  '<dimension ref="A1:C3"/><sheetData>' +
  '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><f>1+1</f><v>2</v></c><c r="C1" s="2" t="s"><v>1</v></c></row>' +
  '<row r="2" spans="1:3"><c r="A2"><f t="shared" ref="A2:A3" si="0">B1*2</f><v>4</v></c><c r="C2" s="1"/></row>' +
  '<row r="3" spans="1:3"><c r="A3"><f t="shared" si="0"/><v>4</v></c></row>' +
  "</sheetData>";

function pkg(): Uint8Array {
  return buildXlsx({
    sheets: [
      { name: "党员", xml: SHEET },
      { name: "其他", xml: '<sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData>' },
    ],
    sharedStrings: ["编号", "0531"],
    styles: STYLES,
    extra: {
      "[Content_Types].xml":
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
      "xl/_rels/workbook.xml.rels":
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/>` +
        `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdY" Type="${REL}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rIdC" Type="${REL}/calcChain" Target="calcChain.xml"/></Relationships>`,
      "xl/calcChain.xml":
        '<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B1" i="1"/><c r="A2" i="1"/></calcChain>',
      "customXml/item1.xml": "<clerk-data>留着我</clerk-data>",
    },
  });
}

function parts(bytes: Uint8Array): Map<string, string> {
  const zip = new ZipArchive(bytes);
  return new Map(zip.entries.map((e) => [e.name, decodeXml(zip.read(e))]));
}

test("highlight then clear gives back the sheet part byte for byte; other parts are never touched", async () => {
  const original = pkg();
  const host = createPreviewHost(original);
  await host.highlightCells(
    ["A1", "B1", "C1", "C2"].map((cell) => ({ sheet: "党员", cell })),
    "#FFEB9C",
  );
  const during = parts(host.bytes());
  expect(during.get("xl/worksheets/sheet1.xml")).toContain('r="B1" s="');
  expect(during.get("customXml/item1.xml")).toBe("<clerk-data>留着我</clerk-data>");
  await host.clearHighlights();
  const before = parts(original);
  const after = parts(host.bytes());
  expect(after.get("xl/worksheets/sheet1.xml")).toBe(before.get("xl/worksheets/sheet1.xml"));
  for (const name of [
    "xl/worksheets/sheet2.xml",
    "xl/sharedStrings.xml",
    "xl/calcChain.xml",
    "customXml/item1.xml",
  ])
    expect(after.get(name)).toBe(before.get(name));
});

test("a fix replacing a formula drops the calculation chain; values land; the rest is kept", async () => {
  const host = createPreviewHost(pkg());
  await host.applyFixes([
    { sheet: "党员", cell: "B1", value: 3, kind: "number" },
    { sheet: "党员", cell: "C1", value: 531, kind: "number" }, // a text-formatted cell: becomes General
    { sheet: "党员", cell: "D5", value: "2012-11-07", kind: "date" },
  ]);
  const p = parts(host.bytes());
  expect(p.has("xl/calcChain.xml")).toBe(false);
  expect(p.get("xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
  expect(p.get("[Content_Types].xml")).not.toContain("calcChain");
  expect(p.get("customXml/item1.xml")).toBe("<clerk-data>留着我</clerk-data>");
  const wb = readXlsx(host.bytes());
  const g = wb.sheets[0];
  expect(g.rows[0]).toEqual(["编号", 3, 531]);
  expect(g.formats?.[0]?.[2]).toBeUndefined();
  expect(g.rows[4]?.[3]).toBe(41220);
  expect(g.formats?.[4]?.[3]).toBe("yyyy-mm-dd");
  expect(g.rows[1]?.[0]).toBe(4); // the shared formula is untouched
});

test("the master of a shared formula is not overwritten (HostError, nothing changed)", async () => {
  const original = pkg();
  const host = createPreviewHost(original);
  await expect(
    host.applyFixes([{ sheet: "党员", cell: "A2", value: 1, kind: "number" }]),
  ).rejects.toBeInstanceOf(HostError);
  expect(host.bytes()).toBe(original);
});

test("the view tells the pane's grid what is selected and highlighted", async () => {
  const host = createPreviewHost(pkg());
  const seen: string[] = [];
  const off = host.subscribe(() => seen.push(JSON.stringify(host.view())));
  await host.selectCell({ sheet: "其他", cell: "a1" });
  expect(host.view()).toMatchObject({ activeSheet: "其他", selection: { sheet: "其他", cell: "A1" } });
  await host.highlightCells([{ sheet: "党员", cell: "C2" }], "#FFEB9C");
  expect(host.view()).toMatchObject({
    highlights: [{ sheet: "党员", cell: "C2" }],
    highlightColor: "#FFEB9C",
  });
  await host.activateSheet("党员");
  expect(host.view().selection).toBeUndefined();
  off();
  await host.clearHighlights();
  expect(host.view().highlights).toEqual([]);
  expect(seen.length).toBe(3);
  expect(host.toBytes()).toBe(host.bytes());
});

/** Static imports (not `import()`) reachable from a module. */
function staticImports(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const text = readFileSync(entry, "utf8");
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/gm)) {
    const spec = m[1];
    if (/^import\s+type\s|^export\s+type\s/.test(m[0].trim())) continue;
    if (!spec.startsWith(".")) {
      seen.add(`pkg:${spec}`);
      continue;
    }
    const base = resolve(dirname(entry), spec);
    for (const f of [`${base}.ts`, join(base, "index.ts")]) {
      try {
        readFileSync(f);
        staticImports(f, seen);
        break;
      } catch {
        // try the next form
      }
    }
  }
  return seen;
}

test.each(["src/hosts/preview/index.ts", "src/hosts/office/index.ts"])(
  "no static path from %s to ExcelJS",
  (entry) => {
    const reached = staticImports(resolve(__dirname, "../../..", entry));
    expect([...reached].filter((x) => x.includes("exceljs") || x.endsWith("xlsx/write.ts"))).toEqual([]);
    expect(reached.size).toBeGreaterThan(3);
  },
);

test("a stray cell at row 1,048,576 of a sheet claiming A1:XFD1048576 is read and highlighted as one row (§1.4)", async () => {
  const bytes = buildXlsx({
    sheets: [
      {
        name: "党员",
        xml:
          '<dimension ref="A1:XFD1048576"/><cols><col min="1" max="16384" width="9" style="0"/></cols><sheetData>' +
          '<row r="1"><c r="A1" t="inlineStr"><is><t>党员编号</t></is></c></row>' +
          '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>1</t></is></c><c r="XFD1048576" s="0"/></row>' +
          "</sheetData>",
      },
    ],
  });
  const host = createPreviewHost(bytes, { now: () => new Date(2012, 10, 7), yieldToUi: async () => {} });
  const t0 = performance.now();
  const wb = await host.readWorkbook();
  const g = wb.sheets[0];
  expect(g.rows[1_048_575]).toEqual(["1"]);
  expect(g.rows.filter((r) => r !== undefined)).toHaveLength(2);
  expect(g.rows[1_048_575]).toHaveLength(1); // the styled empty XFD cell is not a value
  await host.highlightCells([{ sheet: "党员", cell: "A1048576" }], "#FFFF00");
  expect(performance.now() - t0).toBeLessThan(5000);
});
