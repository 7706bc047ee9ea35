// One run at a time: starts a job (src/app) under a fresh run id, forwards its progress, and turns
// its outcome into an action — the result, 已取消 (the workbook is unchanged), or an error that says
// what to do. The reducer drops whatever arrives for a run that is no longer the current one.
import { useCallback, useRef, type Dispatch } from "react";
import { describeError } from "../../app/errors";
import { t } from "../../i18n/pane";
import { render, type Lang } from "../../i18n/text";
import type { HostNote } from "../../hosts/host";
import type { PaneMessage } from "../../app/errors";
import { startJob, type Job, type JobOutcome } from "../../app/job";
import type { RunKind, RunResult, SessionAction } from "./state";

/** Starts a run unless one is in progress; `done` says what its value changes. False: not started. */
export type Launch = <T>(kind: RunKind, job: Job<T>, done: (value: T) => RunResult) => boolean;

export interface Runner {
  launch: Launch;
  /** 取消: asks the current run to stop; it ends (as cancelled) once the host has rolled back. */
  cancel: () => void;
  /** A new 检查基准日 makes a re-check in progress pointless: stop it and forget it at once. */
  dropRecheck: () => void;
}

interface ActiveRun {
  id: number;
  kind: RunKind;
  cancel: () => void;
}

export function useRunner(dispatch: Dispatch<SessionAction>, lang: Lang): Runner {
  const active = useRef<ActiveRun | null>(null);
  const lastId = useRef(0);

  const launch: Launch = useCallback(
    (kind, job, done) => {
      if (active.current) return false;
      const id = ++lastId.current;
      dispatch({ type: "runStarted", id, kind });
      const notes: HostNote[] = [];
      const started = startJob(
        job,
        (progress) => dispatch({ type: "runProgress", id, progress }),
        (note) => notes.push(note),
      );
      active.current = { id, kind, cancel: started.cancel };
      void started.outcome.then((outcome) => {
        if (active.current?.id === id) active.current = null;
        dispatch(outcomeAction(id, outcome, done, lang, notes));
      });
      return true;
    },
    [dispatch, lang],
  );

  const cancel = useCallback(() => active.current?.cancel(), []);

  const dropRecheck = useCallback(() => {
    if (active.current?.kind !== "recheck") return;
    active.current.cancel();
    active.current = null;
  }, []);

  return { launch, cancel, dropRecheck };
}

function outcomeAction<T>(
  id: number,
  outcome: JobOutcome<T>,
  done: (value: T) => RunResult,
  lang: Lang,
  notes: readonly HostNote[] = [],
): SessionAction {
  if (outcome.status === "cancelled")
    return { type: "runCancelled", id, message: { intent: "info", text: t(lang, "cancelled") } };
  try {
    if (outcome.status === "done") {
      const result = done(outcome.value);
      if (notes.length) result.message = withNotes(result.message, notes, lang);
      return { type: "runSucceeded", id, result };
    }
    throw outcome.error;
  } catch (e) {
    console.error(e);
    return { type: "runFailed", id, message: describeError(e, lang) };
  }
}

/** The run's message, then what the host could not do (a warning: the run itself succeeded). */
function withNotes(message: PaneMessage | undefined, notes: readonly HostNote[], lang: Lang): PaneMessage {
  const lines = notes.map((n) => render(n, lang));
  return {
    intent: "warning",
    title: message?.text ?? t(lang, "notes"),
    text: lines.join("\n"),
  };
}
