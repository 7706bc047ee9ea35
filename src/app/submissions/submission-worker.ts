// The Web Worker that reads submitted workbooks and checks them against the district off the pane's
// main thread, one file per message, so the pane stays responsive while 30 ledgers are checked. Built as its own entry
// (webpack.config.js: js/submission-worker.js).
import { readSubmission } from "./read-submission";
import type { WorkerReply, WorkerRequest } from "./worker-protocol";

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(reply: WorkerReply): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { id, file, district } = e.data;
  scope.postMessage({ id, reading: readSubmission(file, district) });
};
