// 选择报送文件: every submitted workbook read and checked against the district in Web Workers (a few at a time), so the
// pane stays responsive; progress per file and overall; 取消 stops the workers and nothing is kept.
// Where no worker can run (an old webview, the tests' jsdom) the files are read inline, one per
// macrotask.
import type { DistrictRules } from "../../engine/compile";
import { CancelledError, throwIfCancelled } from "../../hosts/host";
import { PANE_TEXTS } from "../../i18n/pane";
import { fill } from "../../i18n/text";
import { yieldToUi, type Job, type JobRun } from "../job";
import {
  isSubmissionName,
  readSubmission,
  type SubmissionFile,
  type SubmissionReading,
} from "./read-submission";
import type { SubmissionWorker, WorkerFactory, WorkerReply } from "./worker-protocol";

export interface SubmissionsParams {
  /** What each file is checked against: the district's 检查基准日 and rules. */
  district: DistrictRules;
  /** Makes a Web Worker; undefined (or a factory that gives none) reads inline. */
  makeWorker?: WorkerFactory;
  /** How many workers at most (default: the cores less one, 1–4). */
  maxWorkers?: number;
}

export interface SubmissionsRead {
  /** One reading per distinct submitted file, in the order given. */
  readings: SubmissionReading[];
  /** Names that are not submissions: Office lock files (~$…) and files that are not .xlsx. */
  skipped: string[];
  /** Files given twice (same name and content): read once. */
  repeated: string[];
}

/** FNV-1a over the bytes: the same file picked twice is read once. */
function fingerprint(f: SubmissionFile): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < f.bytes.length; i++) h = Math.imul(h ^ f.bytes[i], 0x01000193) >>> 0;
  return `${f.name}\u0000${f.bytes.length}\u0000${h}`;
}

function sortOut(files: readonly SubmissionFile[]) {
  const seen = new Set<string>();
  const todo: SubmissionFile[] = [];
  const skipped: string[] = [];
  const repeated: string[] = [];
  for (const f of files) {
    if (!isSubmissionName(f.name)) skipped.push(f.name);
    else if (seen.has(fingerprint(f))) repeated.push(f.name);
    else {
      seen.add(fingerprint(f));
      todo.push(f);
    }
  }
  return { todo, skipped, repeated };
}

function defaultWorkers(): number {
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator
    ?.hardwareConcurrency;
  return Math.max(1, Math.min(4, (cores ?? 2) - 1));
}

async function readInline(
  todo: SubmissionFile[],
  p: SubmissionsParams,
  run: JobRun,
): Promise<SubmissionReading[]> {
  const out: SubmissionReading[] = [];
  for (const f of todo) {
    run.onProgress({
      stage: fill(PANE_TEXTS.stageCheckSubmission, { file: f.name }),
      done: out.length,
      total: todo.length,
    });
    await yieldToUi();
    throwIfCancelled(run.signal);
    out.push(readSubmission(f, p.district));
  }
  return out;
}

/**
 * Up to `n` workers take the files in turn. A worker that fails (its script did not load, it ran out
 * of memory) stops them all: what they read is kept and the rest is read inline.
 */
function readInWorkers(
  todo: SubmissionFile[],
  workers: SubmissionWorker[],
  p: SubmissionsParams,
  run: JobRun,
): Promise<(SubmissionReading | undefined)[]> {
  return new Promise((resolve, reject) => {
    const out: (SubmissionReading | undefined)[] = new Array(todo.length).fill(undefined);
    let next = 0;
    let done = 0;
    const end = () => workers.forEach((w) => w.terminate());
    run.signal.addEventListener("abort", () => (end(), reject(new CancelledError())), { once: true });
    const feed = (w: SubmissionWorker) => {
      if (next >= todo.length) return;
      const id = next++;
      run.onProgress({
        stage: fill(PANE_TEXTS.stageCheckSubmission, { file: todo[id].name }),
        done,
        total: todo.length,
      });
      w.postMessage({ id, file: todo[id], district: p.district });
    };
    for (const w of workers) {
      w.onmessage = (e: { data: WorkerReply }) => {
        out[e.data.id] = e.data.reading;
        if (++done === todo.length) {
          end();
          resolve(out);
        } else feed(w);
      };
      w.onerror = () => {
        end();
        resolve(out);
      };
      feed(w);
    }
  });
}

/** Reads inline the files no worker read. */
async function fillInline(
  todo: SubmissionFile[],
  partial: (SubmissionReading | undefined)[],
  p: SubmissionsParams,
  run: JobRun,
): Promise<SubmissionReading[]> {
  const missing = todo.filter((_, i) => partial[i] === undefined);
  const read = await readInline(missing, p, run);
  let k = 0;
  return partial.map((r) => r ?? read[k++]);
}

export function readSubmissionsJob(
  files: readonly SubmissionFile[],
  p: SubmissionsParams,
): Job<SubmissionsRead> {
  return async (run) => {
    throwIfCancelled(run.signal);
    const { todo, skipped, repeated } = sortOut(files);
    const n = Math.min(todo.length, p.maxWorkers ?? defaultWorkers());
    const workers: SubmissionWorker[] = [];
    for (let i = 0; i < n; i++) {
      const w = p.makeWorker?.();
      if (!w) break;
      workers.push(w);
    }
    const partial = workers.length ? await readInWorkers(todo, workers, p, run) : [];
    const readings = await fillInline(
      todo,
      todo.map((_, i) => partial[i]),
      p,
      run,
    );
    run.onProgress({ stage: PANE_TEXTS.stageCheck, done: todo.length, total: todo.length });
    return { readings, skipped, repeated };
  };
}
