// 校验台账 in Excel, off the pane's thread (issue 12): Excel gives no bytes, so the pane reads the
// workbook itself and sends its Grids to the worker in parts (faked in-process, with the same
// protocol). The worker checks them and sends back only the result; the same findings as checking
// inline; a kept worker checks the same reading again without anything sent.
import { startJob } from "../../src/app/job";
import { answerMessage, type WorkerMemory } from "../../src/app/check/check-in-worker";
import { checkGridsOffThread } from "../../src/app/check/check-grids-off-thread";
import { KeptWorker, type OffThread } from "../../src/app/check/check-off-thread";
import { sheetParts } from "../../src/app/check/grid-parts";
import type { CheckReply } from "../../src/app/check/check-protocol";
import { evaluateJob } from "../../src/app/jobs/evaluate";
import { recheckJob, validateJob } from "../../src/app/jobs/validate";
import type { Grid, Workbook } from "../../src/engine/grid";
import { RESULT_SHEET_NAMES } from "../../src/engine/schema";
import { createPreviewHost } from "../../src/hosts/preview";
import { writeSheetModels } from "../../src/hosts/xlsx/write";
import { generateLedger, SMALL_SAMPLE } from "../../src/samples/generate";
import { FakeWorker } from "./fake-check-worker";

/** A part of the Grids gets no reply. */
const noReply = (): never => {
  throw new Error("a part of the Grids has no reply");
};

let sample: Uint8Array;

beforeAll(async () => {
  sample = await writeSheetModels(generateLedger(SMALL_SAMPLE).models);
});

const params = { lang: "zh-CN" as const, asOf: "" };

/**
 * A host that reads like Excel's (the preview host's reading, on this thread) and the pane's
 * off-thread settings in Excel: a worker to make, no bytes.
 */
function excelWith(worker: () => FakeWorker | undefined = () => new FakeWorker(), kept?: KeptWorker) {
  const host = createPreviewHost(sample, { yieldToUi: async () => undefined });
  const reads = jest.spyOn(host, "readWorkbook");
  const made: FakeWorker[] = [];
  const off: OffThread = {
    makeWorker: () => {
      const w = worker();
      if (w) made.push(w);
      return w;
    },
    ...(kept ? { kept } : {}),
  };
  return { host, reads, made, off };
}

async function done<T>(job: Promise<{ status: string; value?: T }>): Promise<T> {
  const outcome = await job;
  if (outcome.status !== "done") throw new Error(`not done: ${outcome.status}`);
  return outcome.value!;
}

test("the Grids read here are checked in the worker: what checking inline gives, only the result sent back", async () => {
  const inline = await done(startJob(validateJob(createPreviewHost(sample), params)).outcome);
  const { host, reads, made, off } = excelWith();
  const r = await done(startJob(validateJob(host, params, off)).outcome);
  expect(reads).toHaveBeenCalledTimes(1); // read here, through the host (Office.js in Excel)
  expect(made).toHaveLength(1);
  const [w] = made;
  expect(w.requests).toHaveLength(1);
  expect(w.requests[0].bytes).toBeUndefined();
  expect(w.requests[0].sent).toEqual({ date1904: r.workbook.date1904, sheets: r.workbook.sheets.length });
  expect(w.parts.filter((p) => p.kind === "sheet")).toHaveLength(r.workbook.sheets.length);
  expect(w.replies).toEqual(["checked"]); // no Grids come back
  expect(w.terminated).toBe(true); // not kept: one worker per request
  expect(r.analysis.findings).toEqual(inline.analysis.findings);
  expect(r.analysis.overview).toEqual(inline.analysis.overview);
  expect(r.analysis.ignoredSheets).toEqual(inline.analysis.ignoredSheets);
  expect(r.counts).toEqual(inline.counts);
  expect(r.checkDate).toBe(inline.checkDate);
  expect(r.rules).toEqual(inline.rules);
  expect(r.workbook).toEqual(inline.workbook);
  expect(r.bytes).toBeUndefined();
  // the ledger is built here only when asked for, and then it is the same
  expect(Object.keys(r.analysis)).not.toContain("ledger");
  expect(r.analysis.ledger.tables).toEqual(inline.analysis.ledger.tables);
});

test("the worker checks exactly the workbook the pane read: a large sheet in parts, rows, formats, merges", async () => {
  const { host, made, off } = excelWith();
  const read = await host.readWorkbook({ signal: new AbortController().signal });
  const rows: Grid["rows"] = [];
  const formats: NonNullable<Grid["formats"]> = [];
  for (let r = 0; r < 12_000; r++) {
    if (r % 9 === 4) continue; // an absent row
    rows[r] = [`M${r}`, 40_000 + r, r % 3 === 0 ? null : "是"];
    if (r % 5 === 0) formats[r] = [undefined, "yyyy-mm-dd"];
  }
  const large: Grid = { name: "大表", rows, formats, merges: [{ top: 0, left: 0, bottom: 1, right: 2 }] };
  const workbook: Workbook = { ...read, sheets: [...read.sheets, large] };
  const checked = await checkGridsOffThread(off, workbook, undefined, 0, {
    signal: new AbortController().signal,
  });
  expect(checked?.workbook).toBe(workbook);
  const [w] = made;
  const index = workbook.sheets.length - 1;
  expect(w.parts.filter((p) => p.kind === "rows" && p.index === index).length).toBeGreaterThan(1);
  expect(w.memory.workbook).toEqual(workbook);
  expect(w.memory.workbook).not.toBe(workbook); // a copy, as a real worker's
});

describe("a kept worker (the pane's in Excel)", () => {
  test("checks the same reading again at another 检查基准日 with nothing sent: the same as inline", async () => {
    const at = { ...params, asOf: "2011-03-01" };
    const inline = await done(startJob(validateJob(createPreviewHost(sample), params)).outcome);
    const inlineAt = await done(startJob(recheckJob(inline, at)).outcome);

    const kept = new KeptWorker();
    const { host, reads, made, off } = excelWith(undefined, kept);
    const first = await done(startJob(validateJob(host, params, off)).outcome);
    const partsSent = made[0].parts.length;
    expect(made[0].terminated).toBe(false); // kept, holding the Grids
    const again = await done(startJob(recheckJob(first, at, off)).outcome);
    expect(made).toHaveLength(1);
    expect(made[0].parts).toHaveLength(partsSent); // nothing sent again
    expect(made[0].requests[1]).toMatchObject({ held: true });
    expect(reads).toHaveBeenCalledTimes(1); // the workbook not read again either
    expect(again.analysis.findings).toEqual(inlineAt.analysis.findings);
    expect(again.checkDate).toBe(inlineAt.checkDate);
    expect(again.workbook).toBe(first.workbook);
    kept.close();
  });

  test("a new reading (the clerk edited the workbook) is sent to the same worker, which then holds it", async () => {
    const kept = new KeptWorker();
    const { host, made, off } = excelWith(undefined, kept);
    await done(startJob(validateJob(host, params, off)).outcome);
    const before = made[0].parts.length;
    const second = await done(startJob(validateJob(host, params, off)).outcome);
    expect(made).toHaveLength(1);
    expect(made[0].parts.length).toBe(before * 2); // sent again: another reading is another workbook
    expect(made[0].requests[1].sent).toBeDefined();
    expect(made[0].memory.workbook).toEqual(second.workbook);
    kept.close();
  });

  test("a worker that fails is not kept: checked here, with the same result; the next check has a new one", async () => {
    const inline = await done(startJob(validateJob(createPreviewHost(sample), params)).outcome);
    const kept = new KeptWorker();
    let crash = true;
    const { host, made, off } = excelWith(() => new FakeWorker(crash), kept);
    const r = await done(startJob(validateJob(host, params, off)).outcome);
    expect(r.analysis.findings).toEqual(inline.analysis.findings);
    expect(made[0].terminated).toBe(true);
    crash = false;
    await done(startJob(validateJob(host, params, off)).outcome);
    expect(made).toHaveLength(2);
    expect(made[1].terminated).toBe(false);
    kept.close();
  });
});

test("no worker can run: checked here, the same result", async () => {
  const inline = await done(startJob(validateJob(createPreviewHost(sample), params)).outcome);
  const { host, off } = excelWith(() => undefined);
  const r = await done(startJob(validateJob(host, params, off)).outcome);
  expect(r.analysis.findings).toEqual(inline.analysis.findings);
  expect(r.analysis.ledger.tables).toEqual(inline.analysis.ledger.tables);
});

test("cancelled while the Grids are sent: the worker is ended, nothing posted after, the job cancelled", async () => {
  const { host, made, off } = excelWith();
  const workbook = await host.readWorkbook({ signal: new AbortController().signal });
  const many: Workbook = { ...workbook, sheets: Array.from({ length: 400 }, () => workbook.sheets[0]) };
  const ac = new AbortController();
  const checking = checkGridsOffThread(off, many, undefined, 0, { signal: ac.signal });
  await new Promise((r) => setTimeout(r, 0)); // some parts posted, then a pause for the browser
  ac.abort();
  await expect(checking).rejects.toThrow();
  const [w] = made;
  expect(w.terminated).toBe(true);
  expect(w.parts.length).toBeGreaterThan(0);
  const all = many.sheets.flatMap((g, i) => sheetParts(i, g)).length;
  expect(w.parts.length).toBeLessThan(all); // it stopped
  expect(w.requests).toHaveLength(0);
});

describe("考评 in Excel", () => {
  const p = { ...params, resultSheets: RESULT_SHEET_NAMES };
  const NOW = () => new Date(2012, 10, 7);
  let inline: { bytes: Uint8Array; summary: unknown; written: string[] };

  beforeAll(async () => {
    const host = createPreviewHost(sample, { now: NOW });
    const r = await done(startJob(evaluateJob(host, p)).outcome);
    inline = { bytes: host.toBytes(), summary: r.summary, written: r.written };
  });

  /** Excel's host (the preview host's reading and writing, this thread) with its writes watched. */
  function excelEvaluating(worker: () => FakeWorker | undefined = () => new FakeWorker()) {
    const e = excelWith(worker);
    const host = createPreviewHost(sample, { yieldToUi: async () => undefined, now: NOW });
    const writes = jest.spyOn(host, "writeSheets");
    return { ...e, host, writes };
  }

  test("checked, scored and built in the worker, written here: the same workbook as inline", async () => {
    const { host, writes, made, off } = excelEvaluating();
    const stages: string[] = [];
    const r = await done(startJob(evaluateJob(host, p, off), (s) => stages.push(s.stage["zh-CN"])).outcome);
    expect(made).toHaveLength(1);
    const [w] = made;
    expect(w.requests[0].evaluate).toMatchObject({ into: "models", resultSheets: RESULT_SHEET_NAMES });
    expect(w.requests[0].sent).toBeDefined();
    expect(w.replies).toEqual(expect.arrayContaining(["progress", "model", "modelRows", "checked"]));
    expect(w.replies).not.toContain("sheet"); // no Grids back
    expect(writes).toHaveBeenCalledTimes(1);
    expect(writes.mock.calls[0][0].map((m) => m.name)).toEqual(inline.written);
    expect(r.written).toEqual(inline.written);
    expect(r.summary).toEqual(inline.summary);
    expect(host.toBytes()).toEqual(inline.bytes);
    expect(stages).toEqual(expect.arrayContaining(["考评 …", "生成结果表 …"]));
  });

  test("a worker that fails: checked, scored and written here, the same workbook", async () => {
    const { host, made, off } = excelEvaluating(() => new FakeWorker(true));
    const r = await done(startJob(evaluateJob(host, p, off)).outcome);
    expect(made[0].terminated).toBe(true);
    expect(r.summary).toEqual(inline.summary);
    expect(host.toBytes()).toEqual(inline.bytes);
  });

  test("cancelled while the worker works: nothing written, the worker ended", async () => {
    const { host, writes, made, off } = excelEvaluating();
    const before = host.toBytes();
    const started = startJob(evaluateJob(host, p, off));
    while (!made[0]?.requests.length) await new Promise((r) => setTimeout(r, 0));
    started.cancel();
    expect((await started.outcome).status).toBe("cancelled");
    expect(made[0].terminated).toBe(true);
    expect(writes).not.toHaveBeenCalled();
    expect(host.toBytes()).toBe(before);
  });
});

describe("the worker's side", () => {
  const grid = (name: string, rows: Grid["rows"]): Grid => ({ name, rows, merges: [] });
  const wb: Workbook = {
    date1904: true,
    sheets: [grid("甲", [["a", 1]]), grid("乙", [undefined, ["b", null, 2]])],
    definedNames: { 版本: "1" },
  };

  function send(memory: WorkerMemory, workbook: Workbook, skip?: number): CheckReply[] {
    workbook.sheets.forEach((g, i) => {
      if (i !== skip) for (const p of sheetParts(i, g)) answerMessage(structuredClone(p), noReply, memory);
    });
    const replies: CheckReply[] = [];
    const sent = {
      date1904: workbook.date1904,
      sheets: workbook.sheets.length,
      definedNames: workbook.definedNames,
    };
    answerMessage({ today: 0, sent }, (r) => replies.push(r), memory);
    return replies;
  }

  test("the parts make the workbook it checks and holds", () => {
    const memory: WorkerMemory = {};
    const replies = send(memory, wb);
    expect(replies.map((r) => r.kind)).toEqual(["checked"]);
    expect(memory.workbook).toEqual(wb);
    expect(memory.incoming).toBeUndefined();
    expect(memory.bytes).toBeUndefined();
  });

  test("a sheet that did not arrive: it says it failed and holds nothing", () => {
    const memory: WorkerMemory = {};
    expect(send(memory, wb, 1).map((r) => r.kind)).toEqual(["failed"]);
    expect(memory.workbook).toBeUndefined();
  });

  test("the next workbook's parts replace what was left of the last", () => {
    const memory: WorkerMemory = {};
    answerMessage(structuredClone(sheetParts(1, wb.sheets[1])[0]), noReply, memory); // a stray part
    const one: Workbook = { date1904: false, sheets: [wb.sheets[0]] };
    expect(send(memory, one).map((r) => r.kind)).toEqual(["checked"]);
    expect(memory.workbook?.sheets).toEqual(one.sheets);
  });

  test("考评 of a sent workbook into bytes cannot be done (it has none): it says it failed", () => {
    const memory: WorkerMemory = {};
    send(memory, wb);
    const replies: CheckReply[] = [];
    const evaluate = { resultSheets: [...RESULT_SHEET_NAMES], lang: "zh-CN" as const, now: new Date(0) };
    answerMessage({ today: 0, held: true, evaluate }, (r) => replies.push(r), memory);
    expect(replies.map((r) => r.kind).at(-1)).toBe("failed");
  });
});
