// 选择报送文件: submitted workbooks read and validated in workers (faked in-process here, with the
// same message protocol), progress per file, cancel, a failing worker, lock files and repeats.
import { startJob } from "../../src/app/job";
import { readSubmission, type SubmissionFile } from "../../src/app/submissions/read-submission";
import { readSubmissionsJob } from "../../src/app/submissions/read-submissions-job";
import { openDistrict } from "../../src/engine/compile";
import type { SubmissionWorker, WorkerRequest } from "../../src/app/submissions/worker-protocol";
import type { HostProgress } from "../../src/hosts/host";
import { writeSheetModels } from "../../src/hosts/xlsx/write";
import { generateLedger, SMALL_SAMPLE } from "../../src/samples/generate";

let good: Uint8Array;
let clean: Uint8Array;

beforeAll(async () => {
  good = await writeSheetModels(generateLedger(SMALL_SAMPLE).models);
  clean = await writeSheetModels(generateLedger({ ...SMALL_SAMPLE, mistakes: false }).models);
});

/** An in-process worker: answers each request on a later macrotask, like a real one. */
class FakeWorker implements SubmissionWorker {
  static made: FakeWorker[] = [];
  onmessage: SubmissionWorker["onmessage"] = null;
  onerror: SubmissionWorker["onerror"] = null;
  terminated = false;
  handled: string[] = [];
  constructor(private failOn?: string) {
    FakeWorker.made.push(this);
  }
  postMessage(req: WorkerRequest): void {
    setTimeout(() => {
      if (this.terminated) return;
      if (req.file.name === this.failOn) {
        this.onerror?.({ message: "worker crashed" });
        return;
      }
      this.handled.push(req.file.name);
      // both ways by structured clone, as a real worker's messages go (the reading is plain data)
      const { file, district } = structuredClone(req);
      this.onmessage?.({ data: { id: req.id, reading: structuredClone(readSubmission(file, district)) } });
    }, 1);
  }
  terminate(): void {
    this.terminated = true;
  }
}

beforeEach(() => (FakeWorker.made = []));

/** The district's 检查基准日 and rules every file is checked against (the defaults here). */
const district = openDistrict({});

const files = (): SubmissionFile[] => [
  { name: "凤鸣镇.xlsx", bytes: good },
  { name: "~$凤鸣镇.xlsx", bytes: new Uint8Array([1, 2, 3]) },
  { name: "莲花街道.xlsx", bytes: clean },
  { name: "说明.docx", bytes: new Uint8Array([1]) },
  { name: "坏文件.xlsx", bytes: good.slice(0, 500) },
  { name: "莲花街道.xlsx", bytes: clean },
];

test("each distinct .xlsx is read once, in order; lock files and other files are skipped; a damaged file gets its reason", async () => {
  const job = readSubmissionsJob(files(), {
    district,
    makeWorker: () => new FakeWorker(),
    maxWorkers: 2,
  });
  const out = await startJob(job).outcome;
  if (out.status !== "done") throw new Error(out.status);
  const { readings, skipped, repeated } = out.value;
  expect(readings.map((r) => [r.file, r.ok])).toEqual([
    ["凤鸣镇.xlsx", true],
    ["莲花街道.xlsx", true],
    ["坏文件.xlsx", false],
  ]);
  expect(skipped).toEqual(["~$凤鸣镇.xlsx", "说明.docx"]);
  expect(repeated).toEqual(["莲花街道.xlsx"]);
  const bad = readings[2];
  expect(!bad.ok && bad.reason["zh-CN"]).toMatch(/文件/);
  const errors = (i: number) => {
    const r = readings[i];
    return r.ok ? (r.checked.analysis?.findings.filter((f) => f.severity === "error").length ?? -2) : -1;
  };
  expect(errors(0)).toBeGreaterThan(0); // the sample carries seeded mistakes
  expect(errors(1)).toBe(0); // the clean sample has none
  expect(FakeWorker.made).toHaveLength(2);
  expect(FakeWorker.made.flatMap((w) => w.handled).sort()).toEqual(
    ["凤鸣镇.xlsx", "坏文件.xlsx", "莲花街道.xlsx"].sort(),
  );
  expect(FakeWorker.made.every((w) => w.terminated)).toBe(true);
});

test("workers and inline reading give the same readings", async () => {
  const viaWorkers = await startJob(
    readSubmissionsJob(files(), { district, makeWorker: () => new FakeWorker() }),
  ).outcome;
  const inline = await startJob(readSubmissionsJob(files(), { district })).outcome;
  const shape = (o: typeof inline) =>
    o.status === "done"
      ? o.value.readings.map((r) =>
          r.ok ? [r.file, r.checked.analysis?.findings.length] : [r.file, r.reason["zh-CN"]],
        )
      : o.status;
  expect(shape(viaWorkers)).toEqual(shape(inline));
});

test("progress names each file and counts up to the number of files", async () => {
  const seen: HostProgress[] = [];
  const job = readSubmissionsJob(files(), {
    district,
    makeWorker: () => new FakeWorker(),
    maxWorkers: 1,
  });
  await startJob(job, (p) => seen.push(p)).outcome;
  expect(seen.filter((p) => p.stage["zh-CN"].includes("坏文件.xlsx"))).toHaveLength(1);
  expect(seen.every((p) => p.total === 3)).toBe(true);
  expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
  expect(seen[seen.length - 1].done).toBe(3);
});

test("取消 stops every worker and keeps nothing", async () => {
  const started = startJob(
    readSubmissionsJob(files(), { district, makeWorker: () => new FakeWorker(), maxWorkers: 1 }),
    (p) => {
      if (p.done === 1) started.cancel();
    },
  );
  const out = await started.outcome;
  expect(out.status).toBe("cancelled");
  expect(FakeWorker.made.every((w) => w.terminated)).toBe(true);
  expect(FakeWorker.made[0].handled.length).toBeLessThan(3);
});

test("a worker that fails leaves the rest to be read inline: every file still gets its reading", async () => {
  const out = await startJob(
    readSubmissionsJob(files(), {
      district,
      makeWorker: () => new FakeWorker("莲花街道.xlsx"),
      maxWorkers: 1,
    }),
  ).outcome;
  if (out.status !== "done") throw new Error(out.status);
  expect(out.value.readings.map((r) => [r.file, r.ok])).toEqual([
    ["凤鸣镇.xlsx", true],
    ["莲花街道.xlsx", true],
    ["坏文件.xlsx", false],
  ]);
  expect(FakeWorker.made[0].handled).toEqual(["凤鸣镇.xlsx"]);
});
