/* global window, document, PerformanceObserver -- the functions passed to page.evaluate run in the page */
// `npm run bench` task "pane" (issue 12): the browser preview validating the district sample in
// Chromium, with the Long Tasks API watching the main thread. Needs `npm run build:addin` (dist/)
// and /usr/bin/chromium. Prints one JSON line: the longest main-thread task, the sum and count of
// tasks over 50 ms, while opening the file, while 校验台账 runs and while the 检查基准日 is changed
// (checked again), while 考评并生成表彰名单 scores it and writes its result sheets, and how many
// check workers did the work. Given the district's units' files as a
// second argument, also while 汇总报送 reads them and while 生成全区汇总 writes the district's sheets.
// Then Excel's path (scripts/excel-path): the Grids read on the main thread and sent to the worker
// for 校验台账, the re-check and 考评, and the same check on the main thread for comparison.
import { chromium } from "playwright-core";
import { createRequire } from "module";
import { readdirSync } from "fs";
import { join } from "path";

const require = createRequire(import.meta.url);
const { startPreviewServer } = require("./preview-server.cjs");
const { runExcelPath } = require("./excel-path/site.cjs");
const file = process.argv[2];
/** The district split into its units' files (`sample --split-by-unit`): 汇总报送 is measured too. */
const split = process.argv[3];
const server = await startPreviewServer({ port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.PL_CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
try {
  const page = await browser.newPage({ viewport: { width: 380, height: 900 }, locale: "zh-CN" });
  const workers = [];
  page.on("worker", (w) => workers.push(w.url()));
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(`${server.url}/taskpane.html?office=0`);
  await page.getByText("浏览器预览：未连接 Excel").waitFor({ timeout: 60_000 });
  const take = () =>
    page.evaluate(() => {
      const t = window.__longTasks;
      window.__longTasks = [];
      return { longest: Math.max(0, ...t), total: t.reduce((a, b) => a + b, 0), count: t.length };
    });
  await take();
  const t0 = Date.now();
  await page.getByTestId("file-input").setInputFiles(file);
  await page.getByText(/已识别8\/8张台账表/).waitFor({ timeout: 300_000 });
  const open = { ...(await take()), ms: Date.now() - t0 };
  await page.getByRole("tab", { name: "校验" }).click();
  const t1 = Date.now();
  await page.getByRole("button", { name: "校验台账" }).click();
  await page.getByTestId("finding-counts").waitFor({ timeout: 300_000 });
  const validate = { ...(await take()), ms: Date.now() - t1 };
  const shown = await page.getByTestId("finding-counts").textContent();
  await page.getByRole("tab", { name: "概况" }).click();
  const t2 = Date.now();
  await page.getByLabel("检查基准日").fill("2011-03-01");
  await page.getByText(/检查基准日：2011-03-01/).waitFor({ timeout: 300_000 });
  await page.getByRole("tab", { name: "校验" }).click();
  await page.waitForFunction(
    (before) => document.querySelector('[data-testid="finding-counts"]')?.textContent !== before,
    shown,
    { timeout: 300_000 },
  );
  const recheck = { ...(await take()), ms: Date.now() - t2 };
  const evaluate = await evaluateLedger(page, take);
  const compile = split ? await compileDistrict(page, take) : undefined;
  await page.close();
  const excel = await runExcelPath(browser, file, "2011-03-01");
  process.stdout.write(
    JSON.stringify({
      task: "pane",
      open,
      validate,
      recheck,
      evaluate,
      compile,
      excel,
      workers: workers.length,
    }) + "\n",
  );
} finally {
  await browser.close();
  await server.close();
}

/** 考评并生成表彰名单 on the open ledger, until its result sheets are written (and shown). */
async function evaluateLedger(page, take) {
  await page.getByRole("tab", { name: "考评表彰" }).click();
  await take();
  const t0 = Date.now();
  await page.getByRole("button", { name: "考评并生成表彰名单" }).click();
  await page.getByText(/已写入\d+张结果表/).waitFor({ timeout: 600_000 });
  return { ...(await take()), ms: Date.now() - t0 };
}

/**
 * 汇总报送 over the units' files with the district's ledger open (its 党（工）委 sheet is the unit
 * list): picking the files until their statuses show, then 生成全区汇总 until it is written.
 */
async function compileDistrict(page, take) {
  const files = readdirSync(split)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => join(split, f));
  await page.getByRole("tab", { name: "汇总报送" }).click();
  await take();
  const t0 = Date.now();
  await page.getByTestId("submission-input").setInputFiles(files);
  await page.getByTestId("compile-counts").waitFor({ timeout: 600_000 });
  const read = { ...(await take()), ms: Date.now() - t0, files: files.length };
  const t1 = Date.now();
  await page.getByRole("button", { name: "生成全区汇总" }).click();
  await page.getByText(/^已写入全区汇总/).waitFor({ timeout: 600_000 });
  const written = { ...(await take()), ms: Date.now() - t1 };
  return { read, written };
}
