// The package reader of the contract (package-look.ts) on a hand-written package: every property it
// reports comes from the XML as written here, not from any writer of the app.
import { buildXlsx } from "../xlsx/pkg";
import { sheetLook, type SheetLook } from "./looks";
import { lookOfPackage } from "./package-look";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const STYLES =
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="16"/><name val="黑体"/><charset val="134"/></font></fonts>' +
  '<cellStyleXfs count="1"><xf numFmtId="49"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="49" fontId="1"/><xf numFmtId="164"/></cellXfs>';

const SHEET =
  '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
  '<sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
  '<cols><col min="1" max="2" width="12.5" customWidth="1"/><col min="4" max="4" width="40" customWidth="1"/></cols>' +
  "<sheetData>" +
  '<row r="1" ht="30" customHeight="1"><c r="A1" s="1" t="s"><v>0</v></c></row>' +
  '<row r="2" ht="15"><c r="A2" s="2"><v>41220</v></c><c r="B2" s="1" t="inlineStr"><is><t>=1+2</t></is></c><c r="C2"><f>1+2</f><v>3</v></c><c r="D2" s="1"/></row>' +
  "</sheetData>" +
  '<autoFilter ref="A2:D2"/>' +
  '<mergeCells count="1"><mergeCell ref="A1:D1"/></mergeCells>' +
  '<conditionalFormatting sqref="C3:C9"><cfRule type="cellIs" dxfId="0" priority="1" operator="equal"><formula>"说""好"""</formula></cfRule></conditionalFormatting>' +
  '<dataValidations count="3">' +
  '<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="输入有误" error="请选择" sqref="B3:B5 D3:D5"><formula1>"a,b"</formula1></dataValidation>' +
  '<dataValidation type="list" allowBlank="1" showInputMessage="1" promptTitle="提示" prompt="从列表选" sqref="C3:C4"><formula1>\'列 表\'!$A$1:$A$2</formula1></dataValidation>' +
  '<dataValidation type="list" allowBlank="1" showInputMessage="1" promptTitle="提示" prompt="从列表选" sqref="C5"><formula1>\'列 表\'!$A$1:$A$2</formula1></dataValidation>' +
  "</dataValidations>" +
  `<hyperlinks><hyperlink ref="B2" location="'表'!A1" display="x"/><hyperlink ref="A2" r:id="rId2"/></hyperlinks>` +
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
  '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
  "<headerFooter><oddHeader>&amp;C第 &amp;P 页&amp;RA&amp;&amp;B</oddHeader><oddFooter>&amp;L左</oddFooter></headerFooter>" +
  '<rowBreaks count="2" manualBreakCount="2"><brk id="9" max="16383" man="1"/><brk id="4" max="16383" man="1"/></rowBreaks>' +
  '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>';

function bytes(): Uint8Array {
  return buildXlsx({
    workbookPr: '<workbookPr date1904="1"/>',
    sharedStrings: ["标题"],
    styles: STYLES,
    definedNames: `<definedName name="_xlnm.Print_Titles" localSheetId="0">'表'!$2:$2</definedName><definedName name="_xlnm.Print_Titles" localSheetId="2">'其他'!$A:$A</definedName>`,
    sheets: [
      { name: "表", xml: SHEET },
      {
        name: "列 表",
        state: "hidden",
        xml: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="2"><c r="A2"><v>2</v></c></row></sheetData>',
      },
      { name: "其他", xml: '<sheetData/><pageSetup orientation="portrait"/>' },
    ],
    extra: {
      "xl/worksheets/_rels/sheet1.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/table" Target="../tables/table1.xml"/><Relationship Id="rId2" Type="${REL}/hyperlink" Target="#'表'!D9"/></Relationships>`,
      "xl/tables/table1.xml":
        '<?xml version="1.0"?><table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="T" displayName="T" ref="A2:D5"><autoFilter ref="A2:D5"/><tableColumns count="1"><tableColumn id="1" name="a"/></tableColumns></table>',
    },
  });
}

test("a hand-written package reads as written: cells, fonts, widths, heights, merges, drop-downs, panes, print, links, filters", () => {
  const look = lookOfPackage(bytes());
  expect(look.date1904).toBe(true);
  expect(look.sheets.map((s) => [s.name, s.hidden])).toEqual([
    ["表", false],
    ["列 表", true],
    ["其他", false],
  ]);
  const expected: SheetLook = {
    name: "表",
    hidden: false,
    cells: {
      A1: { value: "标题", format: "@", formula: false },
      A2: { value: 41220, format: "yyyy-mm-dd", formula: false },
      B2: { value: "=1+2", format: "@", formula: false },
      C2: { value: 3, format: "General", formula: true },
    },
    fonts: { A1: "黑体 16 bold", A2: "Calibri 11", B2: "黑体 16 bold", C2: "Calibri 11" },
    columnWidths: { A: 12.5, B: 12.5, D: 40 },
    rowHeights: { "1": 30 },
    merges: ["A1:D1"],
    dropDowns: [
      {
        col: "B",
        firstRow: 3,
        lastRow: 5,
        list: ["a", "b"],
        error: { title: "输入有误", message: "请选择", style: "stop" },
      },
      { col: "C", firstRow: 3, lastRow: 5, list: ["x", "2"], prompt: { title: "提示", message: "从列表选" } },
      {
        col: "D",
        firstRow: 3,
        lastRow: 5,
        list: ["a", "b"],
        error: { title: "输入有误", message: "请选择", style: "stop" },
      },
    ],
    freezeRows: 2,
    print: {
      paper: "A4",
      orientation: "landscape",
      fitToWidth: true,
      titleRows: "$2:$2",
      header: { center: "第 &P 页", right: "A&&B" },
      footer: { left: "左" },
      rowBreaks: [5, 10],
    },
    conditionals: [{ range: "C3:C9", equals: '说"好"' }],
    links: [
      { cell: "A2", target: "'表'!D9" },
      { cell: "B2", target: "'表'!A1" },
    ],
    table: "A2:D5",
    autoFilter: "A2:D2",
    charts: [],
  };
  expect(sheetLook(look, "表")).toEqual(expected);
  // no print setup: Letter, portrait, not fitted; a title-columns name is not title rows
  expect(sheetLook(look, "其他").print).toEqual({
    paper: "Letter",
    orientation: "portrait",
    fitToWidth: false,
    rowBreaks: [],
  });
});
