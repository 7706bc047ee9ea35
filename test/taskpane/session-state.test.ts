// The pane's session reducer: runs start, report progress and end (done, cancelled, failed); only
// the current run can change the state, so superseded and late results are dropped; the 检查基准日
// and the reading it was checked at stay consistent.
import type { Workbook } from "../../src/engine/grid";
import type { CompileResult } from "../../src/app/jobs/compile";
import type { EvaluateResult } from "../../src/app/jobs/evaluate";
import type { ValidateResult } from "../../src/app/jobs/validate";
import type { PreviewSession } from "../../src/app/preview-session";
import {
  checkDate,
  initialSession,
  pendingRecheck,
  sessionReducer,
  type RunKind,
  type SessionAction,
  type SessionState,
} from "../../src/taskpane/session/state";

const workbook = (...names: string[]): Workbook => ({
  date1904: false,
  sheets: names.map((name) => ({ name, rows: [], merges: [] })),
});

/** Readings are opaque to the reducer: only their identity, workbook and asOf matter. */
const reading = (asOf = "", wb = workbook("党员", "评分规则")) =>
  ({ workbook: wb, asOf, counts: { error: 1, warning: 0, info: 0 } }) as unknown as ValidateResult;

const info = (text: string) => ({ intent: "info" as const, text });

function reduce(state: SessionState, ...actions: SessionAction[]): SessionState {
  return actions.reduce(sessionReducer, state);
}

const started = (id: number, kind: RunKind = "validate"): SessionAction => ({ type: "runStarted", id, kind });

describe("a run's life", () => {
  test("start → progress → done: busy while it runs, its result applied, the message replaced", () => {
    const r = reading();
    let s = reduce(initialSession(info("from the start")), started(1));
    expect(s.run).toEqual({
      id: 1,
      kind: "validate",
      progress: { stage: { "zh-CN": "", en: "" }, done: 0, total: 0 },
    });
    expect(s.message).toBeNull();

    s = reduce(s, {
      type: "runProgress",
      id: 1,
      progress: { stage: { "zh-CN": "校验 …", en: "Checking …" }, done: 1, total: 2 },
    });
    expect(s.run?.progress).toEqual({ stage: { "zh-CN": "校验 …", en: "Checking …" }, done: 1, total: 2 });

    s = reduce(s, {
      type: "runSucceeded",
      id: 1,
      result: { reading: r, checked: true, message: info("done") },
    });
    expect(s).toMatchObject({ run: null, reading: r, checked: true, message: info("done") });
  });

  test("a re-check keeps the message of the clerk's last action; other runs replace it", () => {
    const loaded = { intent: "success" as const, text: "已打开“示例台账.xlsx”" };
    const s = reduce(
      initialSession(),
      started(1, "open"),
      { type: "runSucceeded", id: 1, result: { reading: reading(), message: loaded } },
      { type: "asOfChanged", asOf: "2011-12-31" },
      started(2, "recheck"),
    );
    expect(s.message).toEqual(loaded);
    expect(
      reduce(s, { type: "runSucceeded", id: 2, result: { reading: reading("2011-12-31") } }).message,
    ).toEqual(loaded);
    const after = reduce(s, { type: "runSucceeded", id: 2, result: {} }, started(3, "validate"));
    expect(after.message).toBeNull();
  });

  test("one run at a time: a second start is ignored while the first runs", () => {
    const s = reduce(initialSession(), started(1, "evaluate"), started(2, "validate"));
    expect(s.run).toMatchObject({ id: 1, kind: "evaluate" });
  });

  test("a plain read keeps 'checked': the 校验 tab shows the newest reading", () => {
    const first = reading();
    const second = reading();
    const s = reduce(
      initialSession(),
      started(1),
      { type: "runSucceeded", id: 1, result: { reading: first, checked: true } },
      started(2, "read"),
      { type: "runSucceeded", id: 2, result: { reading: second } },
    );
    expect(s.checked).toBe(true);
    expect(s.reading).toBe(second);
  });

  test("a failed run keeps what was there and says what went wrong", () => {
    const r = reading();
    const error = { intent: "error" as const, title: "出错了", text: "请重试" };
    const s = reduce(
      initialSession(),
      started(1, "read"),
      { type: "runSucceeded", id: 1, result: { reading: r } },
      started(2, "evaluate"),
      { type: "runFailed", id: 2, message: error },
    );
    expect(s).toMatchObject({ run: null, reading: r, evaluation: null, message: error });
  });
});

describe("cancel", () => {
  test("a cancelled run changes nothing but the message", () => {
    const r = reading();
    const before = reduce(initialSession(), started(1, "read"), {
      type: "runSucceeded",
      id: 1,
      result: { reading: r },
    });
    const after = reduce(before, started(2, "fixes"), {
      type: "runCancelled",
      id: 2,
      message: info("已取消，工作簿保持运行前的状态"),
    });
    expect(after).toEqual({ ...before, message: info("已取消，工作簿保持运行前的状态") });
  });

  test("a cancelled re-check puts the date back to the one the reading was checked at", () => {
    const s = reduce(
      initialSession(),
      started(1, "read"),
      { type: "runSucceeded", id: 1, result: { reading: reading("2012-11-07") } },
      { type: "asOfChanged", asOf: "2011-12-31" },
      started(2, "recheck"),
      { type: "runCancelled", id: 2, message: info("cancelled") },
    );
    expect(s.asOf).toBe("2012-11-07");
    expect(pendingRecheck(s)).toBeUndefined();
  });

  test("a failed re-check does the same (no endless retries)", () => {
    const s = reduce(
      initialSession(),
      started(1, "read"),
      { type: "runSucceeded", id: 1, result: { reading: reading("") } },
      { type: "asOfChanged", asOf: "2011-12-31" },
      started(2, "recheck"),
      { type: "runFailed", id: 2, message: info("failed") },
    );
    expect(s.asOf).toBe("");
  });
});

describe("stale results are dropped", () => {
  test("progress and results of an earlier run id change nothing", () => {
    const s0 = reduce(initialSession(), started(1, "read"), {
      type: "runCancelled",
      id: 1,
      message: info("cancelled"),
    });
    const s1 = reduce(s0, started(2, "validate"));
    const late: SessionAction[] = [
      { type: "runProgress", id: 1, progress: { stage: { "zh-CN": "old", en: "old" }, done: 1, total: 1 } },
      { type: "runSucceeded", id: 1, result: { reading: reading(), message: info("old") } },
      { type: "runFailed", id: 1, message: info("old") },
      { type: "runCancelled", id: 1, message: info("old") },
    ];
    expect(reduce(s1, ...late)).toBe(s1);
  });

  test("results arriving when no run is current are dropped too", () => {
    const s = initialSession();
    expect(reduce(s, { type: "runSucceeded", id: 7, result: { reading: reading() } })).toBe(s);
  });

  test("a newer 检查基准日 supersedes a re-check in progress; its late result is dropped", () => {
    const old = reading("");
    let s = reduce(
      initialSession(),
      started(1, "read"),
      { type: "runSucceeded", id: 1, result: { reading: old } },
      { type: "asOfChanged", asOf: "2011-12-31" },
    );
    expect(pendingRecheck(s)).toBe("2011-12-31");
    s = reduce(s, started(2, "recheck"), { type: "asOfChanged", asOf: "2010-12-31" });
    expect(s.run).toBeNull();
    expect(pendingRecheck(s)).toBe("2010-12-31");

    s = reduce(s, started(3, "recheck"), {
      type: "runSucceeded",
      id: 2,
      result: { reading: reading("2011-12-31") },
    });
    expect(s.reading).toBe(old);
    const newest = reading("2010-12-31");
    s = reduce(s, { type: "runSucceeded", id: 3, result: { reading: newest } });
    expect(s.reading).toBe(newest);
    expect(pendingRecheck(s)).toBeUndefined();
  });

  test("a date changed during another run waits for it, then asks for a re-check", () => {
    let s = reduce(
      initialSession(),
      started(1, "read"),
      { type: "runSucceeded", id: 1, result: { reading: reading("") } },
      started(2, "evaluate"),
      { type: "asOfChanged", asOf: "2011-12-31" },
    );
    expect(s.run?.id).toBe(2); // not a re-check: it goes on
    expect(pendingRecheck(s)).toBeUndefined();
    s = reduce(s, { type: "runSucceeded", id: 2, result: { reading: reading("") } });
    expect(pendingRecheck(s)).toBe("2011-12-31");
  });
});

describe("检查基准日", () => {
  test("a half-typed date asks for nothing; new reads use the last usable one", () => {
    const s = reduce(
      initialSession(),
      started(1, "read"),
      { type: "runSucceeded", id: 1, result: { reading: reading("2012-01-01") } },
      { type: "asOfChanged", asOf: "2012-13" },
    );
    expect(pendingRecheck(s)).toBeUndefined();
    expect(checkDate(s)).toBe("2012-01-01");
    expect(checkDate(reduce(s, { type: "asOfChanged", asOf: "" }))).toBe("");
  });

  test("no reading yet: nothing to re-check", () => {
    expect(pendingRecheck(reduce(initialSession(), { type: "asOfChanged", asOf: "2011-12-31" }))).toBe(
      undefined,
    );
  });
});

describe("browser preview", () => {
  const session = { name: "示例台账.xlsx" } as PreviewSession;

  test("opening a workbook drops the earlier check and evaluation and shows its first sheet", () => {
    const s = reduce(
      {
        ...initialSession(),
        checked: true,
        evaluation: {} as EvaluateResult,
      },
      started(1, "open"),
      {
        type: "runSucceeded",
        id: 1,
        result: { preview: session, reading: reading(), show: "党员" },
      },
    );
    expect(s).toMatchObject({ preview: session, checked: false, evaluation: null });
    expect(s.viewer).toMatchObject({ active: "党员" });
  });

  test("the grid keeps its sheet and cell while the sheet exists, and follows what a run shows", () => {
    let s = reduce(
      initialSession(),
      started(1, "open"),
      { type: "runSucceeded", id: 1, result: { preview: session, reading: reading() } },
      { type: "sheetShown", sheet: "党员", cell: "D3" },
    );
    s = reduce(s, started(2, "validate"), { type: "runSucceeded", id: 2, result: { reading: reading() } });
    expect(s.viewer).toMatchObject({ active: "党员", cell: "D3" });

    const written = workbook("党员", "评分规则", "校验结果");
    s = reduce(s, started(3, "writeFindings"), {
      type: "runSucceeded",
      id: 3,
      result: { workbook: written, show: "校验结果" },
    });
    expect(s.viewer).toEqual({ workbook: written, active: "校验结果" });

    s = reduce(s, started(4, "read"), {
      type: "runSucceeded",
      id: 4,
      result: { reading: reading("", workbook("党员")) },
    });
    expect(s.viewer.active).toBeNull();
  });
});

describe("汇总报送's compilation", () => {
  const compiled = (n: number) => ({ summary: { n } }) as unknown as CompileResult;
  const done = (id: number, result: object): SessionAction => ({ type: "runSucceeded", id, result });

  test("a compilation replaces the last one and what was written from it; writing records the sheets", () => {
    const first = compiled(1);
    let s = reduce(initialSession(), started(1, "compile"), done(1, { compile: first }));
    expect(s.compile).toEqual({ result: first, written: null });
    s = reduce(s, started(2, "writeDistrict"), done(2, { districtWritten: ["报送情况", "表彰名单"] }));
    expect(s.compile).toEqual({ result: first, written: ["报送情况", "表彰名单"] });
    const second = compiled(2);
    s = reduce(s, started(3, "compile"), done(3, { compile: second }));
    expect(s.compile).toEqual({ result: second, written: null });
  });

  test("a cancelled compilation keeps the last one; opening another workbook keeps it too", () => {
    const first = compiled(1);
    let s = reduce(initialSession(), started(1, "compile"), done(1, { compile: first }));
    s = reduce(s, started(2, "compile"), { type: "runCancelled", id: 2, message: info("cancelled") });
    expect(s.compile?.result).toBe(first);
    const session = { host: {}, name: "b.xlsx" } as unknown as PreviewSession;
    s = reduce(s, started(3, "open"), done(3, { preview: session, reading: reading() }));
    expect(s.compile?.result).toBe(first);
    expect(s.evaluation).toBeNull();
  });
});
