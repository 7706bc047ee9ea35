// Web Workers for 汇总报送, where the webview can run them: the worker script is built beside the
// pane (webpack entry `submission-worker`). Elsewhere (no Worker, a blocked script) the files are
// read inline by the job.
import type { SubmissionWorker, WorkerFactory } from "../app/submissions/worker-protocol";

export const WORKER_URL = "js/submission-worker.js";

export const makeSubmissionWorker: WorkerFactory = () => {
  if (typeof Worker === "undefined") return undefined;
  try {
    return new Worker(WORKER_URL) as unknown as SubmissionWorker;
  } catch {
    return undefined;
  }
};
