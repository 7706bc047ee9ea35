// Messages between the pane and the submission worker.
import type { DistrictRules } from "../../engine/compile";
import type { SubmissionFile, SubmissionReading } from "./read-submission";

export interface WorkerRequest {
  id: number;
  file: SubmissionFile;
  /** What the file is checked against: the district's 检查基准日 and rules. */
  district: DistrictRules;
}

export interface WorkerReply {
  id: number;
  reading: SubmissionReading;
}

/** What the job needs of a Worker (a real one in the pane, an in-process one in tests). */
export interface SubmissionWorker {
  postMessage(request: WorkerRequest, transfer?: Transferable[]): void;
  onmessage: ((e: { data: WorkerReply }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
  terminate(): void;
}

/** Makes a worker, or undefined where Web Workers cannot run (then files are read inline). */
export type WorkerFactory = () => SubmissionWorker | undefined;
