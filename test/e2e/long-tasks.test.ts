// The pane stays responsive while a district-size ledger is checked (issue 12): in the browser
// preview, in Chromium, the district sample (≈ 205k rows, written by `sample --size district`) is
// opened, 校验台账 is run, the 检查基准日 changed and 考评 run, while the Long Tasks API watches the
// main thread. The reading and checking happen in the check worker (js/check-worker.js), the re-check
// at the new date and 考评's scoring and writing too — one worker, kept with the workbook it read on opening; the counts match the engine's on the same file at each date. The longest main-thread task is printed for docs/benchmarks.md: on this shared 2-core
// machine it measured 56–127 ms, so the test holds it to a bound that only work back on the main
// thread breaks (reading and checking there took 1.1–1.6 s), not to the 100 ms target itself.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../../src/engine/analyze";
import { summarize } from "../../src/engine/findings";
import { parseISO } from "../../src/engine/dates";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { RESULT_SHEETS } from "../../src/engine/schema";
import { startRig, stopRig, writeDistrictSample, type PreviewRig } from "./browser";

const ROOT = join(__dirname, "..", "..");
/** Far above what the worker leaves on the main thread, far below reading and checking there. */
const BOUND_MS = 400;

jest.setTimeout(300_000);

let rig: PreviewRig;
let file: string;

beforeAll(async () => {
  if (!existsSync(join(ROOT, "dist", "js", "check-worker.js")))
    throw new Error("dist/js/check-worker.js missing: npm run build:addin");
  file = writeDistrictSample("pl-e2e-district-");
  rig = await startRig();
});

afterAll(() => stopRig(rig));

interface Tasks {
  longest: number;
  count: number;
}

test("district sample: opened and checked in the check worker, the main thread never blocked for long", async () => {
  const page = await rig.browser.newPage({ viewport: { width: 380, height: 900 }, locale: "zh-CN" });
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(`${rig.server.url}/taskpane.html?office=0`);
  await page.getByText("浏览器预览：未连接 Excel").waitFor({ timeout: 60_000 });
  const take = () =>
    page.evaluate((): Tasks => {
      const w = window as unknown as { longTasks: number[] };
      const t = w.longTasks;
      w.longTasks = [];
      return { longest: Math.max(0, ...t), count: t.length };
    });
  await take(); // the pane's own start-up is not part of this

  await page.getByTestId("file-input").setInputFiles(file);
  await page.getByText(/已识别8\/8张台账表/).waitFor({ timeout: 240_000 });
  const opened = await take();
  await page.getByRole("tab", { name: "校验" }).click();
  await page.getByRole("button", { name: "校验台账" }).click();
  const counts = page.getByTestId("finding-counts");
  await counts.waitFor({ timeout: 240_000 });
  const checked = await take();
  const wb = readXlsx(readFileSync(file));
  const c = summarize(analyze(wb).findings);
  const shown = (n: typeof c) => `错误${n.error}条 · 警告${n.warning}条 · 提示${n.info}条`;
  expect(await counts.textContent()).toBe(shown(c));

  // another 检查基准日: checked again, in a worker as well
  const at = summarize(analyze(wb, { asOf: parseISO("2011-03-01") }).findings);
  expect(shown(at)).not.toBe(shown(c)); // the date makes a difference to see
  await page.getByRole("tab", { name: "概况" }).click();
  await page.getByLabel("检查基准日").fill("2011-03-01");
  await page.getByText(/检查基准日：2011-03-01/).waitFor({ timeout: 240_000 });
  await page.getByRole("tab", { name: "校验" }).click();
  await page.getByText(shown(at)).waitFor({ timeout: 240_000 });
  const rechecked = await take();

  // 考评: scored, built and written in the same worker (on the pane's thread: tasks of 1.5 s)
  await page.getByRole("tab", { name: "考评表彰" }).click();
  await page.getByRole("button", { name: "考评并生成表彰名单" }).click();
  await page.getByText(/已写入6张结果表/).waitFor({ timeout: 240_000 });
  const evaluated = await take();
  const viewerSheets = await page
    .getByRole("combobox", { name: "查看工作表" })
    .locator("option")
    .allTextContents();
  const { findings, orgScores, memberScores, commendations, notSelected, progress } = RESULT_SHEETS;
  const six = [findings, orgScores, memberScores, commendations, notSelected, progress];
  expect(viewerSheets).toEqual(expect.arrayContaining(six));
  console.log(
    `longest main-thread task: opening ${opened.longest} ms, 校验台账 ${checked.longest} ms, ` +
      `检查基准日 changed ${rechecked.longest} ms, 考评 ${evaluated.longest} ms`,
  );

  // one worker for the four steps: kept, with the workbook it read on opening (check-off-thread.ts)
  expect(workers.filter((u) => u.endsWith("js/check-worker.js")).length).toBe(1);
  expect(opened.longest).toBeLessThan(BOUND_MS);
  expect(checked.longest).toBeLessThan(BOUND_MS);
  expect(rechecked.longest).toBeLessThan(BOUND_MS);
  expect(evaluated.longest).toBeLessThan(BOUND_MS);
});
