// End to end in Debian Chromium: the built task pane (dist/, `npm run build:addin`) in browser preview,
// served on 127.0.0.1 with every other request blocked (no CDN, no office.js). Loads the sample,
// runs 校验台账 and 考评并生成表彰名单 at pane width, checks the counts against the engine on the same
// sample, downloads the result workbook and reads it back, and saves screenshots to
// test/e2e/screenshots/ (gitignored) for a human look.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { analyze } from "../../src/engine/analyze";
import { toISO } from "../../src/engine/dates";
import { summarize } from "../../src/engine/findings";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { writeSheetModels } from "../../src/hosts/xlsx/write";
import { generateLedger, SMALL_SAMPLE } from "../../src/samples/generate";
import { SHOTS, closedContext, startRig, stopRig, type PreviewRig } from "./browser";

const RESULT_SHEETS = ["校验结果", "考评结果-组织", "考评结果-党员", "表彰名单", "未入选说明", "进度督查"];
const WIDTH = 380;

jest.setTimeout(180_000);

let rig: PreviewRig | undefined;
let browser: Browser;
let server: { url: string; close: () => Promise<void> };
const blocked: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  rig = await startRig();
  ({ browser, server } = rig);
});

afterAll(async () => {
  await stopRig(rig);
});

async function openPane(): Promise<Page> {
  const context = await closedContext(rig!, WIDTH, blocked);
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  await page.goto(`${server.url}/taskpane.html?office=0&sample=1`);
  return page;
}

/** What the engine says about the same sample, read the way the preview reads it (bytes → Grids). */
async function expectedSample() {
  const bytes = await writeSheetModels(generateLedger(SMALL_SAMPLE).models);
  return analyze(readXlsx(bytes));
}

test("preview: sample → 校验台账 → 考评并生成表彰名单 → 下载结果工作簿", async () => {
  const page = await openPane();
  await page.getByText("浏览器预览：未连接 Excel").waitFor();
  await page.getByText(/已识别8\/8张台账表 · 检查基准日：\d{4}-\d{2}-\d{2}/).waitFor({ timeout: 60_000 });
  const expected = await expectedSample();
  expect(await page.getByTestId("state-line").textContent()).toBe(
    `已识别8/8张台账表 · 检查基准日：${toISO(expected.ledger.asOf)}`,
  );
  await page.screenshot({ path: join(SHOTS, "1-overview.png"), fullPage: true, animations: "disabled" });

  // 校验
  await page.getByRole("tab", { name: "校验" }).click();
  await page.getByRole("button", { name: "校验台账" }).click();
  const counts = page.getByTestId("finding-counts");
  await counts.waitFor();
  const c = summarize(expected.findings);
  expect(await counts.textContent()).toBe(`错误${c.error}条 · 警告${c.warning}条 · 提示${c.info}条`);
  expect(
    await page
      .locator("li")
      .filter({ has: page.getByRole("button", { name: /^转到 / }) })
      .count(),
  ).toBe(expected.findings.filter((f) => f.sheet && f.cell).length);
  // A finding's cell shows that cell in the read-only grid.
  const first = expected.findings.find((f) => f.sheet && f.cell)!;
  await page
    .getByRole("button", { name: `转到 ${first.sheet}!${first.cell}` })
    .first()
    .click();
  await page.locator(`[data-testid="sheet-grid"][data-sheet="${first.sheet}"]`).waitFor();
  await page.screenshot({ path: join(SHOTS, "2-validate.png"), fullPage: true, animations: "disabled" });

  // 考评表彰
  await page.getByRole("tab", { name: "考评表彰" }).click();
  await page.getByRole("button", { name: "考评并生成表彰名单" }).click();
  // the sample has seeded errors: the lists are a draft, said as a warning (§5.1)
  await page.getByText("已写入6张结果表；台账尚有错误，表彰名单为试算稿").waitFor({ timeout: 60_000 });
  expect(await page.getByTestId("draft-warning").textContent()).toMatch(
    /台账尚有\d+处错误，\d+个对象因错误未参加考评；改正后请重新考评。/,
  );
  await page.getByTestId("grade-chart").waitFor();
  const viewerSheets = await page
    .getByRole("combobox", { name: "查看工作表" })
    .locator("option")
    .allTextContents();
  for (const name of RESULT_SHEETS) expect(viewerSheets).toContain(name);
  await page.locator('[data-testid="sheet-grid"][data-sheet="表彰名单"]').waitFor();
  await page.screenshot({ path: join(SHOTS, "3-evaluate.png"), fullPage: true, animations: "disabled" });

  // 下载结果工作簿: the ledger plus the result sheets, readable by our own reader.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "下载结果工作簿" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("示例台账-结果.xlsx");
  const file = join(SHOTS, "result.xlsx");
  await download.saveAs(file);
  const wb = readXlsx(new Uint8Array(readFileSync(file)));
  const names = wb.sheets.map((s) => s.name);
  for (const name of RESULT_SHEETS) expect(names).toContain(name);
  for (const name of ["党（工）委", "基层党组织", "党员"]) expect(names).toContain(name);
  // The downloaded 校验结果 lists every finding of the run.
  const findings = wb.sheets.find((s) => s.name === "校验结果")!;
  const header = findings.rows.findIndex((r) => r?.[0] === "级别");
  expect(
    findings.rows.slice(header + 1).filter((r) => r && r.some((v) => v !== null && v !== "")).length,
  ).toBe(expected.findings.length);

  expect(blocked).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test("English, the dark theme, and office.js unreachable at pane width", async () => {
  const context = await browser.newContext({ viewport: { width: WIDTH, height: 700 }, colorScheme: "dark" });
  await context.route("**/*", (route) =>
    route.request().url().startsWith(server.url) ? route.continue() : route.abort(),
  );
  const page = await context.newPage();
  // Without ?office=0 the page asks for office.js (blocked here, as outside Office without network)
  // and still falls back to browser preview.
  await page.goto(`${server.url}/taskpane.html?sample=1&lang=en`);
  await page.getByText("Browser preview: not connected to Excel").waitFor();
  await page.getByText(/8\/8 ledger sheets found/).waitFor({ timeout: 60_000 });
  await page.getByRole("tab", { name: "Check" }).click();
  await page.getByRole("button", { name: "Check ledger" }).click();
  await page.getByTestId("finding-counts").waitFor();
  await page.screenshot({ path: join(SHOTS, "4-en-dark.png"), fullPage: false, animations: "disabled" });
  // No horizontal scrolling at pane width.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
  await context.close();
});
