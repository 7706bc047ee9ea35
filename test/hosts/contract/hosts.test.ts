// The host contract against both hosts, and both hosts reading the same real ledger identically.
import { writeSheetModels } from "../../../src/hosts/xlsx/write";
import { readXlsx } from "../../../src/hosts/xlsx/read";
import { generateLedger, SMALL_SAMPLE } from "../../../src/samples/generate";
import { templateModels } from "../../../src/report/template";
import { makeOfficeHost, makePreviewHost } from "./adapters";
import { canon, hostContract } from "./host-contract";
import { dropDownLists } from "./looks";

hostContract("Office.js host over the Excel fake", makeOfficeHost);
hostContract("browser-preview host over .xlsx bytes", makePreviewHost);

describe("both hosts, the same workbook", () => {
  test("the sample ledger reads to the same Grids in both hosts (and as the file reader reads it)", async () => {
    const bytes = await writeSheetModels(generateLedger(SMALL_SAMPLE).models, {
      definedNames: { PL_TEMPLATE_VERSION: "1.0" },
    });
    const book = readXlsx(bytes);
    const office = await makeOfficeHost({ book });
    const preview = await makePreviewHost({ book });
    const a = canon(await office.host.readWorkbook());
    const b = canon(await preview.host.readWorkbook());
    expect(a).toEqual(b);
    expect(a).toEqual(canon(book));
    expect(a.sheets.length).toBeGreaterThanOrEqual(8);
  });

  test("addMissingSheets(template) gives the same drop-down lists (per sheet, per column) in both hosts", async () => {
    const book = { date1904: false, sheets: [{ name: "备注", rows: [["说明"]], merges: [] }] };
    const { models } = templateModels();
    const names = models.map((m) => m.name);
    const office = await makeOfficeHost({ book });
    const preview = await makePreviewHost({ book });
    await office.host.addMissingSheets(models);
    await preview.host.addMissingSheets(models);
    const a = dropDownLists(await office.inspect.look(), names);
    const b = dropDownLists(await preview.inspect.look(), names);
    expect(a).toEqual(b);
    expect(Object.values(b).flatMap((cols) => Object.keys(cols)).length).toBeGreaterThanOrEqual(8);
  });
});
