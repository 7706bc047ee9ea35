// One shape for every long piece of work the task pane and the ribbon commands start: a Job takes a
// JobRun (an AbortSignal and a progress callback) and returns a promise. Jobs report
// {stage, done, total} and check the signal between stages; the hosts do the same inside their
// reads and writes and leave the workbook as it was when cancelled.
import { CancelledError, throwIfCancelled, type HostProgress } from "../hosts/host";
import type { Text } from "../i18n/text";
import type { HostNote } from "../hosts/host";

export type { HostProgress };

/** What a job gets from whoever runs it. Also a valid RunOptions for every LedgerHost method. */
export interface JobRun {
  signal: AbortSignal;
  onProgress: (p: HostProgress) => void;
  /** What a run that succeeded could not do (RunOptions.onNote), to show with its result. */
  onNote?: (note: HostNote) => void;
}

export type Job<T> = (run: JobRun) => Promise<T>;

/** Lets the browser paint (the progress bar, the 取消 button) between synchronous engine stages. */
export function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Reports a stage, lets the pane repaint, and throws CancelledError if the run was cancelled. */
export async function stage(run: JobRun, text: Text, done: number, total: number): Promise<void> {
  throwIfCancelled(run.signal);
  run.onProgress({ stage: text, done, total });
  await yieldToUi();
  throwIfCancelled(run.signal);
}

export function isCancelled(e: unknown, signal?: AbortSignal): boolean {
  return (
    e instanceof CancelledError ||
    (e as { name?: string } | null)?.name === "CancelledError" ||
    !!signal?.aborted
  );
}

export type JobOutcome<T> =
  { status: "done"; value: T } | { status: "cancelled" } | { status: "failed"; error: unknown };

export interface StartedJob<T> {
  /** Asks the job to stop; the outcome is then "cancelled" unless it had already finished. */
  cancel(): void;
  /** Settles once the job has stopped; never rejects. */
  outcome: Promise<JobOutcome<T>>;
}

/** Starts a job with its own AbortController. Progress reported after cancel() is dropped. */
export function startJob<T>(
  job: Job<T>,
  onProgress: (p: HostProgress) => void = () => {},
  onNote?: (note: HostNote) => void,
): StartedJob<T> {
  const ctrl = new AbortController();
  const run: JobRun = {
    signal: ctrl.signal,
    onProgress: (p) => {
      if (!ctrl.signal.aborted) onProgress({ ...p });
    },
    onNote,
  };
  const outcome = (async (): Promise<JobOutcome<T>> => {
    try {
      return { status: "done", value: await job(run) };
    } catch (error) {
      return isCancelled(error, ctrl.signal) ? { status: "cancelled" } : { status: "failed", error };
    }
  })();
  return { cancel: () => ctrl.abort(), outcome };
}

/**
 * The rest of a run once the workbook has been written: it still reports progress, but cancelling
 * can no longer restore the workbook, so it no longer stops (and never claims it is unchanged).
 */
export function afterWrite(run: JobRun): JobRun {
  return { signal: new AbortController().signal, onProgress: run.onProgress, onNote: run.onNote };
}

/** Runs a job that nobody can cancel or watch (the ribbon commands): its result, or its error. */
export function runToCompletion<T>(job: Job<T>): Promise<T> {
  return job({ signal: new AbortController().signal, onProgress: () => {} });
}
