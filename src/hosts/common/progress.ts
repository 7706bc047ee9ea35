// Progress and yielding, as every host reports them during long reads and writes.
import type { Text } from "../../i18n/text";
import type { HostProgress, RunOptions } from "../host";

/** Awaits a macrotask, so the pane can paint and handle input between chunks. */
export const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function progress(o: RunOptions | undefined, stage: Text, done: number, total: number): void {
  const p: HostProgress = { stage, done: Math.min(done, total), total };
  o?.onProgress?.(p);
}
