// The 1904 date system, detected without the preview-only Workbook.use1904DateSystem: DATE(1904,1,1)
// through workbook.functions (ExcelApi 1.2+), else a date cell's displayed text (reading) or a probe
// cell on the hidden temporary sheet (writing).
import { date1904FromTexts } from "../../../src/hosts/office/date-system";
import { isoToSerial } from "../../../src/engine/dates";
import { newFake, officeHostOver, opsOf } from "./helpers";

const dateSheet = (date1904: boolean) => ({
  name: "党员",
  values: [
    ["编号", "入党日期"],
    ["M1", isoToSerial("2010-05-05", date1904)],
    ["M2", isoToSerial("2011-07-01", date1904)],
  ],
  formats: [[], [undefined, "yyyy-mm-dd"], [undefined, 'yyyy"年"m"月"d"日"']],
});

describe.each([false, true])("use1904 = %s", (use1904) => {
  test("ExcelApi 1.2+: DATE(1904,1,1) in the first sync, no extra round trip", async () => {
    const fake = newFake({ use1904, sheets: [dateSheet(use1904)] });
    const wb = await officeHostOver(fake).readWorkbook();
    expect(wb.date1904).toBe(use1904);
    expect(opsOf(fake, "function")).toHaveLength(1);
    expect(opsOf(fake, "function")[0].sync).toBe(1);
    expect(fake.syncCount).toBe(3);
  });

  test("ExcelApi 1.1: reading compares a date cell's text with its serial", async () => {
    const fake = newFake({ use1904, apiMinor: 1, sheets: [dateSheet(use1904)] });
    const wb = await officeHostOver(fake).readWorkbook();
    expect(wb.date1904).toBe(use1904);
    expect(opsOf(fake, "function")).toHaveLength(0);
    expect(wb.sheets[0].rows[1]).toEqual(["M1", isoToSerial("2010-05-05", use1904)]);
  });

  test("ExcelApi 1.1: writing probes a cell of the hidden temporary sheet, and dates land in the right system", async () => {
    const fake = newFake({ use1904, apiMinor: 1 });
    await officeHostOver(fake).writeSheets(
      [{ name: "校验结果", columns: [{ header: "日期", format: "date" }], rows: [["2012-11-07"]] }],
      { replace: ["校验结果"] },
    );
    const s = fake.sheet("校验结果");
    expect(s.value(1, 0)).toBe(isoToSerial("2012-11-07", use1904));
    expect(s.value(0, 0)).toBe("日期"); // the probe cell was overwritten by the header, nothing left over
    expect(fake.sheetNames).toEqual(["党员", "校验结果"]);
  });
});

test("date texts in common zh-CN and en-US formats decide the system; no date cells decide nothing", () => {
  const s1900 = isoToSerial("2012-11-07", false);
  expect(date1904FromTexts([{ serial: s1900, text: "2012/11/7" }])).toBe(false);
  expect(date1904FromTexts([{ serial: s1900, text: "2016年11月8日" }])).toBe(true);
  expect(date1904FromTexts([{ serial: s1900, text: "11/8/16" }])).toBe(true);
  expect(date1904FromTexts([{ serial: s1900, text: "7-Nov-12" }])).toBe(false);
  expect(date1904FromTexts([{ serial: s1900, text: "####" }])).toBeUndefined();
  expect(date1904FromTexts([])).toBeUndefined();
});
