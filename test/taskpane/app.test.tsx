/**
 * @jest-environment jsdom
 */
// The task pane over a fake LedgerHost: the flows of ui.md with their exact labels.
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { App, type AppProps } from "../../src/taskpane/components/App";
import { HostError } from "../../src/hosts/host";
import { summarize } from "../../src/engine/findings";
import { RESULT_SHEETS } from "../../src/engine/schema";
import { DEFAULT_SETTINGS } from "../../src/app/settings";
import { FakeHost, workbookOf } from "./fake-host";
import { generateLedger, SMALL_SAMPLE } from "../../src/samples/generate";
import { expectedAnalysis, installDomShims, sampleWorkbook } from "./setup";

beforeAll(installDomShims);
// A run (read, check, evaluate) takes about a second here, and three or four times that when the
// whole suite runs in parallel on two cores: wait for its outcome longer than the default second.
configure({ asyncUtilTimeout: 10_000 });

function setup(props: Partial<AppProps> = {}, host = new FakeHost(sampleWorkbook())) {
  const utils = render(<App kind="excel" theme="light" host={host} {...props} />);
  return { host, ...utils };
}

/** The icon of the MessageBar an element is in (its intent has no attribute of its own). */
const intentIcon = (el: Element) =>
  el.closest(".fui-MessageBar")?.querySelector(".fui-MessageBar__icon")?.innerHTML;

/** The icon Fluent draws for an intent, from a bar rendered apart. */
function referenceIcon(intent: "warning" | "success"): string | undefined {
  const { container, unmount } = render(
    <MessageBar intent={intent}>
      <MessageBarBody>x</MessageBarBody>
    </MessageBar>,
  );
  const html = intentIcon(container.querySelector(".fui-MessageBar__icon")!);
  unmount();
  return html;
}

const tab = (name: string) => fireEvent.click(screen.getByRole("tab", { name }));
const button = (name: string | RegExp) => screen.getByRole("button", { name });

async function validated(host?: FakeHost) {
  const s = setup({}, host);
  await screen.findByText(/已识别8\/8张台账表/);
  tab("校验");
  fireEvent.click(button("校验台账"));
  await screen.findByTestId("finding-counts");
  return s;
}

describe("header and 概况", () => {
  test("reads the workbook on start: state line and one row per ledger sheet", async () => {
    const { host } = setup();
    expect(await screen.findByText("已识别8/8张台账表 · 检查基准日：2012-11-07")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "先锋台账" })).toBeTruthy();
    expect(host.callsOf("readWorkbook")).toHaveLength(1);
    const rows = screen.getAllByRole("row");
    expect(rows).toHaveLength(1 + 8);
    expect(within(rows[3]).getByText("党员")).toBeTruthy();
    expect(within(rows[3]).getByText("✓")).toBeTruthy();
    expect(
      within(rows[3]).getByText(String(expectedAnalysis(sampleWorkbook()).overview[2].records)),
    ).toBeTruthy();
    // Nothing is missing: no 新建标准台账.
    expect(screen.queryByRole("button", { name: "新建标准台账" })).toBeNull();
  });

  test("新建标准台账 adds only the missing sheets, then reads again", async () => {
    const wb = sampleWorkbook();
    const host = new FakeHost({
      ...wb,
      sheets: wb.sheets.filter((g) => g.name !== "群众评议" && g.name !== "评分规则"),
    });
    setup({}, host);
    expect(await screen.findByText(/已识别7\/8张台账表（缺少群众评议） · 检查基准日：/)).toBeTruthy();
    fireEvent.click(button("新建标准台账"));
    expect(await screen.findByText(/已添加：/)).toBeTruthy();
    const [models] = host.callsOf("addMissingSheets")[0] as [{ name: string }[]];
    expect(models.map((m) => m.name)).toEqual(expect.arrayContaining(["群众评议", "评分规则", "党员"]));
    expect(screen.getByText(/已添加：/).textContent).toContain("群众评议");
    expect(screen.getByText(/已添加：/).textContent).not.toContain("党员");
    expect(await screen.findByText(/已识别8\/8张台账表/)).toBeTruthy();
  });

  test("the 检查基准日 re-checks the last reading without reading again", async () => {
    const { host } = setup();
    await screen.findByText(/检查基准日：2012-11-07/);
    // the hint says what the code does: a filled date wins; empty → the 评分规则 sheet's, else today
    expect(
      screen.getByText(/^按所填日期检查；留空时用“评分规则”表中的检查基准日，表中也未填的用今天$/),
    ).toBeTruthy();
    fireEvent.change(screen.getByLabelText("检查基准日"), { target: { value: "2011-12-31" } });
    expect(await screen.findByText("已识别8/8张台账表 · 检查基准日：2011-12-31")).toBeTruthy();
    expect(host.callsOf("readWorkbook")).toHaveLength(1);
  });
  test("a newer 检查基准日 supersedes a re-check in progress; only the newest date shows", async () => {
    const { host } = setup();
    await screen.findByText(/检查基准日：2012-11-07/);
    const input = screen.getByLabelText("检查基准日");
    fireEvent.change(input, { target: { value: "2011-12-31" } });
    expect(await screen.findByRole("progressbar")).toBeTruthy(); // the re-check is a run
    fireEvent.change(input, { target: { value: "2010-12-31" } });
    expect(await screen.findByText("已识别8/8张台账表 · 检查基准日：2010-12-31")).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(screen.getByTestId("state-line").textContent).toBe("已识别8/8张台账表 · 检查基准日：2010-12-31");
    expect(host.callsOf("readWorkbook")).toHaveLength(1);
  });
});

describe("校验", () => {
  test("shows the counts of analyze and groups the findings by sheet", async () => {
    await validated();
    const a = expectedAnalysis(sampleWorkbook());
    const c = summarize(a.findings);
    expect(screen.getByTestId("finding-counts").textContent).toBe(
      `错误${c.error}条 · 警告${c.warning}条 · 提示${c.info}条`,
    );
    const sheets = [...new Set(a.findings.map((f) => f.sheet ?? "整个工作簿"))];
    for (const sheet of sheets) {
      const n = a.findings.filter((f) => (f.sheet ?? "整个工作簿") === sheet).length;
      const group = screen.getByRole("region", { name: sheet });
      expect(within(group).getByRole("heading").textContent).toBe(`${sheet}（${n}）`);
      expect(within(group).getAllByRole("listitem")).toHaveLength(n);
    }
  });

  test("filters by severity and by sheet", async () => {
    await validated();
    const a = expectedAnalysis(sampleWorkbook());
    const c = summarize(a.findings);
    fireEvent.click(button(`错误（${c.error}）`));
    fireEvent.click(button(`提示（${c.info}）`));
    expect(screen.getAllByRole("listitem")).toHaveLength(c.warning);
    fireEvent.click(button(`错误（${c.error}）`));
    fireEvent.change(screen.getByRole("combobox", { name: "工作表" }), { target: { value: "党员" } });
    expect(screen.getAllByRole("listitem")).toHaveLength(
      a.findings.filter((f) => f.sheet === "党员" && f.severity !== "info").length,
    );
    expect(screen.getAllByRole("region").map((r) => r.getAttribute("aria-label"))).toEqual(["党员"]);
  });

  test("clicking a finding's cell selects it in the workbook", async () => {
    const { host } = await validated();
    fireEvent.click(button("转到 党员!D3"));
    await waitFor(() => expect(host.callsOf("selectCell")).toEqual([[{ sheet: "党员", cell: "D3" }]]));
  });

  test("应用所选修正 asks first and writes only the ticked fixes", async () => {
    const { host } = await validated();
    const boxes = screen.getAllByRole("checkbox");
    expect(boxes.length).toBe(2);
    expect(button("应用所选修正（0）")).toHaveProperty("disabled", true);
    fireEvent.click(screen.getByRole("checkbox", { name: "改为“2005-07-01”" }));
    fireEvent.click(button("应用所选修正（1）"));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText(/将修改1个单元格/)).toBeTruthy();
    // (Tabster may still mark the portal aria-hidden while it moves focus into the dialog.)
    fireEvent.click(within(dialog).getByRole("button", { name: "不修改", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
    expect(host.callsOf("applyFixes")).toHaveLength(0);

    fireEvent.click(button("应用所选修正（1）"));
    const again = await screen.findByRole("alertdialog");
    fireEvent.click(within(again).getByRole("button", { name: "确定修改", hidden: true }));
    expect(await screen.findByText("已修改1个单元格，已重新校验")).toBeTruthy();
    const [[fixes]] = host.callsOf("applyFixes") as [[unknown[]]];
    expect(fixes).toEqual([
      { sheet: "党员", cell: expect.stringMatching(/^[A-Z]+5$/), value: "2005-07-01", kind: "date" },
    ]);
    // Checked again after writing: the fixed cell no longer has a finding; the other fix remains.
    expect(host.callsOf("readWorkbook").length).toBe(3);
    expect(screen.getAllByRole("checkbox")).toHaveLength(1);
  });

  test("标记问题单元格 and 清除标记 go to the host with the chosen colour", async () => {
    const { host } = await validated();
    fireEvent.click(button("标记问题单元格"));
    expect(await screen.findByText(/已标记\d+个单元格/)).toBeTruthy();
    const [[refs, color]] = host.callsOf("highlightCells") as [[{ sheet: string; cell: string }[], string]];
    const a = expectedAnalysis(sampleWorkbook());
    expect(refs).toHaveLength(
      new Set(a.findings.filter((f) => f.cell).map((f) => `${f.sheet}!${f.cell}`)).size,
    );
    expect(color).toBe(DEFAULT_SETTINGS.highlightColor);
    fireEvent.click(button("清除标记"));
    expect(await screen.findByText("已清除标记")).toBeTruthy();
    expect(host.callsOf("clearHighlights")).toHaveLength(1);
  });

  test("写入校验结果表 writes the 校验结果 sheet, replacing an earlier one", async () => {
    const { host } = await validated();
    fireEvent.click(button("写入校验结果表"));
    expect(await screen.findByText("已写入“校验结果”表")).toBeTruthy();
    const [[models, replace]] = host.callsOf("writeSheets") as [
      [{ name: string; rows: unknown[] }[], string[]],
    ];
    expect(models.map((m) => m.name)).toEqual([RESULT_SHEETS.findings]);
    expect(models[0].rows).toHaveLength(expectedAnalysis(sampleWorkbook()).findings.length);
    expect(replace).toEqual([RESULT_SHEETS.findings]);
  });
});

describe("long runs", () => {
  let quiet: jest.SpyInstance;
  beforeEach(() => (quiet = jest.spyOn(console, "error").mockImplementation(() => {})));
  afterEach(() => quiet.mockRestore());

  test("取消 aborts the run and says the workbook is unchanged", async () => {
    const host = new FakeHost(sampleWorkbook());
    setup({ autoRead: false }, host);
    host.block.add("readWorkbook");
    tab("校验");
    fireEvent.click(button("校验台账"));
    expect(await screen.findByRole("progressbar")).toBeTruthy();
    expect(button("校验台账")).toHaveProperty("disabled", true);
    fireEvent.click(button("取消"));
    expect(await screen.findByText("已取消，工作簿保持运行前的状态")).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.queryByTestId("finding-counts")).toBeNull();
    expect(button("校验台账")).toHaveProperty("disabled", false);
  });

  test("a host error appears in a MessageBar saying what to do", async () => {
    const host = new FakeHost(sampleWorkbook());
    await validated(host);
    host.fail.set(
      "writeSheets",
      new HostError({
        "zh-CN": "台账表“党员”超过500万个单元格，请拆分后再试",
        en: "Sheet too large; split it",
      }),
    );
    fireEvent.click(button("写入校验结果表"));
    expect(await screen.findByText("台账表“党员”超过500万个单元格，请拆分后再试")).toBeTruthy();
    expect(screen.getByText("出错了")).toBeTruthy();
  });

  test("an unexpected error says to try again", async () => {
    const host = new FakeHost(sampleWorkbook());
    host.fail.set("readWorkbook", new Error("RichApi.Error: GeneralException"));
    setup({}, host);
    expect(await screen.findByText(/RichApi.Error: GeneralException。请重试/)).toBeTruthy();
    expect(screen.getByText("尚未读取台账")).toBeTruthy();
  });
});

describe("考评表彰", () => {
  test("考评并生成表彰名单 writes the result sheets and shows lists, grades and links", async () => {
    const { host } = setup();
    await screen.findByText(/已识别8\/8/);
    tab("考评表彰");
    // the sheet is named once, not "来自“评分规则”表（评分规则）"
    expect(screen.getByText("来自“评分规则”表")).toBeTruthy();
    expect(button("插入评分规则表")).toHaveProperty("disabled", true);
    fireEvent.click(button("考评并生成表彰名单"));
    // the sample has errors: a draft, never a plain success (§5.1)
    expect(await screen.findByText("已写入6张结果表；台账尚有错误，表彰名单为试算稿")).toBeTruthy();
    const [[models, replace]] = host.callsOf("writeSheets") as [[{ name: string }[], string[]]];
    const names = [
      RESULT_SHEETS.findings,
      RESULT_SHEETS.orgScores,
      RESULT_SHEETS.memberScores,
      RESULT_SHEETS.commendations,
      RESULT_SHEETS.notSelected,
      RESULT_SHEETS.progress,
    ];
    expect(models.map((m) => m.name)).toEqual(names);
    expect(replace).toEqual(names);
    const lists = screen.getAllByTestId("commendation-list").map((l) => l.textContent ?? "");
    expect(lists).toHaveLength(7);
    // people are counted with 名, organisations and units with 个 (§6.1 Texts)
    for (const l of lists.filter((x) => /^(优秀共产党员|优秀党务工作者|历城先锋共产党员)：入选/.test(x)))
      expect(l).toMatch(/：入选\d+名/);
    for (const l of lists.filter((x) => /^(先进基层党组织|历城先锋基层党组织|先进单位党组织)：入选/.test(x)))
      expect(l).toMatch(/：入选\d+个/);
    expect(lists.filter((x) => /：入选\d+名/.test(x)).length).toBeGreaterThan(0);
    expect(screen.getByRole("region", { name: "第二时段" })).toBeTruthy();
    expect(screen.getByTestId("grade-chart")).toBeTruthy();
    // coverage per unit at a glance: one labelled row per 党（工）委, with both percentages
    const coverage = within(screen.getByTestId("coverage-chart")).getAllByRole("img");
    expect(coverage.length).toBeGreaterThan(0);
    for (const row of coverage)
      expect(row.getAttribute("aria-label")).toMatch(/季度点评 (\d+%|—)，群众评议 (\d+%|—)$/);
    fireEvent.click(button("表彰名单"));
    await waitFor(() => expect(host.callsOf("activateSheet")).toEqual([["表彰名单"]]));
    fireEvent.click(button(/^未入选说明\d+条$/));
    await waitFor(() => expect(host.callsOf("activateSheet")).toHaveLength(2));
    expect(host.callsOf("activateSheet")[1]).toEqual(["未入选说明"]);
  });

  test("a ledger with errors: the run ends in a warning and the tab shows the draft line", async () => {
    setup();
    await screen.findByText(/已识别8\/8/);
    tab("考评表彰");
    fireEvent.click(button("考评并生成表彰名单"));
    const bar = await screen.findByTestId("draft-warning");
    const errors = summarize(expectedAnalysis(sampleWorkbook()).findings).error;
    expect(errors).toBeGreaterThan(0);
    expect(bar.textContent).toMatch(
      new RegExp(`^试算稿台账尚有${errors}处错误，[1-9]\\d*个对象因错误未参加考评；改正后请重新考评。$`),
    );
    expect(screen.queryByText(/考评完成/)).toBeNull();
    // the run's own message and the tab's bar are warnings: Fluent shows the intent by its icon
    const message = screen.getByText("已写入6张结果表；台账尚有错误，表彰名单为试算稿");
    expect(intentIcon(message)).toBe(referenceIcon("warning"));
    expect(intentIcon(bar)).toBe(referenceIcon("warning"));
    expect(referenceIcon("warning")).not.toBe(referenceIcon("success"));
  });

  test("at 检查基准日 2011-03-01: no 第三时段 lists, 第二时段 headed 拟推荐", async () => {
    setup();
    await screen.findByText(/检查基准日：2012-11-07/);
    fireEvent.change(screen.getByLabelText("检查基准日"), { target: { value: "2011-03-01" } });
    await screen.findByText(/检查基准日：2011-03-01/);
    tab("考评表彰");
    fireEvent.click(button("考评并生成表彰名单"));
    await screen.findByTestId("draft-warning");
    const phases = screen.getAllByRole("region").map((r) => r.getAttribute("aria-label"));
    expect(phases).toEqual(expect.arrayContaining(["第一时段", "第二时段"]));
    expect(phases).not.toContain("第三时段");
    expect(within(screen.getByRole("region", { name: "第二时段" })).getByRole("heading").textContent).toBe(
      "第二时段（拟推荐）",
    );
    expect(within(screen.getByRole("region", { name: "第一时段" })).getByRole("heading").textContent).toBe(
      "第一时段",
    );
  });

  test("a ledger without errors: a plain success and no draft warning", async () => {
    const host = new FakeHost(workbookOf(generateLedger({ ...SMALL_SAMPLE, mistakes: false }).models));
    setup({}, host);
    await screen.findByText(/已识别8\/8/);
    tab("考评表彰");
    fireEvent.click(button("考评并生成表彰名单"));
    expect(await screen.findByText("考评完成，已写入6张结果表")).toBeTruthy();
    expect(screen.queryByTestId("draft-warning")).toBeNull();
  });

  test("without a 评分规则 sheet: defaults, and 插入评分规则表 adds it", async () => {
    const wb = sampleWorkbook();
    const host = new FakeHost({ ...wb, sheets: wb.sheets.filter((g) => g.name !== "评分规则") });
    setup({}, host);
    await screen.findByText(/已识别8\/8/);
    tab("考评表彰");
    expect(screen.getByText("使用默认规则（工作簿中没有“评分规则”表）")).toBeTruthy();
    fireEvent.click(button("插入评分规则表"));
    expect(await screen.findByText("已插入“评分规则”表，可修改“值”一列")).toBeTruthy();
    const [[models]] = host.callsOf("addMissingSheets") as [[{ name: string }[]]];
    expect(models.map((m) => m.name)).toEqual(["评分规则"]);
    expect(screen.getByText(/来自“评分规则”表/)).toBeTruthy();
  });
});

describe("设置", () => {
  test("which result sheets to write, and the language", async () => {
    const { host } = setup();
    await screen.findByText(/已识别8\/8/);
    tab("设置");
    fireEvent.click(screen.getByRole("checkbox", { name: "进度督查" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "校验结果" }));
    tab("考评表彰");
    fireEvent.click(button("考评并生成表彰名单"));
    await screen.findByText(/已写入\d张结果表/);
    const [[models]] = host.callsOf("writeSheets") as [[{ name: string }[]]];
    expect(models.map((m) => m.name)).toEqual(["考评结果-组织", "考评结果-党员", "表彰名单", "未入选说明"]);

    tab("设置");
    fireEvent.click(screen.getByRole("radio", { name: "English" }));
    expect(screen.getByRole("tab", { name: "Check" })).toBeTruthy();
    tab("Check");
    expect(button("Check ledger")).toBeTruthy();
  });
});

describe("browser preview", () => {
  test("banner, 载入示例台账, the read-only grid and 下载结果工作簿", async () => {
    const host = new FakeHost(sampleWorkbook());
    const toBytes = jest.fn(async () => new Uint8Array([1, 2, 3]));
    const preview = {
      loadSample: jest.fn(async () => ({ host, name: "示例台账.xlsx", toBytes })),
      openFile: jest.fn(),
    };
    const createObjectURL = jest.fn(() => "blob:x");
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    render(<App kind="preview" theme="light" preview={preview} />);
    expect(screen.getByText("浏览器预览：未连接 Excel")).toBeTruthy();
    expect(button("下载结果工作簿")).toHaveProperty("disabled", true);
    fireEvent.click(button("载入示例台账"));
    expect(await screen.findByText(/已识别8\/8张台账表/)).toBeTruthy();
    expect(screen.getByTestId("sheet-grid").getAttribute("data-sheet")).toBe("填报信息");

    tab("考评表彰");
    fireEvent.click(button("考评并生成表彰名单"));
    await screen.findByText(/已写入\d张结果表/);
    await waitFor(() => expect(screen.getByTestId("sheet-grid").getAttribute("data-sheet")).toBe("表彰名单"));
    fireEvent.click(button("进度督查"));
    await waitFor(() => expect(screen.getByTestId("sheet-grid").getAttribute("data-sheet")).toBe("进度督查"));

    await act(async () => fireEvent.click(button("下载结果工作簿")));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(toBytes).toHaveBeenCalled();
    const a = click.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(a.download).toBe("示例台账-结果.xlsx");
    click.mockRestore();
  });

  test("starts with the sample when asked (?sample=1)", async () => {
    const host = new FakeHost(sampleWorkbook());
    const preview = {
      loadSample: jest.fn(async () => ({ host, name: "示例台账.xlsx" })),
      openFile: jest.fn(),
    };
    render(<App kind="preview" theme="dark" preview={preview} startWithSample />);
    expect(await screen.findByText(/已识别8\/8张台账表/)).toBeTruthy();
    expect(preview.loadSample).toHaveBeenCalledTimes(1);
  });
});
