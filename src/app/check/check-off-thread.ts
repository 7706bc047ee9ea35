// 校验台账 in the browser preview, off the pane's main thread: the workbook's bytes go to a check
// worker (check-worker.ts), which reads and checks them; the pane receives the Grids sheet by sheet
// (for its viewer and any later step) and the findings, the overview and the ignored sheets. The
// indexed ledger stays behind: the pane builds its own only when a later step asks for it
// (考评, 写入校验结果), from the same Grids with the same options — the same ledger, built inside a
// job that is long anyway.
import { analyze, type Analysis, type AnalyzeOptions } from "../../engine/analyze";
import type { Day } from "../../engine/dates";
import type { Grid, Workbook } from "../../engine/grid";
import { CancelledError } from "../../hosts/host";
import { sheetKey } from "../../report/sheet-plan";
import { placePart } from "./grid-parts";
import type { JobRun } from "../job";
import type {
  CheckReply,
  CheckRequest,
  CheckWorker,
  CheckWorkerFactory,
  EvaluateOrder,
  EvaluatedInWorker,
} from "./check-protocol";

/** Where the workbook's bytes come from, and how to make a worker. */
export interface OffThread {
  /**
   * The workbook as it is now (the browser preview). Absent or undefined where there are no bytes to
   * hand over (Excel): the pane reads the workbook itself and sends the worker its Grids
   * (check-grids-off-thread.ts).
   */
  bytes?(): Promise<Uint8Array | undefined>;
  makeWorker: CheckWorkerFactory;
  /** Keeps the worker between requests (the pane's); without it each request has its own worker. */
  kept?: KeptWorker;
  /** The preview's workbook can take a workbook written in the worker: 考评 is done there. */
  writes?: WorkerWrites;
}

/** How the preview takes a workbook written in the worker (its clock, and making the bytes its own). */
export interface WorkerWrites {
  now(): Date;
  /** The workbook becomes these bytes, as after a write (unless the run was cancelled). */
  adopt(bytes: Uint8Array, run: JobRun): Promise<void>;
}

export interface CheckedOffThread {
  workbook: Workbook;
  analysis: Analysis;
  /** The 检查基准日 in force (the lazy ledger's asOf, as the worker found it). */
  checkDate: Day;
  /** The bytes checked (the preview's own, not the copy sent): a later check of the same bytes can skip the Grids. */
  bytes: Uint8Array;
  /** 考评's result, when it was asked for. */
  evaluated?: EvaluatedInWorker;
}

/** A reading the pane holds: the Grids read from `bytes` — or sent to the worker, without bytes (Excel). */
export interface KnownReading {
  bytes?: Uint8Array;
  workbook: Workbook;
}

/** A worker for one request, and the reading it holds from before (a kept worker). */
export interface TakenWorker {
  worker: CheckWorker;
  holds?: KnownReading;
}

/**
 * The check worker kept between requests (issue 12), with what it read last: the preview's bytes —
 * the preview replaces its bytes on every change and never edits them, so the same array is the same
 * workbook — and the pane's Grids of them. A request for those bytes sends none and gets no Grids
 * back: the worker checks the workbook it holds (on the district, 校验台账 after opening read and
 * sent back the whole ledger again). A cancelled or failed request ends its worker; `close` ends the
 * kept one when the preview's workbook goes.
 */
export class KeptWorker {
  private worker: CheckWorker | undefined;
  private reading: KnownReading | undefined;

  /** The kept worker and what it holds, or a new worker (undefined where none can run). */
  take(make: CheckWorkerFactory): TakenWorker | undefined {
    const worker = this.worker;
    if (worker) {
      this.worker = undefined; // one request at a time: another one meanwhile makes its own
      return { worker, holds: this.reading };
    }
    const made = make();
    return made && { worker: made };
  }

  /** After a request that ended well: the worker holds `reading`'s workbook. */
  keep(worker: CheckWorker, reading: KnownReading): void {
    if (this.worker !== worker) this.worker?.terminate();
    this.worker = worker;
    this.reading = reading;
  }

  close(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.reading = undefined;
  }
}

/**
 * The analysis with the worker's findings, overview and ignored sheets; the ledger built on first
 * use. The ledger is not enumerable: whatever walks the object's keys (React's development build
 * logs the props it renders; JSON) must not build it by the way — on the district that is a 1.6 s
 * check on the pane's thread.
 */
export function lazyAnalysis(
  r: Extract<CheckReply, { kind: "checked" }>,
  workbook: Workbook,
  asOf: Day | undefined,
  today: Day,
): Analysis {
  const opts: AnalyzeOptions = asOf === undefined ? { today } : { asOf, today }; // as the worker's
  let full: Analysis | undefined;
  const analysis = { findings: r.findings, overview: r.overview, ignoredSheets: r.ignoredSheets };
  return Object.defineProperty(analysis, "ledger", {
    get() {
      full ??= analyze(workbook, opts);
      return full.ledger;
    },
    enumerable: false,
  }) as Analysis;
}

/**
 * Reads and checks the workbook in a worker, and does 考评 there when `evaluate` asks for it.
 * Undefined when no worker could do it (none can run, its script failed, the file could not be read
 * there): the caller then works inline, which also gives the clerk the right message for a file that
 * cannot be read. Cancelling stops the worker.
 */
export async function checkOffThread(
  off: OffThread,
  asOf: Day | undefined,
  today: Day,
  run: JobRun,
  known?: KnownReading,
  evaluate?: EvaluateOrder,
): Promise<CheckedOffThread | undefined> {
  const done = await inWorker(off, { asOf, today, ...(evaluate ? { evaluate } : {}) }, run, known);
  if (done?.last.kind !== "checked") return undefined;
  const { workbook, last, bytes } = done;
  const analysis = lazyAnalysis(last, workbook, asOf, today);
  return { workbook, analysis, checkDate: last.checkDate, bytes, evaluated: last.evaluated };
}

/**
 * The workbook read in a worker, the Grids sent back in parts (the pane's view of a workbook it has
 * just written: reading the district with its result sheets here took seconds). Undefined when no
 * worker could do it. Not cancellable: what asks for it has finished its work.
 */
export async function readOffThread(
  off: OffThread,
  today: Day,
  since?: AfterWrite,
): Promise<Workbook | undefined> {
  const run = { signal: new AbortController().signal };
  const done = await inWorker(off, { today, readOnly: true }, run, undefined, since);
  return done?.last.kind === "read" ? done.workbook : undefined;
}

/**
 * What a write into the preview's workbook changed: the bytes it started from and the sheets it
 * wrote or replaced. Every other sheet is as it was (the patch copies it byte for byte), so a worker
 * that holds the reading of `from` keeps those sheets' Grids — on the district after 考评, half of
 * the cells — instead of reading them again and sending them back.
 */
export interface AfterWrite {
  from: Uint8Array;
  written: readonly string[];
}

/** The sheets of the held reading a write left as they were; undefined unless it is the reading of `since.from`. */
function unchangedSheets(
  holds: KnownReading | undefined,
  since: AfterWrite | undefined,
): string[] | undefined {
  if (!holds || !since || holds.bytes !== since.from) return undefined;
  const written = new Set(since.written.map(sheetKey));
  return holds.workbook.sheets.map((g) => g.name).filter((name) => !written.has(sheetKey(name)));
}

type Last = Extract<CheckReply, { kind: "checked" | "read" }>;

/**
 * One request in a worker: the Grids as they arrive (or the pane's own, when they were read from the
 * same bytes) and the last reply; undefined when no worker did it.
 */
async function inWorker(
  off: OffThread,
  req: Omit<CheckRequest, "bytes">,
  run: Pick<JobRun, "signal"> & Partial<Pick<JobRun, "onProgress">>,
  known?: KnownReading,
  since?: AfterWrite,
): Promise<{ workbook: Workbook; last: Last; bytes: Uint8Array } | undefined> {
  const bytes = await off.bytes?.();
  const taken = bytes && takeWorker(off);
  if (!bytes || !taken) return undefined;
  const { worker, holds } = taken;
  const held = holds?.bytes === bytes ? holds.workbook : undefined;
  const reused = held ?? (known?.bytes === bytes ? known.workbook : undefined);
  return new Promise((resolve, reject) => {
    const sheets: Grid[] = [];
    const { release, fail } = requestEnds(worker, run.signal, resolve, reject);
    /** A request that ended well: a kept worker now holds `bytes`' workbook; any other is ended. */
    const done = (workbook: Workbook, last: Last) => {
      release();
      if (off.kept) off.kept.keep(worker, { bytes, workbook });
      else worker.terminate();
      resolve({ workbook, last, bytes });
    };
    worker.onerror = fail;
    worker.onmessage = ({ data: r }: { data: CheckReply }) => {
      if (r.kind === "sheet" || r.kind === "rows" || r.kind === "progress") return takePart(r, sheets, run);
      if (r.kind === "failed" || r.kind === "model" || r.kind === "modelRows") return fail(); // not asked for
      if (r.kind === "read" && r.kept && !placeKept(sheets, r.kept, holds)) return fail();
      const workbook = reused ?? receivedWorkbook(sheets, r);
      if (workbook.sheets.length !== r.sheets) return fail();
      done(workbook, r);
    };
    if (held) return worker.postMessage({ ...req, held: true });
    // The preview keeps its bytes; a fresh copy is transferred, not cloned. (Not bytes.slice(): on a
    // Node Buffer — ExcelJS's browser build hands those out — slice() is a view of the same memory.)
    const copy = new Uint8Array(bytes);
    const keep = unchangedSheets(holds, since);
    const also = reused ? { gridsKnown: true } : keep ? { keep } : {};
    worker.postMessage({ ...req, bytes: copy, ...also }, [copy.buffer]);
  });
}

/**
 * How a request to `worker` ends besides its answer: `fail` ends the worker and resolves undefined
 * (the caller then works here); a cancel ends it and rejects. `release` stops listening for the cancel.
 */
export function requestEnds(
  worker: CheckWorker,
  signal: AbortSignal,
  resolve: (nothing: undefined) => void,
  reject: (e: Error) => void,
): { release: () => void; fail: () => void } {
  const release = () => signal.removeEventListener("abort", onAbort);
  const onAbort = () => {
    release();
    worker.terminate();
    reject(new CancelledError());
  };
  signal.addEventListener("abort", onAbort);
  const fail = () => {
    release();
    worker.terminate();
    resolve(undefined);
  };
  return { release, fail };
}

/** A reply before the last: a sheet or part of its rows (put in place), or a stage to show. */
function takePart(
  r: Extract<CheckReply, { kind: "sheet" | "rows" | "progress" }>,
  sheets: Grid[],
  run: Pick<JobRun, "signal"> & Partial<Pick<JobRun, "onProgress">>,
): void {
  if (r.kind !== "progress") placePart(sheets, r);
  else showStage(r, run);
}

/** A stage of the worker's, shown in the pane unless the run was cancelled. */
export function showStage(
  r: Extract<CheckReply, { kind: "progress" }>,
  run: Pick<JobRun, "signal"> & Partial<Pick<JobRun, "onProgress">>,
): void {
  if (!run.signal.aborted) run.onProgress?.(r.progress);
}

/** The kept sheets' Grids, from the reading the worker held (`holds`) — false when one is not there. */
function placeKept(sheets: Grid[], kept: { index: number; name: string }[], holds?: KnownReading): boolean {
  const byName = new Map(holds?.workbook.sheets.map((g) => [g.name, g]));
  for (const { index, name } of kept) {
    const grid = byName.get(name);
    if (!grid) return false;
    sheets[index] = grid;
  }
  return true;
}

/** The workbook whose Grids arrived in parts. */
function receivedWorkbook(sheets: Grid[], r: Last): Workbook {
  const workbook: Workbook = { date1904: r.date1904, sheets };
  if (r.definedNames) workbook.definedNames = r.definedNames;
  return workbook;
}

/** The kept worker (with what it holds), or a new one for this request; undefined where none can run. */
export function takeWorker(off: OffThread): TakenWorker | undefined {
  if (off.kept) return off.kept.take(off.makeWorker);
  const worker = off.makeWorker();
  return worker && { worker };
}
