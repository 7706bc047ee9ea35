// One long run at a time: progress {stage, done, total}, a 取消 button (AbortController), and the
// outcome as a MessageBar (errors say what to do; cancelling says the workbook is unchanged).
import { useCallback, useRef, useState } from "react";
import type { HostProgress } from "../../hosts/host";
import { describeError, type PaneMessage } from "../../app/errors";
import { t, type Lang } from "../../app/i18n";
import { isCancelled, type Job } from "../../app/job";

export interface Runner {
  progress: HostProgress | null;
  busy: boolean;
  message: PaneMessage | null;
  setMessage: (m: PaneMessage | null) => void;
  /** Runs `fn`; resolves to its result, or undefined when it failed or was cancelled. */
  run: <T>(fn: Job<T>) => Promise<T | undefined>;
  cancel: () => void;
}

export function useRunner(lang: Lang, initialMessage?: PaneMessage): Runner {
  const [progress, setProgress] = useState<HostProgress | null>(null);
  const [message, setMessage] = useState<PaneMessage | null>(initialMessage ?? null);
  const ctrl = useRef<AbortController | null>(null);

  const run = useCallback(
    async <T>(fn: Job<T>): Promise<T | undefined> => {
      if (ctrl.current) return undefined;
      const c = new AbortController();
      ctrl.current = c;
      setMessage(null);
      setProgress({ stage: "", done: 0, total: 0 });
      try {
        return await fn({
          signal: c.signal,
          onProgress: (p) => {
            if (!c.signal.aborted) setProgress({ ...p });
          },
        });
      } catch (e) {
        if (isCancelled(e, c.signal)) setMessage({ intent: "info", text: t(lang, "cancelled") });
        else {
          console.error(e);
          setMessage(describeError(e, lang));
        }
        return undefined;
      } finally {
        ctrl.current = null;
        setProgress(null);
      }
    },
    [lang],
  );

  const cancel = useCallback(() => ctrl.current?.abort(), []);
  return { progress, busy: progress !== null, message, setMessage, run, cancel };
}
