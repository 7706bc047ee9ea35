// The Web Worker that reads and checks the preview's workbook off the pane's main thread (issue 12:
// no task over 100 ms while a district ledger is checked). Built as its own entry
// (webpack.config.js: js/check-worker.js). The pane keeps it between checks (check-off-thread.ts,
// KeptWorker), and it keeps the workbook it read last: checking the same bytes again reads nothing.
import { checkInWorker, transferOf, type WorkerMemory } from "./check-in-worker";
import type { CheckReply, CheckRequest } from "./check-protocol";

interface WorkerScope {
  onmessage: ((e: MessageEvent<CheckRequest>) => void) | null;
  postMessage(reply: CheckReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

const memory: WorkerMemory = {};

scope.onmessage = (e) =>
  checkInWorker(e.data, (reply) => scope.postMessage(reply, transferOf(reply)), memory);
