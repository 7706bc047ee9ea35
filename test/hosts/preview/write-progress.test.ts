// The preview's writes in steps (issue 12): the progress names the sheet being written, counts up to
// the end, and a cancel between steps leaves the workbook as it was.
import { createPreviewHost } from "../../../src/hosts/preview";
import { blankWorkbook } from "../../../src/hosts/xlsx/blank-workbook";
import { patchWorkbook } from "../../../src/hosts/xlsx/patch";
import { ROWS_PER_STEP } from "../../../src/hosts/xlsx/sheet-writer";
import { CancelledError, type HostProgress } from "../../../src/hosts/host";
import type { SheetModel } from "../../../src/report/sheet-model";

function model(name: string, rows: number): SheetModel {
  return {
    name,
    columns: [{ header: "序号", format: "integer" }, { header: "说明" }],
    rows: Array.from({ length: rows }, (_, i) => [i, `第${i}行`]),
  };
}

/** A host whose every pause is a macrotask that also lets 5 ms pass, so the writer pauses after each step. */
function slowHost() {
  const ledger = patchWorkbook(blankWorkbook(), [model("党员", 3)], { replace: [] });
  return createPreviewHost(ledger, {
    yieldToUi: () => new Promise((r) => setTimeout(r, 5)),
    now: () => new Date(2012, 10, 7),
  });
}

test("the progress names each sheet as it is written and ends at the total", async () => {
  const host = slowHost();
  const events: HostProgress[] = [];
  const models = [model("考评结果-党员", 40 * ROWS_PER_STEP), model("表彰名单", 10)];
  await host.writeSheets(models, { replace: [], onProgress: (p) => events.push(p) });
  const writing = events.filter((e) => e.stage["zh-CN"].startsWith("写入“"));
  for (const e of writing) expect(["写入“考评结果-党员”表", "写入“表彰名单”表"]).toContain(e.stage["zh-CN"]);
  expect(writing[0].stage["zh-CN"]).toBe("写入“考评结果-党员”表");
  expect(writing[0]).toMatchObject({ done: 0, total: 41 });
  expect(writing.some((e) => e.done > 0 && e.stage["zh-CN"] === "写入“考评结果-党员”表")).toBe(true);
  expect(writing.map((e) => e.done)).toEqual([...writing.map((e) => e.done)].sort((a, b) => a - b));
  const last = events.at(-1)!;
  expect(last.done).toBe(last.total);
});

test("a cancel while a large sheet is being written: the workbook stays as it was", async () => {
  const host = slowHost();
  const before = host.toBytes();
  const ac = new AbortController();
  const write = host.writeSheets([model("考评结果-党员", 40 * ROWS_PER_STEP)], {
    replace: [],
    signal: ac.signal,
    onProgress: (p) => {
      if (p.done > 2) ac.abort();
    },
  });
  await expect(write).rejects.toBeInstanceOf(CancelledError);
  expect(host.toBytes()).toBe(before);
});
