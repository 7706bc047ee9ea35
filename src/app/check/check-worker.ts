// The Web Worker that reads and checks the preview's workbook off the pane's main thread (issue 12:
// no task over 100 ms while a district ledger is checked). Built as its own entry
// (webpack.config.js: js/check-worker.js); one worker per check, terminated after it.
import { checkInWorker } from "./check-in-worker";
import type { CheckReply, CheckRequest } from "./check-protocol";

interface WorkerScope {
  onmessage: ((e: MessageEvent<CheckRequest>) => void) | null;
  postMessage(reply: CheckReply): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => checkInWorker(e.data, (reply) => scope.postMessage(reply));
