/**
 * @jest-environment jsdom
 */
// 汇总报送 over a fake LedgerHost (jsdom has no Worker: the files are read inline, same job): pick or
// drop the units' files, the table with ui.md's statuses, a file's findings, 生成全区汇总 through the
// host, 下载退回修改通知, and 取消 leaving the workbook alone.
import "./jsdom-shims";
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { compileSubmissions, type SubmissionInput } from "../../src/engine/compile";
import { RESULT_SHEETS } from "../../src/engine/schema";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { writeSheetModels } from "../../src/hosts/xlsx/write";
import { reasonText } from "../../src/i18n/submissions";
import { SMALL_SAMPLE } from "../../src/samples/generate";
import { districtFiles } from "../../src/samples/district-files";
import { FakeHost } from "./fake-host";
import { installDomShims, sampleWorkbook } from "./setup";

configure({ asyncUtilTimeout: 15_000 });

const LABEL = { accepted: "合格", returned: "退回修改", unreadable: "无法读取", superseded: "已被替代" };

let files: File[];
let expected: ReturnType<typeof compileSubmissions>;
const downloads: { name: string; type: string }[] = [];

beforeAll(async () => {
  installDomShims();
  const split = districtFiles({ ...SMALL_SAMPLE, mistakes: true }, { brokenFile: true, unitTwice: true });
  files = [];
  const inputs: SubmissionInput[] = [];
  for (const [i, f] of split.files.entries()) {
    const whole = await writeSheetModels(f.models);
    const bytes = f.truncate ? whole.slice(0, whole.length >> 1) : whole;
    const lastModified = 1_700_000_000_000 + i * 1000;
    files.push(new File([bytes as BlobPart], f.name, { lastModified }));
    try {
      inputs.push({ file: f.name, modifiedAt: lastModified, workbook: readXlsx(bytes) });
    } catch (e) {
      inputs.push({
        file: f.name,
        modifiedAt: lastModified,
        unusable: (e as { text: { "zh-CN": string } }).text["zh-CN"],
      });
    }
  }
  // The open workbook is the whole district's ledger: its 党（工）委 sheet is the unit list.
  expected = compileSubmissions(inputs, { units: sampleWorkbook() });
  // Downloads: what the pane hands to the browser.
  Object.assign(URL, { createObjectURL: (b: Blob) => `blob:${b.type}`, revokeObjectURL: () => {} });
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, type: this.href.replace(/^blob:/, "") });
  });
});

beforeEach(() => (downloads.length = 0));

function setup(host = new FakeHost(sampleWorkbook())) {
  render(<App kind="excel" theme="light" host={host} />);
  return host;
}

async function openTab() {
  await screen.findByText(/已识别8\/8张台账表/);
  fireEvent.click(screen.getByRole("tab", { name: "汇总报送" }));
}

function pick(list: File[]) {
  fireEvent.change(screen.getByTestId("submission-input"), { target: { files: list } });
}

const lock = () => new File([new Uint8Array([1])], "~$U01.xlsx");
const note = () => new File(["x"], "说明.txt");

test("picked files: counts, one row per file with ui.md's status, skipped files named", async () => {
  const host = setup();
  await openTab();
  expect(screen.getByRole("button", { name: "选择报送文件" })).toBeTruthy();
  pick([...files, lock(), note()]);
  const counts = await screen.findByTestId("compile-counts");
  const by = (st: keyof typeof LABEL) =>
    expected.submissions.filter((s) => {
      const unreadable = s.reason?.kind === "file" || s.reason?.kind === "not-ledger";
      if (st === "unreadable") return unreadable;
      return s.status === st && !unreadable;
    }).length;
  expect(counts.textContent).toBe(
    `合格${by("accepted")}个 · 退回修改${by("returned")}个 · 无法读取${by("unreadable")}个 · 已被替代${by("superseded")}个`,
  );
  expect(by("unreadable")).toBe(1);
  expect(by("superseded")).toBe(1);
  const table = screen.getByTestId("submissions-table");
  const rows = within(table).getAllByRole("row").slice(1);
  expect(rows).toHaveLength(expected.submissions.length);
  expected.submissions.forEach((s, i) => {
    const cells = within(rows[i]).getAllByRole("cell");
    expect(cells[0].textContent).toBe(s.file);
    const unreadable = s.reason?.kind === "file";
    expect(cells[2].textContent).toBe(unreadable ? LABEL.unreadable : LABEL[s.status]);
    expect(cells[3].textContent).toBe(String(s.summary.error));
    expect(cells[4].textContent).toBe(String(s.summary.warning));
  });
  expect(screen.getByText("单位名单：当前工作簿的“党（工）委”表，共3个单位")).toBeTruthy();
  const skipped = screen.getByTestId("skipped-files").textContent;
  expect(skipped).toContain("~$U01.xlsx：Office 临时文件");
  expect(skipped).toContain("说明.txt：不是 .xlsx 文件");
  // Nothing was written: compiling only reads the submitted files.
  expect(host.callsOf("writeSheets")).toHaveLength(0);
});

test("a file's row opens its findings: the reason it goes back and each finding with its cell", async () => {
  setup();
  await openTab();
  pick(files);
  await screen.findByTestId("compile-counts");
  const returned = expected.submissions.find((s) => s.status === "returned" && s.reason?.kind === "errors")!;
  const link = screen.getByRole("button", { name: returned.file });
  expect(link.getAttribute("aria-expanded")).toBe("false");
  fireEvent.click(link);
  const details = await screen.findByTestId("submission-findings");
  expect(details.textContent).toContain(`原因：${reasonText(returned, "zh-CN")}`);
  const first = returned.findings.find((f) => f.sheet && f.cell)!;
  expect(details.textContent).toContain(`${first.sheet}!${first.cell}`);
  expect(within(details).getAllByRole("listitem")).toHaveLength(Math.min(50, returned.findings.length));
  fireEvent.click(link);
  expect(screen.queryByTestId("submission-findings")).toBeNull();
});

test("生成全区汇总 writes 报送情况 and the result sheets through the host; links activate them", async () => {
  const host = setup();
  await openTab();
  pick(files);
  await screen.findByTestId("compile-counts");
  fireEvent.click(screen.getByRole("button", { name: "生成全区汇总" }));
  await screen.findByText(/^已写入全区汇总：“报送情况”/);
  const [[models, replace]] = host.callsOf("writeSheets") as [[{ name: string }[], string[]]];
  expect(models[0].name).toBe(RESULT_SHEETS.submissions);
  expect(replace).toEqual(models.map((m) => m.name));
  const report = host.wb.sheets.find((g) => g.name === RESULT_SHEETS.submissions)!;
  for (const s of expected.submissions) expect(JSON.stringify(report.rows)).toContain(s.file);
  fireEvent.click(screen.getByRole("button", { name: RESULT_SHEETS.submissions }));
  await waitFor(() => expect(host.active).toBe(RESULT_SHEETS.submissions));
});

test("下载退回修改通知: several returned units give one .zip", async () => {
  setup();
  await openTab();
  pick(files);
  await screen.findByTestId("compile-counts");
  const units = new Set(expected.submissions.filter((s) => s.status === "returned").map((s) => s.unit.key));
  expect(units.size).toBeGreaterThan(1);
  fireEvent.click(screen.getByRole("button", { name: "下载退回修改通知" }));
  await screen.findByText(new RegExp(`^已下载${units.size}份退回修改通知`));
  expect(downloads).toEqual([
    { name: expect.stringMatching(/^退回修改通知-.*\.zip$/), type: "application/zip" },
  ]);
});

test("dropped files are compiled like picked ones; 下载退回修改通知 is off when nothing goes back", async () => {
  setup();
  await openTab();
  const accepted = expected.submissions.find((s) => s.status === "accepted");
  const one = files.filter((f) => f.name === (accepted ?? expected.submissions[0]).file);
  fireEvent.drop(screen.getByTestId("drop-zone"), { dataTransfer: { files: one } });
  await screen.findByTestId("compile-counts");
  expect(within(screen.getByTestId("submissions-table")).getAllByRole("row")).toHaveLength(2);
  const returned = expected.submissions.find((s) => s.file === one[0].name)!.status === "returned";
  expect((screen.getByRole("button", { name: "下载退回修改通知" }) as HTMLButtonElement).disabled).toBe(
    !returned,
  );
});

test("取消 while the files are read: no table, no write, the workbook as it was", async () => {
  const host = setup();
  await openTab();
  pick(files);
  fireEvent.click(await screen.findByRole("button", { name: "取消" }));
  expect(await screen.findByText("已取消，工作簿保持运行前的状态")).toBeTruthy();
  expect(screen.queryByTestId("submissions-table")).toBeNull();
  expect(host.callsOf("writeSheets")).toHaveLength(0);
  await act(() => new Promise((r) => setTimeout(r, 50)));
  expect(screen.queryByTestId("submissions-table")).toBeNull();
});

test("in English the tab and the statuses are English", async () => {
  render(
    <App
      kind="excel"
      theme="light"
      host={new FakeHost(sampleWorkbook())}
      initialSettings={{ ...(await import("../../src/app/settings")).DEFAULT_SETTINGS, lang: "en" }}
    />,
  );
  await screen.findByText(/ledger sheets found/);
  fireEvent.click(screen.getByRole("tab", { name: "District" }));
  pick(files);
  const counts = await screen.findByTestId("compile-counts");
  expect(counts.textContent).toMatch(/^Accepted \d+ · Returned \d+ · Unreadable 1 · Superseded 1$/);
  expect(screen.getByRole("button", { name: "Write district summary" })).toBeTruthy();
  expect(screen.getByRole("button", { name: "Download return notices" })).toBeTruthy();
});
