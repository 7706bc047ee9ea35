// Progress and cancellation for the pane's long runs. Every service takes RunOptions (host.ts): it
// reports {stage, done, total} and checks the AbortSignal between stages; the host does the same
// inside its reads and writes and leaves the workbook as it was when cancelled.
import { CancelledError, throwIfCancelled, type RunOptions } from "../../hosts/host";

export type { RunOptions };

/** Lets the browser paint (the progress bar, the 取消 button) between synchronous engine stages. */
export function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Reports a stage, lets the pane repaint, and throws CancelledError if the run was cancelled. */
export async function stage(o: RunOptions, text: string, done: number, total: number): Promise<void> {
  throwIfCancelled(o.signal);
  o.onProgress?.({ stage: text, done, total });
  await yieldToUi();
  throwIfCancelled(o.signal);
}

export function isCancelled(e: unknown, signal?: AbortSignal): boolean {
  return (
    e instanceof CancelledError ||
    (e as { name?: string } | null)?.name === "CancelledError" ||
    !!signal?.aborted
  );
}
