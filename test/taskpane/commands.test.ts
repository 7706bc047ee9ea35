// The ribbon commands over a fake host: 校验台账 writes and shows 校验结果; 考评表彰 writes the chosen
// result sheets and shows 表彰名单; the jobs they share with the pane report progress and honour
// cancellation. Expectations come from what the sample generator says it seeded, not from the engine.
import { validateCommand, evaluateCommand } from "../../src/commands/commands";
import { CancelledError } from "../../src/hosts/host";
import { runToCompletion, type JobRun } from "../../src/app/job";
import { evaluateJob } from "../../src/app/jobs/evaluate";
import { fixOf } from "../../src/app/jobs/fixes";
import { validateJob } from "../../src/app/jobs/validate";
import { rulesInForce } from "../../src/app/results/rules-in-force";
import { PANE_RESULT_SHEETS } from "../../src/app/settings";
import { generateLedger, SMALL_SAMPLE } from "../../src/samples/generate";
import { FakeHost } from "./fake-host";
import { EXTRA_INFO_FINDINGS, sampleWorkbook } from "./setup";

/** The counts the sample must give: its seeded mistakes, plus the two normalisable cells of setup.ts. */
function seededCounts() {
  const seeded = generateLedger(SMALL_SAMPLE).seeded;
  return {
    error: seeded.filter((m) => m.severity === "error").length,
    warning: seeded.filter((m) => m.severity === "warning").length,
    info: EXTRA_INFO_FINDINGS,
  };
}

const quiet = (signal = new AbortController().signal): JobRun => ({ signal, onProgress: () => {} });

test("校验台账: writes 校验结果, activates it, says the counts", async () => {
  const host = new FakeHost(sampleWorkbook());
  const text = await runToCompletion(validateCommand(host, "zh-CN"));
  const c = seededCounts();
  expect(c.error).toBeGreaterThan(0);
  expect(c.warning).toBeGreaterThan(0);
  expect(text).toBe(`校验台账：错误${c.error}条 · 警告${c.warning}条 · 提示${c.info}条\n已写入“校验结果”表`);
  expect(host.callsOf("writeSheets").map(([m]) => (m as { name: string }[]).map((x) => x.name))).toEqual([
    ["校验结果"],
  ]);
  expect(host.active).toBe("校验结果");
});

test("考评表彰: writes the chosen result sheets and shows 表彰名单", async () => {
  const host = new FakeHost(sampleWorkbook());
  const text = await runToCompletion(evaluateCommand(host, "zh-CN", PANE_RESULT_SHEETS));
  // the sample has errors: the dialog says the lists are a draft, with the draft line (§5.1)
  expect(text).toMatch(/^已写入6张结果表；台账尚有错误，表彰名单为试算稿\n/);
  expect(text).toContain(`台账尚有${seededCounts().error}处错误，`);
  expect(host.active).toBe("表彰名单");
  for (const name of PANE_RESULT_SHEETS) expect(host.wb.sheets.map((s) => s.name)).toContain(name);
});

test("jobs report progress and stop when cancelled", async () => {
  const host = new FakeHost(sampleWorkbook());
  const stages: string[] = [];
  await validateJob(host, { lang: "zh-CN", asOf: "" })({
    signal: new AbortController().signal,
    onProgress: (p) => stages.push(p.stage["zh-CN"]),
  });
  expect(stages).toEqual(expect.arrayContaining(["读取工作簿", "readWorkbook", "校验 …"]));

  const ctrl = new AbortController();
  const run = evaluateJob(host, { lang: "zh-CN", asOf: "", resultSheets: PANE_RESULT_SHEETS })({
    signal: ctrl.signal,
    onProgress: (p) => {
      if (p.stage["zh-CN"] === "考评 …") ctrl.abort();
    },
  });
  await expect(run).rejects.toBeInstanceOf(CancelledError);
  expect(host.callsOf("writeSheets")).toHaveLength(0);
});

test("fixOf: dates as dates, numbers as numbers, text as text; no fix → none", async () => {
  const host = new FakeHost(sampleWorkbook());
  const { analysis } = await validateJob(host, { lang: "zh-CN", asOf: "" })(quiet());
  const fixes = analysis.findings.map((f) => fixOf(f, analysis)).filter(Boolean);
  expect(fixes.map((f) => f!.kind).sort()).toEqual(["date", "text"]);
  expect(
    fixOf({ severity: "info", code: "normalized", sheet: "党员", cell: "H2", fix: 3 }, analysis),
  ).toEqual({
    sheet: "党员",
    cell: "H2",
    value: 3,
    kind: "number",
  });
  expect(
    fixOf({ severity: "error", code: "required", sheet: "党员", cell: "H2", fix: null }, analysis),
  ).toBeUndefined();
});

test("rules in force: from the sheet where set, defaults elsewhere", () => {
  const r = rulesInForce(sampleWorkbook());
  expect(r.sheet).toBe("评分规则");
  // The sample leaves 检查基准日 empty (today, capped at 第三时段结束, applies).
  expect(r.rows.find((x) => x.key === "检查基准日")).toMatchObject({ value: "", source: "default" });
  expect(r.rows.find((x) => x.key === "第三时段结束")).toMatchObject({ value: "2012-11-07" });
  expect(r.rows.find((x) => x.key === "名额-党员")).toMatchObject({ value: "0.05" });
  const none = rulesInForce({
    ...sampleWorkbook(),
    sheets: sampleWorkbook().sheets.filter((s) => s.name !== "评分规则"),
  });
  expect(none.sheet).toBeUndefined();
  expect(none.rows.every((x) => x.source === "default")).toBe(true);
});
