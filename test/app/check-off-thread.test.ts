// 校验台账 in the browser preview, off the main thread (issue 12): the workbook is read and checked in
// a worker (faked in-process here, with the same message protocol); the pane gets the same findings,
// Grids and check date as checking inline, builds the ledger only when a later step asks for it, and
// checks inline when no worker can do it.
import { startJob } from "../../src/app/job";
import { answerMessage } from "../../src/app/check/check-in-worker";
import { KeptWorker, readOffThread } from "../../src/app/check/check-off-thread";
import { placePart, sheetParts } from "../../src/app/check/grid-parts";
import type { Grid } from "../../src/engine/grid";
import type { CheckReply } from "../../src/app/check/check-protocol";
import { FakeWorker } from "./fake-check-worker";
import type { OffThread } from "../../src/app/check/check-off-thread";
import { recheckJob, validateJob } from "../../src/app/jobs/validate";
import { evaluateJob } from "../../src/app/jobs/evaluate";
import { RESULT_SHEET_NAMES } from "../../src/engine/schema";
import { createPreviewHost } from "../../src/hosts/preview";
import { writeSheetModels } from "../../src/hosts/xlsx/write";
import { generateLedger, SMALL_SAMPLE } from "../../src/samples/generate";

let sample: Uint8Array;

beforeAll(async () => {
  sample = await writeSheetModels(generateLedger(SMALL_SAMPLE).models);
});

/** The zip entries' time of every preview here: workbooks written at the same time are the same bytes. */
const NOW = () => new Date(2012, 10, 7);

/** A preview whose checks go to `worker`; with `writes` it takes workbooks written there (考评). */
function previewWith(worker: () => FakeWorker | undefined, writes = false) {
  const host = createPreviewHost(sample, { yieldToUi: async () => undefined, now: NOW });
  const reads = jest.spyOn(host, "readWorkbook");
  const hostWrites = jest.spyOn(host, "writeSheets");
  const made: FakeWorker[] = [];
  const off: OffThread = {
    bytes: async () => host.toBytes(),
    makeWorker: () => {
      const w = worker();
      if (w) made.push(w);
      return w;
    },
    ...(writes ? { writes: { now: () => host.now(), adopt: (b, run) => host.adopt(b, run) } } : {}),
  };
  return { host, reads, hostWrites, made, off };
}

const params = { lang: "zh-CN" as const, asOf: "" };

test("the worker reads and checks; the pane gets what checking inline gives, the ledger built on first use", async () => {
  const inline = await startJob(validateJob(createPreviewHost(sample), params)).outcome;
  const { host, reads, made, off } = previewWith(() => new FakeWorker());
  const outcome = await startJob(validateJob(host, params, off)).outcome;
  if (outcome.status !== "done" || inline.status !== "done") throw new Error("not done");
  const [r, expected] = [outcome.value, inline.value];
  expect(reads).not.toHaveBeenCalled(); // the pane did not read the workbook itself
  expect(made).toHaveLength(1);
  expect(made[0].terminated).toBe(true);
  expect(made[0].replies.filter((k) => k === "sheet")).toHaveLength(expected.workbook.sheets.length);
  expect(r.analysis.findings).toEqual(expected.analysis.findings);
  expect(r.analysis.overview).toEqual(expected.analysis.overview);
  expect(r.analysis.ignoredSheets).toEqual(expected.analysis.ignoredSheets);
  expect(r.counts).toEqual(expected.counts);
  expect(r.checkDate).toBe(expected.checkDate);
  expect(r.rules).toEqual(expected.rules);
  expect(r.workbook).toEqual(expected.workbook);
  // not built until asked for — not even by what walks the object's keys; then the same ledger
  expect(Object.getOwnPropertyDescriptor(r.analysis, "ledger")?.get).toBeDefined();
  expect(Object.keys(r.analysis)).not.toContain("ledger");
  expect(JSON.parse(JSON.stringify(r.analysis)).ledger).toBeUndefined();
  expect(r.analysis.ledger.asOf).toBe(expected.analysis.ledger.asOf);
  expect(r.analysis.ledger.tables).toEqual(expected.analysis.ledger.tables);
});

describe("考评 in the browser preview", () => {
  const p = { ...params, resultSheets: RESULT_SHEET_NAMES };
  let inline: { bytes: Uint8Array; summary: unknown; written: string[] };

  beforeAll(async () => {
    const host = createPreviewHost(sample, { now: NOW });
    const outcome = await startJob(evaluateJob(host, p)).outcome;
    if (outcome.status !== "done") throw new Error("not done");
    inline = { bytes: host.toBytes(), summary: outcome.value.summary, written: outcome.value.written };
  });

  test("done in the worker: the pane takes the same workbook, byte for byte, and the same summary", async () => {
    const { host, reads, hostWrites, made, off } = previewWith(() => new FakeWorker(), true);
    const stages: string[] = [];
    const writing: [number, number][] = [];
    const outcome = await startJob(evaluateJob(host, p, off), (s) => {
      stages.push(s.stage["zh-CN"]);
      if (s.stage["zh-CN"] === "写入结果表 …") writing.push([s.done, s.total]);
    }).outcome;
    if (outcome.status !== "done") throw new Error("not done");
    expect(made).toHaveLength(1);
    expect(made[0].requests[0].evaluate).toMatchObject({ resultSheets: RESULT_SHEET_NAMES, lang: "zh-CN" });
    expect(reads).not.toHaveBeenCalled();
    expect(hostWrites).not.toHaveBeenCalled(); // scored, built and written in the worker
    expect(outcome.value.written).toEqual(inline.written);
    expect(outcome.value.summary).toEqual(inline.summary);
    expect(host.toBytes()).toEqual(inline.bytes);
    expect(made[0].replies).toContain("progress");
    expect(stages).toEqual(expect.arrayContaining(["考评 …", "生成结果表 …", "写入结果表 …"]));
    // the writing's progress: from nothing to all of it, step by step
    expect(writing[0][0]).toBe(0);
    expect(writing.at(-1)![0]).toBe(writing.at(-1)![1]);
    expect(writing.map(([d]) => d)).toEqual([...writing.map(([d]) => d)].sort((x, y) => x - y));
  });

  test("after a check, the kept worker scores the workbook it holds: no bytes sent, none read", async () => {
    const { host, made, off } = previewWith(() => new FakeWorker(), true);
    const kept: OffThread = { ...off, kept: new KeptWorker() };
    const checked = await startJob(validateJob(host, params, kept)).outcome;
    if (checked.status !== "done") throw new Error("not done");
    const outcome = await startJob(evaluateJob(host, p, kept)).outcome;
    if (outcome.status !== "done") throw new Error("not done");
    expect(made).toHaveLength(1);
    expect(made[0].requests[1]).toMatchObject({ held: true });
    expect(made[0].requests[1].bytes).toBeUndefined();
    expect(host.toBytes()).toEqual(inline.bytes);
    expect(outcome.value.workbook).toBe(checked.value.workbook);
  });

  test("no sheet chosen: nothing written, the workbook's bytes stay the very same", async () => {
    const { host, made, off } = previewWith(() => new FakeWorker(), true);
    const before = host.toBytes();
    const outcome = await startJob(evaluateJob(host, { ...p, resultSheets: [] }, off)).outcome;
    if (outcome.status !== "done") throw new Error("not done");
    expect(made).toHaveLength(1);
    expect(outcome.value.written).toEqual([]);
    expect(outcome.value.summary).toEqual(inline.summary);
    expect(host.toBytes()).toBe(before);
  });

  test("cancelled while the worker scores: the worker is ended and the workbook is as it was", async () => {
    const { host, made, off } = previewWith(() => new FakeWorker(), true);
    const before = host.toBytes();
    const job: { started?: ReturnType<typeof startJob> } = {};
    job.started = startJob(evaluateJob(host, p, off), (s) => {
      if (s.stage["zh-CN"] === "考评 …") job.started?.cancel();
    });
    expect((await job.started.outcome).status).toBe("cancelled");
    expect(made[0].terminated).toBe(true);
    expect(host.toBytes()).toBe(before);
  });

  test("a worker that fails: 考评 is done here, with the same workbook", async () => {
    const { host, hostWrites, made, off } = previewWith(() => new FakeWorker(true), true);
    const outcome = await startJob(evaluateJob(host, p, off)).outcome;
    if (outcome.status !== "done") throw new Error("not done");
    expect(made.length).toBeGreaterThan(0);
    expect(hostWrites).toHaveBeenCalledTimes(1);
    expect(host.toBytes()).toEqual(inline.bytes);
    expect(outcome.value.summary).toEqual(inline.summary);
  });

  test("a preview that cannot take the worker's bytes: checked there, scored and written here, the same workbook", async () => {
    const { host, hostWrites, reads, made, off } = previewWith(() => new FakeWorker());
    const outcome = await startJob(evaluateJob(host, p, off)).outcome;
    if (outcome.status !== "done") throw new Error("not done");
    expect(made).toHaveLength(1);
    expect(made[0].requests[0].evaluate).toBeUndefined();
    expect(reads).not.toHaveBeenCalled();
    expect(hostWrites).toHaveBeenCalledTimes(1);
    expect(host.toBytes()).toEqual(inline.bytes);
  });
});

test("checking again at another 检查基准日 runs in the worker too, with what checking inline gives", async () => {
  const at = { ...params, asOf: "2011-03-01" }; // 第三时段 not begun: other findings than at the default
  const inlineHost = createPreviewHost(sample);
  const first = await startJob(validateJob(inlineHost, params)).outcome;
  if (first.status !== "done") throw new Error("not done");
  const inline = await startJob(recheckJob(first.value, at)).outcome;
  const { reads, made, off } = previewWith(() => new FakeWorker());
  const outcome = await startJob(recheckJob(first.value, at, off)).outcome;
  if (outcome.status !== "done" || inline.status !== "done") throw new Error("not done");
  expect(made).toHaveLength(1); // the check ran in the worker
  expect(reads).not.toHaveBeenCalled();
  expect(outcome.value.analysis.findings).toEqual(inline.value.analysis.findings);
  expect(outcome.value.analysis.findings).not.toEqual(first.value.analysis.findings);
  expect(outcome.value.checkDate).toBe(inline.value.checkDate);
  expect(outcome.value.asOf).toBe("2011-03-01");
  expect(outcome.value.counts).toEqual(inline.value.counts);
  expect(outcome.value.analysis.ledger.asOf).toBe(inline.value.analysis.ledger.asOf);
});

test("checking again the bytes last read in the worker: only the result comes back, the pane keeps its Grids", async () => {
  const at = { ...params, asOf: "2011-03-01" };
  const inlineFirst = await startJob(validateJob(createPreviewHost(sample), params)).outcome;
  if (inlineFirst.status !== "done") throw new Error("not done");
  const inline = await startJob(recheckJob(inlineFirst.value, at)).outcome;
  const { host, made, off } = previewWith(() => new FakeWorker());
  const first = await startJob(validateJob(host, params, off)).outcome;
  if (first.status !== "done" || inline.status !== "done") throw new Error("not done");
  expect(first.value.bytes).toBe(host.toBytes()); // the preview's own bytes, not the copy sent
  const again = await startJob(recheckJob(first.value, at, off)).outcome;
  if (again.status !== "done") throw new Error("not done");
  expect(made).toHaveLength(2);
  expect(made[1].replies).toEqual(["checked"]); // no "sheet", no "rows"
  expect(again.value.workbook).toBe(first.value.workbook);
  expect(again.value.analysis.findings).toEqual(inline.value.analysis.findings);
  expect(again.value.checkDate).toBe(inline.value.checkDate);
  expect(again.value.analysis.ledger.asOf).toBe(inline.value.analysis.ledger.asOf);
  // the workbook changed since (new bytes): read again, Grids and all
  const changed: OffThread = { ...off, bytes: async () => new Uint8Array(sample) };
  const fresh = await startJob(recheckJob(again.value, params, changed)).outcome;
  if (fresh.status !== "done") throw new Error("not done");
  expect(made[2].replies.filter((k) => k === "sheet").length).toBe(first.value.workbook.sheets.length);
  expect(fresh.value.workbook).not.toBe(first.value.workbook);
  expect(fresh.value.workbook).toEqual(first.value.workbook);
  expect(fresh.value.analysis.findings).toEqual(first.value.analysis.findings);
});

test("no worker for a re-check: the last reading is checked again here, the workbook not read", async () => {
  const first = await startJob(validateJob(createPreviewHost(sample), params)).outcome;
  if (first.status !== "done") throw new Error("not done");
  const { reads, off } = previewWith(() => undefined);
  const outcome = await startJob(recheckJob(first.value, { ...params, asOf: "2011-03-01" }, off)).outcome;
  if (outcome.status !== "done") throw new Error("not done");
  expect(reads).not.toHaveBeenCalled();
  expect(outcome.value.workbook).toBe(first.value.workbook);
  expect(outcome.value.checkDate).not.toBe(first.value.checkDate);
});

test("the pane's view after a write is read in the worker: the same Grids as reading here, nothing checked", async () => {
  const p = { ...params, resultSheets: RESULT_SHEET_NAMES };
  const { host, made, off } = previewWith(() => new FakeWorker());
  const written = await startJob(evaluateJob(host, p)).outcome; // inline: only the read below uses a worker
  if (written.status !== "done") throw new Error("not done");
  const here = await host.readWorkbook();
  const there = await readOffThread(off, 0);
  expect(made).toHaveLength(1);
  expect(made[0].replies).toContain("read");
  expect(made[0].replies).not.toContain("checked");
  expect(there).toEqual(here);
  expect(there!.sheets.map((g) => g.name)).toEqual(expect.arrayContaining(written.value.written));
  expect(await readOffThread(previewWith(() => undefined).off, 0)).toBeUndefined(); // no worker: the caller reads
  expect(await readOffThread(previewWith(() => new FakeWorker(true)).off, 0)).toBeUndefined();
});

test("no worker, or a worker that fails: checked inline, with the same result", async () => {
  for (const make of [() => undefined, () => new FakeWorker(true)]) {
    const { host, reads, off } = previewWith(make);
    const outcome = await startJob(validateJob(host, params, off)).outcome;
    if (outcome.status !== "done") throw new Error("not done");
    expect(reads).toHaveBeenCalledTimes(1);
    expect(outcome.value.counts.error).toBeGreaterThan(0); // the sample's seeded mistakes
  }
});

test("a file the worker cannot read: the pane reads it itself and says what is wrong", async () => {
  const host = createPreviewHost(sample.slice(0, 400));
  const off: OffThread = { bytes: async () => host.toBytes(), makeWorker: () => new FakeWorker() };
  const outcome = await startJob(validateJob(host, params, off)).outcome;
  expect(outcome.status).toBe("failed");
  if (outcome.status === "failed") expect((outcome.error as Error).name).toBe("LedgerFileError");
});

test("cancelling stops the worker; nothing is returned", async () => {
  const { host, made, off } = previewWith(() => new FakeWorker());
  const started = startJob(validateJob(host, params, off));
  await new Promise((r) => setTimeout(r, 0));
  await new Promise((r) => setTimeout(r, 0));
  started.cancel();
  expect((await started.outcome).status).toBe("cancelled");
  expect(made[0]?.terminated).toBe(true);
});

test("a large sheet comes in parts and arrives whole: absent rows, formats and formula marks kept in place", () => {
  const rows: Grid["rows"] = [];
  const formats: NonNullable<Grid["formats"]> = [];
  const formulas: NonNullable<Grid["formulas"]> = [];
  for (let r = 0; r < 50; r++) {
    if (r % 7 === 3) continue; // an absent (empty) row
    rows[r] = [`M${r}`, r, r % 2 === 0 ? "是" : null];
    if (r % 5 === 0) formats[r] = [undefined, "yyyy-mm-dd"];
    if (r % 11 === 0) formulas[r] = [undefined, "cached"];
  }
  const grid: Grid = {
    name: "党员",
    hidden: true,
    rows,
    formats,
    formulas,
    merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
  };
  const parts = sheetParts(4, grid, 10).map((r) => structuredClone(r));
  expect(parts.filter((r) => r.kind === "rows").length).toBeGreaterThan(5);
  expect(parts[0].kind).toBe("sheet"); // the sheet comes first
  const sheets: Grid[] = [];
  for (const p of parts) placePart(sheets, p);
  const arrived = sheets[4];
  expect(arrived).toEqual(grid);
  expect(arrived.rows.length).toBe(rows.length);
  expect(arrived.rows[3]).toBeUndefined();
  expect(arrived.formulas?.[44]).toEqual([undefined, "cached"]);
});

test("a Buffer's bytes (slice() is a view there) are copied, so the preview keeps its own", async () => {
  const { host, off } = previewWith(() => new FakeWorker());
  const asBuffer: OffThread = { ...off, bytes: async () => Buffer.from(host.toBytes()) };
  const before = host.toBytes().length;
  const kept = (await asBuffer.bytes!())!;
  const outcome = await startJob(validateJob(host, params, { ...asBuffer, bytes: async () => kept })).outcome;
  expect(outcome.status).toBe("done");
  expect(kept.length).toBe(before); // not detached by the transfer
  expect(kept.byteLength).toBe(before);
});

describe("a kept worker (the pane's: one per preview workbook)", () => {
  /** The preview with a KeptWorker: the replies of each request, in order. */
  function keptPreview(make: () => FakeWorker | undefined = () => new FakeWorker()) {
    const p = previewWith(make);
    const kept = new KeptWorker();
    const off: OffThread = { ...p.off, kept };
    const repliesOf = (w: FakeWorker) => {
      const before = w.replies.length;
      return () => w.replies.slice(before);
    };
    return { ...p, kept, off, repliesOf };
  }

  test("checks the same bytes again without reading them: nothing sent, no Grids back, the same results", async () => {
    const at = { ...params, asOf: "2011-03-01" };
    const inline = await startJob(validateJob(createPreviewHost(sample), params)).outcome;
    if (inline.status !== "done") throw new Error("not done");
    const inlineAt = await startJob(recheckJob(inline.value, at)).outcome;
    if (inlineAt.status !== "done") throw new Error("not done");

    const { host, made, off, reads, repliesOf } = keptPreview();
    const first = await startJob(validateJob(host, params, off)).outcome;
    if (first.status !== "done") throw new Error("not done");
    expect(made).toHaveLength(1);
    expect(made[0].terminated).toBe(false); // kept, holding the workbook
    expect(made[0].memory.workbook?.sheets.length).toBe(first.value.workbook.sheets.length);

    // 校验台账 again (nothing changed): the same worker checks what it holds
    const sinceFirst = repliesOf(made[0]);
    const second = await startJob(validateJob(host, params, off)).outcome;
    if (second.status !== "done") throw new Error("not done");
    expect(made).toHaveLength(1);
    expect(made[0].requests[1]).toMatchObject({ held: true });
    expect(made[0].requests[1].bytes).toBeUndefined();
    expect(sinceFirst()).toEqual(["checked"]);
    expect(second.value.workbook).toBe(first.value.workbook);
    expect(second.value.analysis.findings).toEqual(inline.value.analysis.findings);
    expect(second.value.counts).toEqual(inline.value.counts);

    // another 检查基准日: still what it holds, with the other date's findings
    const sinceSecond = repliesOf(made[0]);
    const third = await startJob(recheckJob(second.value, at, off)).outcome;
    if (third.status !== "done") throw new Error("not done");
    expect(sinceSecond()).toEqual(["checked"]);
    expect(third.value.analysis.findings).toEqual(inlineAt.value.analysis.findings);
    expect(third.value.analysis.findings).not.toEqual(first.value.analysis.findings);
    expect(third.value.checkDate).toBe(inlineAt.value.checkDate);
    expect(reads).not.toHaveBeenCalled();
  });

  test("new bytes are read (and their Grids sent) by the same worker, which then holds them", async () => {
    const { host, made, off, repliesOf } = keptPreview();
    const first = await startJob(validateJob(host, params, off)).outcome;
    if (first.status !== "done") throw new Error("not done");
    const other = new Uint8Array(sample); // the workbook changed: other bytes, read again
    const changed: OffThread = { ...off, bytes: async () => other };
    const since = repliesOf(made[0]);
    const again = await startJob(validateJob(host, params, changed)).outcome;
    if (again.status !== "done") throw new Error("not done");
    expect(made).toHaveLength(1);
    expect(made[0].requests[1].bytes).toBeDefined(); // (transferred: detached here)
    expect(made[0].requests[1].held).toBeUndefined();
    expect(since().filter((k) => k === "sheet")).toHaveLength(first.value.workbook.sheets.length);
    expect(again.value.workbook).not.toBe(first.value.workbook);
    expect(again.value.workbook).toEqual(first.value.workbook);
    expect(again.value.bytes).toBe(other);
    // the first bytes again: the worker no longer holds them
    await startJob(validateJob(host, params, off)).outcome;
    expect(made[0].requests[2].held).toBeUndefined();
    expect(made[0].requests[2].bytes).toBeDefined();
  });

  test("a read-only request leaves the worker holding that reading", async () => {
    const { host, made, off } = keptPreview();
    const viewed = await readOffThread(off, 0);
    expect(viewed).toBeDefined();
    const checked = await startJob(validateJob(host, params, off)).outcome;
    if (checked.status !== "done") throw new Error("not done");
    expect(made).toHaveLength(1);
    expect(made[0].requests.map((r) => [r.readOnly ?? false, r.held ?? false])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(checked.value.workbook).toBe(viewed);
    expect(checked.value.counts.error).toBeGreaterThan(0);
  });

  test("the view after a write keeps the sheets it left: only the written ones are read and sent back", async () => {
    const { host, made, off, repliesOf } = keptPreview();
    const checked = await startJob(validateJob(host, params, off)).outcome;
    if (checked.status !== "done") throw new Error("not done");
    const from = host.toBytes();
    const p = { ...params, resultSheets: RESULT_SHEET_NAMES };
    const written = await startJob(evaluateJob(host, p)).outcome; // written here, into new bytes
    if (written.status !== "done") throw new Error("not done");
    expect(host.toBytes()).not.toBe(from);
    const since = repliesOf(made[0]);
    const viewed = await readOffThread(off, 0, { from, written: written.value.written });
    expect(made).toHaveLength(1);
    const request = made[0].requests.at(-1)!;
    expect(request.keep).toEqual(checked.value.workbook.sheets.map((g) => g.name));
    // only the written sheets came back; the others are the pane's own Grids, where they now are
    expect(since().filter((k) => k === "sheet")).toHaveLength(written.value.written.length);
    expect(viewed).toEqual(await host.readWorkbook());
    for (const g of checked.value.workbook.sheets)
      expect(viewed!.sheets.find((v) => v.name === g.name)).toBe(g);
    // and the worker holds the whole new workbook: checking it reads nothing
    const again = await startJob(validateJob(host, params, off)).outcome;
    if (again.status !== "done") throw new Error("not done");
    expect(made[0].requests.at(-1)).toMatchObject({ held: true });
    expect(again.value.workbook).toBe(viewed);
  });

  test("a write from other bytes than the worker holds: the view is read whole", async () => {
    const { host, made, off, repliesOf } = keptPreview();
    const checked = await startJob(validateJob(host, params, off)).outcome;
    if (checked.status !== "done") throw new Error("not done");
    const written = await startJob(evaluateJob(host, { ...params, resultSheets: RESULT_SHEET_NAMES }))
      .outcome;
    if (written.status !== "done") throw new Error("not done");
    const since = repliesOf(made[0]);
    const other = new Uint8Array(sample); // not the bytes the worker holds
    const viewed = await readOffThread(off, 0, { from: other, written: written.value.written });
    expect(made[0].requests.at(-1)!.keep).toBeUndefined();
    expect(since().filter((k) => k === "sheet")).toHaveLength(viewed!.sheets.length);
    expect(viewed).toEqual(await host.readWorkbook());
  });

  test("cancelling ends the kept worker; the next check has a new one that reads the bytes", async () => {
    const { host, made, off } = keptPreview();
    const first = await startJob(validateJob(host, params, off)).outcome;
    expect(first.status).toBe("done");
    const started = startJob(validateJob(host, params, off));
    await new Promise((r) => setTimeout(r, 0));
    started.cancel();
    expect((await started.outcome).status).toBe("cancelled");
    expect(made[0].terminated).toBe(true);
    const after = await startJob(validateJob(host, params, off)).outcome;
    expect(after.status).toBe("done");
    expect(made).toHaveLength(2);
    expect(made[1].requests[0].bytes).toBeDefined();
    expect(made[1].requests[0].held).toBeUndefined();
  });

  test("a worker that fails is not kept: checked inline, and the next check has a new worker", async () => {
    let n = 0;
    const { host, made, off, reads } = keptPreview(() => new FakeWorker(n++ === 0));
    const failed = await startJob(validateJob(host, params, off)).outcome;
    expect(failed.status).toBe("done"); // inline
    expect(reads).toHaveBeenCalledTimes(1);
    expect(made[0].terminated).toBe(true);
    const next = await startJob(validateJob(host, params, off)).outcome;
    expect(next.status).toBe("done");
    expect(made).toHaveLength(2);
    expect(made[1].terminated).toBe(false);
  });

  test("close ends the kept worker; a worker asked to check what it does not hold says it failed", async () => {
    const { host, made, off, kept } = keptPreview();
    await startJob(validateJob(host, params, off)).outcome;
    kept.close();
    expect(made[0].terminated).toBe(true);
    const replies: CheckReply[] = [];
    answerMessage({ held: true, today: 0 }, (r) => replies.push(r), {});
    expect(replies.map((r) => r.kind)).toEqual(["failed"]);
  });
});
