// The page of Excel's path (site.cjs; the e2e test test/e2e/excel-checks.test.ts and the bench's pane
// task): Excel hands the pane no file, so the pane reads the workbook (here: from an .xlsx, before
// the watch starts — in Excel, Office.js) and sends its Grids to the check worker (js/check-worker.js,
// as built for the pane). The page exposes functions that check the workbook that way, do 考评 that
// way, and check it on the main thread as Excel's pane did before.
import { checkGridsOffThread } from "../../src/app/check/check-grids-off-thread";
import { KeptWorker } from "../../src/app/check/check-off-thread";
import type { CheckWorker } from "../../src/app/check/check-protocol";
import { parseISO, todayDay } from "../../src/engine/dates";
import { summarize } from "../../src/engine/findings";
import type { Workbook } from "../../src/engine/grid";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { analyze } from "../../src/engine/analyze";
import { RESULT_SHEET_NAMES } from "../../src/engine/schema";

interface PageApi {
  read(url: string): Promise<number>;
  check(asOf?: string): Promise<{ error: number; warning: number; info: number; workers: number }>;
  /** The same check on this thread, as before (what the test's bound must tell apart). */
  checkHere(): Promise<number>;
  /** 考评 in the worker: the result sheets that came back (Excel's host would write them). */
  evaluate(): Promise<{ sheets: string[]; rows: number }>;
}

/**
 * `f` run in a task of the page's own: what DevTools' evaluate runs directly is not a task the Long
 * Tasks API reports.
 */
const inTask = <T>(f: () => T) => new Promise<T>((resolve) => setTimeout(() => resolve(f()), 0));

let workbook: Workbook | undefined;
let workers = 0;
const kept = new KeptWorker();
const off = {
  makeWorker: () => {
    workers++;
    return new Worker("js/check-worker.js") as unknown as CheckWorker;
  },
  kept,
};

const api: PageApi = {
  async read(url) {
    workbook = readXlsx(new Uint8Array(await (await fetch(url)).arrayBuffer()));
    return workbook.sheets.length;
  },
  async check(asOf) {
    await inTask(() => undefined); // from here on in the page's own tasks, which the Long Tasks API sees
    const day = asOf ? parseISO(asOf) : undefined;
    const done = await checkGridsOffThread(off, workbook!, day, todayDay(), {
      signal: new AbortController().signal,
    });
    if (!done) throw new Error("no worker checked it");
    return { ...summarize(done.analysis.findings), workers };
  },
  async evaluate() {
    await inTask(() => undefined);
    const order = { resultSheets: [...RESULT_SHEET_NAMES], lang: "zh-CN" as const, now: new Date() };
    const run = { signal: new AbortController().signal };
    const done = await checkGridsOffThread(off, workbook!, undefined, todayDay(), run, order);
    const models = done?.evaluated?.models;
    if (!models) throw new Error("no worker evaluated it");
    return { sheets: models.map((m) => m.name), rows: models.reduce((n, m) => n + m.rows.length, 0) };
  },
  checkHere() {
    return inTask(() => analyze(workbook!, { today: todayDay() }).findings.length);
  },
};
(window as unknown as { excelPath: PageApi }).excelPath = api;
