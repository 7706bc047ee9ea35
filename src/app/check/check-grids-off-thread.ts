// 校验台账 in Excel, off the pane's main thread (issue 12: the pane must never freeze while a large
// ledger is checked). Excel hands over no file: the pane reads the workbook through Office.js, as it
// always did, then sends the worker its Grids in parts — a few milliseconds each to post, the pane
// given back to the browser between them — and the worker checks them and sends back only the result
// (findings, overview, ignored sheets). The indexed ledger is built here only when a later step asks
// for it, as in the preview. A kept worker holds the Grids it checked: checking the same reading
// again (another 检查基准日) sends nothing.
import type { Day } from "../../engine/dates";
import type { Workbook } from "../../engine/grid";
import { macrotask } from "../../hosts/common/progress";
import type { JobRun } from "../job";
import type { SheetModel } from "../../report/sheet-model";
import type {
  CheckMessage,
  CheckReply,
  CheckRequest,
  CheckWorker,
  EvaluateOrder,
  EvaluatedInWorker,
} from "./check-protocol";
import {
  lazyAnalysis,
  requestEnds,
  showStage,
  takeWorker,
  type CheckedOffThread,
  type OffThread,
} from "./check-off-thread";
import { allArrived, placeModelPart, sheetParts } from "./grid-parts";

/** Posting parts without a break for at most this long (the pane's target: no task over 100 ms). */
const POST_SLICE_MS = 25;

/** What checking sent Grids gives: CheckedOffThread without bytes; 考评's sheets as models. */
export type CheckedGrids = Pick<CheckedOffThread, "workbook" | "analysis" | "checkDate" | "evaluated">;

type Run = Pick<JobRun, "signal"> & Partial<Pick<JobRun, "onProgress">>;

/**
 * `workbook` checked in a worker, and 考评 done there when `evaluate` asks for it (its result sheets
 * come back as models, for the pane's host to write); undefined when no worker could do it (none can
 * run, it failed): the caller then works here. Cancelling stops the worker.
 */
export async function checkGridsOffThread(
  off: OffThread,
  workbook: Workbook,
  asOf: Day | undefined,
  today: Day,
  run: Run,
  evaluate?: EvaluateOrder,
): Promise<CheckedGrids | undefined> {
  const taken = takeWorker(off);
  if (!taken) return undefined;
  const { worker, holds } = taken;
  const held = holds !== undefined && holds.bytes === undefined && holds.workbook === workbook;
  const request: CheckRequest = {
    asOf,
    today,
    ...(evaluate ? { evaluate: { ...evaluate, into: "models" } } : {}),
  };
  const answer = await answerOf(worker, run, async (post) => {
    if (held) return post({ ...request, held: true });
    await postGrids(workbook, post, run.signal);
    post({ ...request, sent: sentOf(workbook) });
  });
  if (!answer) return undefined;
  if (off.kept) off.kept.keep(worker, { workbook });
  else worker.terminate();
  const { last, evaluated } = answer;
  return {
    workbook,
    analysis: lazyAnalysis(last, workbook, asOf, today),
    checkDate: last.checkDate,
    evaluated,
  };
}

type Checked = Extract<CheckReply, { kind: "checked" }>;

/** The worker's "checked" reply, and 考评's result with the result sheets assembled from their parts. */
interface Answer {
  last: Checked;
  evaluated?: EvaluatedInWorker;
}

/**
 * The worker's answer to what `send` posts; undefined (and the worker ended) when it failed. Its
 * stages are shown as they come; a cancel ends the worker and rejects.
 */
function answerOf(
  worker: CheckWorker,
  run: Run,
  send: (post: (m: CheckMessage) => void) => Promise<void>,
): Promise<Answer | undefined> {
  return new Promise((resolve, reject) => {
    const models: SheetModel[] = [];
    const { release, fail } = requestEnds(worker, run.signal, resolve, reject);
    worker.onerror = fail;
    worker.onmessage = ({ data: r }: { data: CheckReply }) => {
      if (r.kind === "model" || r.kind === "modelRows") return placeModelPart(models, r);
      if (r.kind === "progress") return showStage(r, run);
      if (r.kind !== "checked") return fail(); // Grids or a read: not what a check of sent Grids answers
      const evaluated = r.evaluated && { ...r.evaluated, models };
      if (evaluated && !allArrived(models, evaluated.written.length)) return fail();
      release();
      resolve({ last: r, evaluated });
    };
    // nothing is posted once cancelled (the worker is ended); a Grid that cannot be cloned fails
    const post = (m: CheckMessage) => {
      if (!run.signal.aborted) worker.postMessage(m);
    };
    send(post).catch(fail);
  });
}

/** The Grids posted in parts, the pane given back to the browser every POST_SLICE_MS. */
async function postGrids(
  workbook: Workbook,
  post: (m: CheckMessage) => void,
  signal: AbortSignal,
): Promise<void> {
  let since = performance.now();
  for (const [index, grid] of workbook.sheets.entries()) {
    for (const part of sheetParts(index, grid)) {
      if (signal.aborted) return;
      post(part);
      if (performance.now() - since < POST_SLICE_MS) continue;
      await macrotask();
      since = performance.now();
    }
  }
}

function sentOf(wb: Workbook): NonNullable<CheckRequest["sent"]> {
  return {
    date1904: wb.date1904,
    sheets: wb.sheets.length,
    ...(wb.definedNames ? { definedNames: wb.definedNames } : {}),
  };
}
