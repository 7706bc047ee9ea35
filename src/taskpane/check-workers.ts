// The Web Worker that checks the workbook (issue 12), where the webview can run one: its script is
// built beside the pane (webpack entry `check-worker`). It reads the preview's bytes; in Excel it is
// sent the Grids the pane read. Elsewhere (no Worker, a blocked script) the pane checks inline.
import type { CheckWorker, CheckWorkerFactory } from "../app/check/check-protocol";
import { KeptWorker, type OffThread } from "../app/check/check-off-thread";
import type { PreviewSession } from "../app/preview-session";

export const CHECK_WORKER_URL = "js/check-worker.js";

export const makeCheckWorker: CheckWorkerFactory = () => {
  if (typeof Worker === "undefined") return undefined;
  try {
    return new Worker(CHECK_WORKER_URL) as unknown as CheckWorker;
  } catch {
    return undefined;
  }
};

/** The worker kept for the preview's workbook (one preview at a time), ended when another one opens. */
let kept: { session: PreviewSession; worker: KeptWorker } | undefined;

/** The worker kept for Excel's workbook: it holds the Grids it was sent last (a re-check sends none). */
const keptForExcel = new KeptWorker();

/**
 * The preview's workbook read and checked in a worker; in Excel (no preview, no bytes to hand over)
 * the Grids the pane read are checked there.
 */
export function offThreadOf(session: PreviewSession | null | undefined): OffThread {
  const toBytes = session?.toBytes;
  if (!session || !toBytes) return { makeWorker: makeCheckWorker, kept: keptForExcel };
  if (kept?.session !== session) {
    kept?.worker.close();
    kept = { session, worker: new KeptWorker() };
  }
  return { bytes: toBytes, makeWorker: makeCheckWorker, kept: kept.worker, writes: session.writes };
}
