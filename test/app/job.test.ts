// The one job shape: startJob settles to done / cancelled / failed and never rejects; progress after
// cancel is dropped; stages stop a cancelled job; after a write, cancelling no longer stops it.
import { CancelledError, HostError } from "../../src/hosts/host";
import { afterWrite, runToCompletion, stage, startJob, type Job } from "../../src/app/job";
import type { Text } from "../../src/i18n/text";

/** A stage text (the same in both languages: these tests are about the job, not the words). */
const tx = (s: string): Text => ({ "zh-CN": s, en: s });

test("done: the job's value", async () => {
  const progress: string[] = [];
  const job: Job<number> = async (run) => {
    await stage(run, tx("a"), 0, 2);
    await stage(run, tx("b"), 1, 2);
    return 42;
  };
  expect(await startJob(job, (p) => progress.push(`${p.stage.en} ${p.done}/${p.total}`)).outcome).toEqual({
    status: "done",
    value: 42,
  });
  expect(progress).toEqual(["a 0/2", "b 1/2"]);
});

test("cancelled: the next stage stops the job, and later progress is dropped", async () => {
  const progress: string[] = [];
  let reached = false;
  const job: Job<void> = async (run) => {
    await stage(run, tx("first"), 0, 2);
    run.onProgress({ stage: tx("after cancel"), done: 1, total: 2 });
    await stage(run, tx("second"), 1, 2);
    reached = true;
  };
  const started = startJob(job, (p) => progress.push(p.stage.en));
  started.cancel();
  expect(await started.outcome).toEqual({ status: "cancelled" });
  expect(reached).toBe(false);
  expect(progress).toEqual(["first"]); // reported before cancel(); nothing after it
});

test("a CancelledError from the host counts as cancelled; other errors as failed", async () => {
  const cancelled = startJob(async () => {
    throw new CancelledError();
  });
  expect(await cancelled.outcome).toEqual({ status: "cancelled" });
  const error = new HostError({ "zh-CN": "台账表“党员”超过500万个单元格，请拆分后再试", en: "too large" });
  const failed = startJob(async () => {
    throw error;
  });
  expect(await failed.outcome).toEqual({ status: "failed", error });
  const sync = startJob(() => {
    throw error;
  });
  expect(await sync.outcome).toEqual({ status: "failed", error });
});

test("afterWrite: once the workbook is written, cancelling no longer stops the rest of the run", async () => {
  let written!: () => void;
  let proceed!: () => void;
  const wrote = new Promise<void>((r) => (written = r));
  const gate = new Promise<void>((r) => (proceed = r));
  const job: Job<string> = async (run) => {
    await stage(run, tx("write"), 0, 1);
    const rest = afterWrite(run);
    written();
    await gate;
    await stage(rest, tx("read again"), 0, 1);
    return "finished";
  };
  const started = startJob(job);
  await wrote;
  started.cancel();
  proceed();
  expect(await started.outcome).toEqual({ status: "done", value: "finished" });
});

test("runToCompletion: the value, or the error", async () => {
  expect(await runToCompletion(async () => "ok")).toBe("ok");
  await expect(
    runToCompletion(async () => {
      throw new Error("boom");
    }),
  ).rejects.toThrow("boom");
});
