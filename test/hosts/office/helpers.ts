// Shared set-up for the Office-host tests: a fake workbook, a host over it, and log queries.
import type { CellValue } from "../../../src/engine/grid";
import type { SheetModel } from "../../../src/report/sheet-model";
import { ExcelFake, type FakeOptions, type OpRecord } from "../../fakes/excel-fake";
import { officeHostOver } from "../contract/adapters";

export { officeHostOver };

/** A ledger-like sheet: header + `rows` data rows of `cols` columns (text IDs, names, numbers, dates). */
export function bigSheet(
  name: string,
  rows: number,
  cols = 8,
): { name: string; values: CellValue[][]; formats: (string | undefined)[][] } {
  const values: CellValue[][] = [Array.from({ length: cols }, (_, c) => `列${c + 1}`)];
  const formats: (string | undefined)[][] = [[]];
  for (let r = 0; r < rows; r++) {
    const row: CellValue[] = [];
    const fmt: (string | undefined)[] = [];
    for (let c = 0; c < cols; c++) {
      if (c === 0) row.push(`M${String(r).padStart(6, "0")}`);
      else if (c === 1) row.push(`党员${r % 997}`);
      else if (c === 2) {
        row.push(40000 + (r % 1000));
        fmt[c] = "yyyy-mm-dd";
      } else row.push((r * c) % 100);
    }
    values.push(row);
    formats.push(fmt);
  }
  return { name, values, formats };
}

export function newFake(o: Partial<FakeOptions> & { sheets?: FakeOptions["sheets"] } = {}): ExcelFake {
  return new ExcelFake({ sheets: [{ name: "党员", values: [["编号"], ["M001"]] }], ...o });
}

/** A result model with `rows` data rows (text, dates, numbers; the text columns hold formula-like text). */
export function bigModel(rows: number, name = "考评结果-党员"): SheetModel {
  const data: CellValue[][] = [];
  for (let i = 0; i < rows; i++)
    data.push([
      `M${String(i).padStart(6, "0")}`,
      `=党员${i}`,
      "2012-11-07",
      i % 100,
      0.5,
      `-${i}`,
      "历城区某某街道党工委第一党支部",
    ]);
  return {
    name,
    title: "考评结果",
    columns: [
      { header: "党员编号", format: "text" },
      { header: "姓名", format: "text" },
      { header: "日期", format: "date" },
      { header: "得分", format: "integer" },
      { header: "好评率", format: "percent" },
      { header: "备注", format: "text" },
      { header: "单位", format: "text" },
    ],
    rows: data,
    table: true,
    freezeHeader: true,
  };
}

export function opsOf(fake: ExcelFake, kind: string, sheet?: string): OpRecord[] {
  return fake.log.filter((o) => o.kind === kind && (sheet === undefined || o.sheet === sheet));
}
