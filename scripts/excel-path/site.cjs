/* global window, PerformanceObserver -- the functions passed to page.evaluate run in the page */
// Excel's path in Chromium (issue 12), for the e2e test (test/e2e/excel-checks.test.ts) and the
// bench's pane task (scripts/bench-pane.mjs). No Excel runs here: page.ts, bundled with esbuild,
// reads the ledger on the page's main thread — standing in for Office.js, and not watched — then
// checks its Grids through the pane's built worker (dist/js/check-worker.js) as the pane does in
// Excel, while the Long Tasks API watches the main thread: 校验台账, the 检查基准日 changed (the kept
// worker holds the Grids), 考评 (the result sheets come back in parts), and the same check on the
// main thread, as Excel's pane did before.
const { buildSync } = require("esbuild");
const { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { DIST, startPreviewServer } = require("../preview-server.cjs");

/** The page over the pane's built worker, `xlsx` served as ledger.xlsx. */
function startSite(xlsx) {
  const worker = join(DIST, "js", "check-worker.js");
  if (!existsSync(worker)) throw new Error("dist/js/check-worker.js missing: npm run build:addin");
  const root = mkdtempSync(join(tmpdir(), "pl-excel-path-"));
  mkdirSync(join(root, "js"));
  copyFileSync(worker, join(root, "js", "check-worker.js"));
  copyFileSync(xlsx, join(root, "ledger.xlsx"));
  buildSync({
    entryPoints: [join(__dirname, "page.ts")],
    bundle: true,
    platform: "browser",
    format: "iife",
    outfile: join(root, "page.js"),
    logLevel: "warning",
  });
  // taskpane.html: the page the preview server requires of a site
  writeFileSync(
    join(root, "taskpane.html"),
    '<!doctype html><meta charset="utf-8"><script src="page.js"></script><body>Excel path</body>',
  );
  return startPreviewServer({ port: 0, root });
}

/**
 * Excel's path on `xlsx` in a new page of `browser`: each step's result (`value`), time (`ms`) and
 * main-thread tasks over 50 ms (`longest`, `count`). `asOf`: the 检查基准日 of the re-check.
 */
async function runExcelPath(browser, xlsx, asOf) {
  const site = await startSite(xlsx);
  const page = await browser.newPage();
  try {
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push(e.duration);
      }).observe({ type: "longtask", buffered: true });
    });
    await page.goto(`${site.url}/taskpane.html`);
    // an entry is delivered after its task: a moment's wait before the entries are taken
    const take = async () => {
      await page.waitForTimeout(300);
      return page.evaluate(() => {
        const t = window.__longTasks;
        window.__longTasks = [];
        return { longest: Math.max(0, ...t), count: t.length };
      });
    };
    const call = (name, arg) => page.evaluate(([n, a]) => window.excelPath[n](a), [name, arg]);
    const step = async (name, arg) => {
      const t0 = Date.now();
      const value = await call(name, arg);
      const ms = Date.now() - t0;
      return { value, ms, ...(await take()) };
    };
    await call("read", "ledger.xlsx");
    await take(); // Office.js's part: not watched
    const validate = await step("check");
    const recheck = await step("check", asOf);
    const evaluate = await step("evaluate");
    const here = await step("checkHere");
    return { validate, recheck, evaluate, here };
  } finally {
    await page.close();
    await site.close();
  }
}

module.exports = { runExcelPath };
