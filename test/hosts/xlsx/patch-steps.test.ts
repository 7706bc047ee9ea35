// The preview's writes in steps (patchWorkbookInSteps, issue 12): the same package as patchWorkbook,
// made a few thousand rows at a time with a pause in between; a pause that throws (a cancelled run)
// ends it with nothing returned; a damaged package is still a LedgerFileError.
import { blankWorkbook } from "../../../src/hosts/xlsx/blank-workbook";
import {
  patchStepCount,
  patchWorkbook,
  patchWorkbookInSteps,
  patchWorkbookSteps,
  sheetAtStep,
} from "../../../src/hosts/xlsx/patch";
import { ROWS_PER_STEP } from "../../../src/hosts/xlsx/sheet-writer";
import { readXlsx } from "../../../src/hosts/xlsx/read";
import { LedgerFileError } from "../../../src/hosts/xlsx/errors";
import { CancelledError } from "../../../src/hosts/host";
import type { SheetModel } from "../../../src/report/sheet-model";

const OPTS = { replace: [] as string[], now: new Date(2012, 10, 7, 9, 30) };
const BLANK = blankWorkbook();

function model(name: string, rows: number): SheetModel {
  return {
    name,
    title: `${name}（测试）`,
    columns: [
      { header: "支部" },
      { header: "序号", format: "integer" },
      { header: "得分", format: "decimal1" },
    ],
    rows: Array.from({ length: rows }, (_, i) => [`第${i % 97}支部`, i, (i * 7919) % 1000]),
    hyperlinks: [{ row: 3, col: 0, target: "'甲'!A1" }],
    freezeHeader: true,
  };
}

test("the same bytes as patchWorkbook, with a pause after every step of rows", async () => {
  const models = [model("甲", 3 * ROWS_PER_STEP + 7), model("乙", 10), model("丙", ROWS_PER_STEP)];
  let pauses = 0;
  const stepped = await patchWorkbookInSteps(BLANK, models, OPTS, async () => void pauses++, 0);
  expect(Buffer.from(stepped).equals(Buffer.from(patchWorkbook(BLANK, models, OPTS)))).toBe(true);
  expect(pauses).toBe(4 + 1 + 1); // a step per started thousand rows, per sheet
  expect(readXlsx(stepped).sheets.map((s) => s.rows.length)).toEqual([
    3 * ROWS_PER_STEP + 7 + 2,
    12,
    ROWS_PER_STEP + 2,
  ]);
});

test("run by hand (the preview's check worker, for its progress): the stops patchStepCount counts, the same bytes", () => {
  const models = [model("甲", 2 * ROWS_PER_STEP + 1), model("乙", 0), model("丙", 5)];
  const steps = patchWorkbookSteps(BLANK, models, OPTS);
  let stops = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) {
      expect(Buffer.from(r.value).equals(Buffer.from(patchWorkbook(BLANK, models, OPTS)))).toBe(true);
      break;
    }
    stops++;
  }
  expect(patchStepCount(models)).toBe(3 + 0 + 1);
  expect(stops).toBe(patchStepCount(models));
  // which sheet is being written after so many stops (an empty sheet has none)
  expect([0, 1, 2, 3, 4].map((k) => sheetAtStep(models, k)?.name)).toEqual(["甲", "甲", "甲", "丙", "丙"]);
});

test("pauses only after working for the slice: a long slice makes none", async () => {
  let pauses = 0;
  await patchWorkbookInSteps(
    BLANK,
    [model("甲", 5 * ROWS_PER_STEP)],
    OPTS,
    async () => void pauses++,
    60_000,
  );
  expect(pauses).toBe(0);
});

test("a pause that throws ends the patch: the error, nothing returned", async () => {
  let pauses = 0;
  const cancelled = patchWorkbookInSteps(
    BLANK,
    [model("甲", 5 * ROWS_PER_STEP)],
    OPTS,
    async () => {
      if (++pauses === 2) throw new CancelledError();
    },
    0,
  );
  await expect(cancelled).rejects.toBeInstanceOf(CancelledError);
  expect(pauses).toBe(2);
});

test("a damaged package is a LedgerFileError, an unusable model its own error", async () => {
  const damaged = BLANK.slice(0, BLANK.length - 30);
  await expect(patchWorkbookInSteps(damaged, [model("甲", 5)], OPTS, async () => {})).rejects.toBeInstanceOf(
    LedgerFileError,
  );
  await expect(
    patchWorkbookInSteps(BLANK, [model("a/b", 5)], OPTS, async () => {}),
  ).rejects.not.toBeInstanceOf(LedgerFileError);
});
