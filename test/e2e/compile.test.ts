// End to end in Debian Chromium: 汇总报送 in browser preview (dist/, `npm run build:addin`; the CLI,
// dist/cli.js, generates the units' files). The clerk loads the district's ledger (the sample), picks
// the files `sample --split-by-unit` writes (a broken file, a unit that sent twice) plus a lock file
// and a text file, and the pane reads them in Web Workers: the table shows ui.md's statuses as the
// engine decides them on the same files, 生成全区汇总 writes 报送情况 and the result sheets into the
// workbook, and 下载退回修改通知 gives one workbook (one returned unit) or a .zip (several).
// Screenshots at pane width go to test/e2e/screenshots/ (gitignored) for a human look.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { compileSubmissions, type Compilation, type SubmissionInput } from "../../src/engine/compile";
import { isLedgerFileError } from "../../src/hosts/xlsx/errors";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { writeSheetModels } from "../../src/hosts/xlsx/write";
import { generateLedger, SMALL_SAMPLE } from "../../src/samples/generate";
import { SHOTS, closedContext, startRig, stopRig, type PreviewRig } from "./browser";

const ROOT = join(__dirname, "..", "..");
const WIDTH = 380;
const LABEL = { accepted: "合格", returned: "退回修改", unreadable: "无法读取", superseded: "已被替代" };

jest.setTimeout(240_000);

let rig: PreviewRig | undefined;
let dir: string;
const blocked: string[] = [];
const pageErrors: string[] = [];

/** `sample --split-by-unit` into a fresh folder; the .xlsx paths it wrote, by name. */
function splitSample(name: string, flags: string[]): string[] {
  const out = join(dir, name);
  execFileSync(process.execPath, [
    join(ROOT, "bin", "pioneer-ledger.js"),
    "sample",
    "--split-by-unit",
    out,
    ...flags,
  ]);
  return readdirSync(out)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => join(out, f));
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, "dist", "cli.js"))) throw new Error("dist/cli.js missing: npm run build:cli");
  dir = mkdtempSync(join(tmpdir(), "pl-e2e-compile-"));
  rig = await startRig();
});

afterAll(async () => {
  await stopRig(rig);
});

/** The engine on the same files, read directly, with the sample's 党（工）委 as the unit list. */
async function expectedOf(paths: string[]): Promise<Compilation> {
  const units = readXlsx(await writeSheetModels(generateLedger(SMALL_SAMPLE).models));
  const inputs: SubmissionInput[] = paths.map((p) => {
    const file = p.split("/").pop()!;
    const base = { file, modifiedAt: statSync(p).mtimeMs };
    try {
      return { ...base, workbook: readXlsx(new Uint8Array(readFileSync(p))) };
    } catch (e) {
      if (!isLedgerFileError(e)) throw e;
      return { ...base, unusable: e.text["zh-CN"] };
    }
  });
  return compileSubmissions(inputs, { units });
}

const label = (s: Compilation["submissions"][number]) =>
  s.reason?.kind === "file" || s.reason?.kind === "not-ledger" ? LABEL.unreadable : LABEL[s.status];

async function openPane(): Promise<{ page: Page; workers: string[] }> {
  const context = await closedContext(rig!, WIDTH, blocked);
  const page = await context.newPage();
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  await page.goto(`${rig!.server.url}/taskpane.html?office=0&sample=1`);
  await page.getByText(/已识别8\/8张台账表/).waitFor({ timeout: 60_000 });
  await page.getByRole("tab", { name: "汇总报送" }).click();
  return { page, workers };
}

/** Picks the files and waits until they are compiled; checks every row against the engine. */
async function pickAndCheck(page: Page, paths: string[], extra: string[] = []): Promise<Compilation> {
  const expected = await expectedOf(paths);
  await page.getByTestId("submission-input").setInputFiles([...paths, ...extra]);
  const counts = page.getByTestId("compile-counts");
  await counts.waitFor({ timeout: 120_000 });
  const n = (st: keyof typeof LABEL) => expected.submissions.filter((s) => label(s) === LABEL[st]).length;
  await page
    .getByText(
      `合格${n("accepted")}个 · 退回修改${n("returned")}个 · 无法读取${n("unreadable")}个 · 已被替代${n("superseded")}个`,
    )
    .waitFor();
  const rows = page.getByTestId("submissions-table").locator("tbody > tr");
  expect(await rows.count()).toBe(expected.submissions.length);
  for (const [i, s] of expected.submissions.entries()) {
    const cells = await rows.nth(i).locator("td").allTextContents();
    expect(cells).toEqual([
      s.file,
      expect.any(String),
      label(s),
      String(s.summary.error),
      String(s.summary.warning),
    ]);
  }
  return expected;
}

test("汇总报送: pick the units' files → statuses → 生成全区汇总 → 下载退回修改通知", async () => {
  const clean = splitSample("clean", ["--clean", "--broken-file", "--unit-twice"]);
  const faulty = splitSample("faulty", ["--broken-file", "--unit-twice"]);
  const lock = join(dir, `~$${clean[0].split("/").pop()}`);
  const text = join(dir, "说明.txt");
  writeFileSync(lock, new Uint8Array([1, 2, 3]));
  writeFileSync(text, "报送说明");

  const { page, workers } = await openPane();
  await page.getByRole("button", { name: "选择报送文件" }).waitFor();
  await page.screenshot({ path: join(SHOTS, "5-compile-empty.png"), fullPage: true, animations: "disabled" });

  // Clean ledgers: 合格, one 无法读取 (the broken file), one 已被替代 (the unit's earlier version).
  const first = await pickAndCheck(page, clean, [lock, text]);
  expect(first.submissions.map(label)).toEqual(
    expect.arrayContaining([LABEL.accepted, LABEL.unreadable, LABEL.superseded]),
  );
  expect(workers.some((u) => u.endsWith("js/submission-worker.js"))).toBe(true);
  const skipped = await page.getByTestId("skipped-files").textContent();
  expect(skipped).toContain("Office 临时文件");
  expect(skipped).toContain("说明.txt：不是 .xlsx 文件");
  // A row opens its findings: the broken file says why it cannot be read.
  const broken = first.submissions.find((s) => label(s) === LABEL.unreadable)!;
  await page.getByRole("button", { name: broken.file }).click();
  await page
    .getByTestId("submission-findings")
    .getByText(/^原因：文件已损坏或不完整/)
    .waitFor();
  await page.screenshot({ path: join(SHOTS, "6-compile-table.png"), fullPage: true, animations: "disabled" });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);

  // 生成全区汇总: 报送情况 and the result sheets are in the workbook (and its grid).
  await page.getByRole("button", { name: "生成全区汇总" }).click();
  await page.getByText(/^已写入全区汇总：“报送情况”/).waitFor({ timeout: 60_000 });
  const sheets = await page.getByRole("combobox", { name: "查看工作表" }).locator("option").allTextContents();
  for (const name of ["报送情况", "考评结果-党员", "表彰名单"]) expect(sheets).toContain(name);
  const grid = page.locator('[data-testid="sheet-grid"][data-sheet="报送情况"]');
  await grid.waitFor();
  for (const s of first.submissions) expect(await grid.textContent()).toContain(s.file);
  await page.screenshot({
    path: join(SHOTS, "7-compile-written.png"),
    fullPage: true,
    animations: "disabled",
  });

  // One returned unit: its notice workbook.
  const [one] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "下载退回修改通知" }).click(),
  ]);
  expect(one.suggestedFilename()).toMatch(/^退回修改通知-.+\.xlsx$/);
  const notice = readXlsx(new Uint8Array(readFileSync(await one.path())));
  expect(notice.sheets.map((g) => g.name)).toEqual(["退回修改通知"]);

  // The faulty ledgers: several units go back, the notices come as one .zip.
  const second = await pickAndCheck(page, faulty);
  const returned = new Set(second.submissions.filter((s) => s.status === "returned").map((s) => s.unit.key));
  expect(returned.size).toBeGreaterThan(1);
  const [zip] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "下载退回修改通知" }).click(),
  ]);
  expect(zip.suggestedFilename()).toMatch(/^退回修改通知-\d{4}-\d{2}-\d{2}\.zip$/);
  const entries = unzipSync(new Uint8Array(readFileSync(await zip.path())));
  expect(Object.keys(entries)).toHaveLength(returned.size);
  for (const bytes of Object.values(entries))
    expect(readXlsx(bytes).sheets.map((g) => g.name)).toEqual(["退回修改通知"]);

  expect(blocked).toEqual([]);
  expect(pageErrors).toEqual([]);
});
