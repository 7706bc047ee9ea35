// The ribbon commands in real Excel: Office ends a function command after about five minutes. So a
// command runs small workbooks itself, hands larger ones to the task pane, stops (restoring the
// workbook) at its time limit, shows its outcome in a dialog that closes itself, and calls
// event.completed() exactly once on every path. Fakes stand in for Office and the host.
import { COMMAND_LIMITS, runCommand, validateCommand, type CommandDeps } from "../../src/commands/commands";
import { showNotice } from "../../src/hosts/office/dialog";
import type { LedgerHost, RunOptions } from "../../src/hosts/host";
import { DEFAULT_SETTINGS } from "../../src/app/settings";
import type { SheetModel } from "../../src/report/sheet-model";
import { FakeHost } from "./fake-host";
import { sampleWorkbook } from "./setup";

interface Seen {
  notices: { text: string; closeAfterMs?: number }[];
  taskpane: number;
  completed: number;
  hostLoaded: number;
}

function setUp(o: { cells?: number; host?: LedgerHost; limits?: Partial<typeof COMMAND_LIMITS> } = {}) {
  const seen: Seen = { notices: [], taskpane: 0, completed: 0, hostLoaded: 0 };
  const host = o.host ?? new FakeHost(sampleWorkbook());
  const deps: CommandDeps = {
    settings: () => ({ ...DEFAULT_SETTINGS }),
    loadHost: async () => {
      seen.hostLoaded++;
      return host;
    },
    loadRibbon: async () => ({
      workbookCells: async () => o.cells ?? 20_000,
      showTaskpane: async () => {
        seen.taskpane++;
        return false;
      },
      showNotice: async (text, closeAfterMs) => {
        seen.notices.push({ text, closeAfterMs });
      },
    }),
    limits: { ...COMMAND_LIMITS, ...o.limits },
  };
  const event = { completed: () => void seen.completed++ };
  const validate = () => runCommand(event, (h, s) => validateCommand(h, s.lang), "validate", deps);
  return { seen, host, deps, event, validate };
}

test("limits: the job, the dialog and their sum stay well inside Office's five minutes", () => {
  expect(COMMAND_LIMITS.jobMs + COMMAND_LIMITS.noticeMs).toBeLessThanOrEqual(4 * 60_000);
});

test("a small workbook runs in the command; the dialog says the outcome and closes itself; completed once", async () => {
  const { seen, host, validate } = setUp();
  await validate();
  expect(seen.hostLoaded).toBe(1);
  expect((host as FakeHost).callsOf("writeSheets")).toHaveLength(1);
  expect(seen.notices).toHaveLength(1);
  expect(seen.notices[0].text).toMatch(/^校验台账：错误\d+条 · 警告\d+条 · 提示\d+条\n已写入“校验结果”表$/);
  expect(seen.notices[0].closeAfterMs).toBe(COMMAND_LIMITS.noticeMs);
  expect(seen.completed).toBe(1);
});

test("a large workbook is handed to the task pane: nothing read or written, the dialog says where to go", async () => {
  const { seen, validate } = setUp({ cells: COMMAND_LIMITS.maxCells + 1 });
  await validate();
  expect(seen.hostLoaded).toBe(0);
  expect(seen.taskpane).toBe(1);
  expect(seen.notices[0].text).toBe(
    "这个工作簿较大（约1,000,001个单元格），在按钮中运行可能超过 Office 允许的时间。请在任务窗格中运行：点击“台账助手”，再在窗格中点击“校验台账”。",
  );
  expect(seen.completed).toBe(1);
});

test("a job past the time limit is cancelled (the host restores the workbook) and the dialog says so", async () => {
  const host = new FakeHost(sampleWorkbook());
  host.block.add("readWorkbook"); // a read that would go on for ever
  const { seen, validate } = setUp({ host, limits: { jobMs: 30 } });
  await validate();
  expect(host.callsOf("readWorkbook")).toHaveLength(1);
  expect(host.callsOf("writeSheets")).toHaveLength(0);
  expect(seen.notices[0].text).toMatch(/^运行时间过长，已停止，工作簿保持运行前的状态。/);
  expect(seen.completed).toBe(1);
});

test("what the host could not do is listed under the outcome", async () => {
  const host = new FakeHost(sampleWorkbook());
  const write = host.writeSheets.bind(host);
  host.writeSheets = async (models: SheetModel[], o: RunOptions & { replace: readonly string[] }) => {
    await write(models, o);
    o.onNote?.({ "zh-CN": "结果表“校验结果”的下拉列表未能设置，表中数据已完整写入", en: "x" });
  };
  const { seen, validate } = setUp({ host });
  await validate();
  expect(seen.notices[0].text.split("\n").slice(2)).toEqual([
    "请注意：",
    "结果表“校验结果”的下拉列表未能设置，表中数据已完整写入",
  ]);
});

test.each([
  [
    "the job fails",
    (d: CommandDeps, h: FakeHost) => void h.fail.set("readWorkbook", new Error("boom")),
    /boom/,
  ],
  [
    "the host cannot load",
    (d: CommandDeps) => void (d.loadHost = () => Promise.reject(new Error("no host"))),
    /no host/,
  ],
  [
    "the size cannot be read",
    (d: CommandDeps) => wrapRibbon(d, { workbookCells: () => Promise.reject(new Error("size")) }),
    /size/,
  ],
] as const)("completed() once and a dialog when %s", async (_name, breakIt, message) => {
  const host = new FakeHost(sampleWorkbook());
  const { seen, deps, event } = setUp({ host });
  breakIt(deps, host);
  await runCommand(event, (h, s) => validateCommand(h, s.lang), "validate", deps);
  expect(seen.notices).toHaveLength(1);
  expect(seen.notices[0].text).toMatch(message);
  expect(seen.completed).toBe(1);
});

test.each([
  ["the dialog cannot open", { showNotice: () => Promise.reject(new Error("no dialog")) }],
  ["Office's UI cannot load", null],
] as const)("completed() once when %s", async (_name, ribbon) => {
  const { seen, deps, event } = setUp();
  if (ribbon) wrapRibbon(deps, ribbon);
  else deps.loadRibbon = () => Promise.reject(new Error("no office"));
  await runCommand(event, (h, s) => validateCommand(h, s.lang), "validate", deps);
  expect(seen.completed).toBe(1);
});

function wrapRibbon(d: CommandDeps, over: object): void {
  const load = d.loadRibbon;
  d.loadRibbon = async () => ({ ...(await load()), ...over });
}

describe("the notice dialog", () => {
  const g = globalThis as { Office?: unknown; location?: unknown };
  afterEach(() => {
    delete g.Office;
  });

  function fakeOffice(o: { fail?: boolean } = {}) {
    const dialog = { closed: 0, handlers: [] as (() => void)[] };
    g.Office = {
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      EventType: { DialogEventReceived: "dialogEventReceived" },
      context: {
        ui: {
          displayDialogAsync: (_url: string, _o: unknown, cb: (r: unknown) => void) =>
            cb(
              o.fail
                ? { status: "failed" }
                : {
                    status: "succeeded",
                    value: {
                      addEventHandler: (_t: string, h: () => void) => dialog.handlers.push(h),
                      close: () => dialog.closed++,
                    },
                  },
            ),
        },
      },
    };
    return dialog;
  }

  beforeAll(() => {
    g.location ??= { href: "https://ledger.example/commands.html" };
  });

  test("closes itself after the given time", async () => {
    const dialog = fakeOffice();
    const t0 = Date.now();
    await showNotice("已写入“校验结果”表", 40);
    expect(dialog.closed).toBe(1);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(35);
  });

  test("resolves when the clerk closes it first, and at once when it cannot open", async () => {
    const dialog = fakeOffice();
    const shown = showNotice("x", 60_000);
    dialog.handlers.forEach((h) => h());
    await shown;
    expect(dialog.closed).toBe(0);
    fakeOffice({ fail: true });
    await showNotice("x", 60_000);
  });
});
