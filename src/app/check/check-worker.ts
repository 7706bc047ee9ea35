// The Web Worker that checks the workbook off the pane's main thread (issue 12: no task over 100 ms
// while a district ledger is checked): the preview's bytes, or the Grids the pane read in Excel.
// Built as its own entry (webpack.config.js: js/check-worker.js). The pane keeps it between checks
// (check-off-thread.ts, KeptWorker), and it keeps the workbook it checked last: checking the same
// workbook again reads and receives nothing.
import { answerMessage, transferOf, type WorkerMemory } from "./check-in-worker";
import type { CheckMessage, CheckReply } from "./check-protocol";

interface WorkerScope {
  onmessage: ((e: MessageEvent<CheckMessage>) => void) | null;
  postMessage(reply: CheckReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

const memory: WorkerMemory = {};

scope.onmessage = (e) =>
  answerMessage(e.data, (reply) => scope.postMessage(reply, transferOf(reply)), memory);
