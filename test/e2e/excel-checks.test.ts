// 校验台账 and 考评 in Excel stay off the pane's thread (issue 12): Excel hands over no file, so the
// pane reads the workbook through Office.js and sends its Grids to the check worker in parts. No
// Excel runs here: scripts/excel-path (also the bench's) reads the district sample on a page's main
// thread before the watch starts — as Office.js would hand it over — then checks it through the
// pane's built worker while the Long Tasks API watches: 校验台账, again at another 检查基准日 (the
// kept worker, nothing sent), 考评 (the result sheets come back in parts for Excel's host to write),
// and the same check on the main thread, as Excel's pane did before. The counts match the engine's
// on the same file. The bound is far above what posting and receiving the parts leave (0–118 ms
// measured) and far below checking on the main thread (0.87–1.17 s), which the test shows it exceeds.
import { readFileSync } from "node:fs";
import { analyze } from "../../src/engine/analyze";
import { parseISO } from "../../src/engine/dates";
import { summarize } from "../../src/engine/findings";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { runExcelPath } from "../../scripts/excel-path/site.cjs";
import { startRig, stopRig, writeDistrictSample, type PreviewRig } from "./browser";

const BOUND_MS = 400;
const AS_OF = "2011-03-01";

jest.setTimeout(300_000);

let rig: PreviewRig;
let file: string;

beforeAll(async () => {
  file = writeDistrictSample("pl-e2e-excel-");
  rig = await startRig();
});

afterAll(() => stopRig(rig));

test("district sample read here, its Grids checked and scored in the worker: the main thread never blocked for long", async () => {
  const { validate, recheck, evaluate, here } = await runExcelPath(rig.browser, file, AS_OF);
  const wb = readXlsx(readFileSync(file));
  expect(validate.value).toEqual({ ...summarize(analyze(wb).findings), workers: 1 });
  // the kept worker, holding the Grids
  expect(recheck.value).toEqual({
    ...summarize(analyze(wb, { asOf: parseISO(AS_OF) }).findings),
    workers: 1,
  });
  expect(evaluate.value.sheets).toEqual(expect.arrayContaining(["考评结果-党员", "表彰名单", "未入选说明"]));
  expect(evaluate.value.rows).toBeGreaterThan(100_000); // the district's result rows came back whole
  console.log(
    `Excel path, district: 校验台账 ${validate.ms} ms (longest main-thread task ${validate.longest} ms), ` +
      `检查基准日 changed ${recheck.ms} ms (longest ${recheck.longest} ms), ` +
      `考评 ${evaluate.ms} ms (longest ${evaluate.longest} ms); checked on the main thread: a ${here.longest} ms task`,
  );
  expect(validate.longest).toBeLessThan(BOUND_MS);
  expect(recheck.longest).toBeLessThan(BOUND_MS);
  expect(evaluate.longest).toBeLessThan(BOUND_MS);
  expect(here.longest).toBeGreaterThan(BOUND_MS); // the bound tells the two apart
});
