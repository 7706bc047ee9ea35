// The Web Worker that reads and checks the preview's workbook (issue 12), where the webview can run
// one: its script is built beside the pane (webpack entry `check-worker`). Elsewhere (no Worker, a
// blocked script) the pane checks inline.
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

/** The preview's workbook checked in a worker; undefined in Excel (no bytes to hand over). */
export function offThreadOf(session: PreviewSession | null | undefined): OffThread | undefined {
  const toBytes = session?.toBytes;
  if (!session || !toBytes) return undefined;
  if (kept?.session !== session) {
    kept?.worker.close();
    kept = { session, worker: new KeptWorker() };
  }
  return { bytes: toBytes, makeWorker: makeCheckWorker, kept: kept.worker, writes: session.writes };
}
