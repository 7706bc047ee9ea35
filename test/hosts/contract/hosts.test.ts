// The host contract against both hosts, and both hosts reading the same real ledger identically.
import { writeSheetModels } from "../../../src/hosts/xlsx/write";
import { readXlsx } from "../../../src/hosts/xlsx/read";
import { generateLedger, SMALL_SAMPLE } from "../../../src/samples/generate";
import { makeOfficeHost, makePreviewHost } from "./adapters";
import { canon, hostContract } from "./host-contract";

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
});
