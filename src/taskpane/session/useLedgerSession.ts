// The pane's session as a hook: the reducer (state.ts), the one-run-at-a-time runner, the runs each
// button starts (runs.ts), the first run (read the workbook in Excel, or the sample in preview) and
// the re-check whenever the 检查基准日 and the reading disagree — also a cancellable job.
import { useEffect, useEffectEvent, useMemo, useReducer, useRef, type Dispatch } from "react";
import type { LedgerHost } from "../../hosts/host";
import type { PaneMessage } from "../../app/errors";
import type { Lang } from "../../i18n/text";
import { recheckJob } from "../../app/jobs/validate";
import type { OffThread } from "../../app/check/check-off-thread";
import { offThreadOf } from "../check-workers";
import type { PreviewActions } from "../../app/preview-session";
import type { Settings } from "../../app/settings";
import { paneRuns, type PaneRuns } from "./runs";
import {
  checkDate,
  initialSession,
  pendingRecheck,
  sessionReducer,
  type SessionAction,
  type SessionState,
} from "./state";
import { useRunner, type Launch } from "./useRunner";
import { withViewer } from "./viewer-host";

export interface LedgerSessionOptions {
  /** Browser preview: workbooks are opened in the pane and shown in its read-only grid. */
  preview: boolean;
  /** Excel: the Office host. */
  host?: LedgerHost;
  /** Browser preview: how to open a file or the sample as an in-memory workbook. */
  previewActions?: PreviewActions;
  settings: Settings;
  /** What to do on start: read the workbook (Excel), load the sample (preview) or nothing. */
  firstRun: "read" | "sample" | "none";
  initialMessage?: PaneMessage;
}

export interface LedgerSession {
  state: SessionState;
  /** The workbook's host (in preview wrapped so that navigation shows in the grid), if any. */
  host: LedgerHost | null;
  busy: boolean;
  actions: PaneRuns & {
    setAsOf: (iso: string) => void;
    cancel: () => void;
    dismissMessage: () => void;
    /** Preview: show a sheet in the read-only grid. */
    showSheet: (name: string) => void;
  };
}

export function useLedgerSession(o: LedgerSessionOptions): LedgerSession {
  const [state, dispatch] = useReducer(sessionReducer, o.initialMessage ?? null, initialSession);
  const lang = o.settings.lang;
  const runner = useRunner(dispatch, lang);
  const host = useViewerHost(o.host ?? state.preview?.host ?? null, o.preview, dispatch);

  const runs = paneRuns({
    host,
    lang,
    asOf: checkDate(state),
    settings: o.settings,
    reading: state.reading,
    compile: state.compile,
    preview: o.preview ? { actions: o.previewActions, session: state.preview } : null,
    launch: runner.launch,
    say: (message) => dispatch({ type: "messageShown", message }),
  });

  useFirstRun(o.firstRun === "sample" ? runs.loadSample : o.firstRun === "read" ? runs.read : () => {});
  useRecheck(state, lang, runner.launch, offThreadOf(o.preview ? state.preview : null));

  return {
    state,
    host,
    busy: state.run !== null,
    actions: {
      ...runs,
      setAsOf: (asOf) => {
        runner.dropRecheck();
        dispatch({ type: "asOfChanged", asOf });
      },
      cancel: runner.cancel,
      dismissMessage: () => dispatch({ type: "messageShown", message: null }),
      showSheet: (sheet) => dispatch({ type: "sheetShown", sheet }),
    },
  };
}

function useViewerHost(
  base: LedgerHost | null,
  preview: boolean,
  dispatch: Dispatch<SessionAction>,
): LedgerHost | null {
  return useMemo(
    () =>
      base && preview
        ? withViewer(base, (sheet, cell) => dispatch({ type: "sheetShown", sheet, cell }))
        : base,
    [base, preview, dispatch],
  );
}

/** Runs `start` once, after the first render. */
function useFirstRun(start: () => void): void {
  const onStart = useEffectEvent(start);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    onStart();
  }, []);
}

/** Checks the reading again (without reading the workbook) when the 检查基准日 no longer matches it. */
function useRecheck(state: SessionState, lang: Lang, launch: Launch, offThread: OffThread): void {
  const asOf = pendingRecheck(state);
  const reading = state.reading;
  const recheck = useEffectEvent((at: string) => {
    if (reading)
      launch("recheck", recheckJob(reading, { lang, asOf: at }, offThread), (r) => ({ reading: r }));
  });
  useEffect(() => {
    if (asOf !== undefined) recheck(asOf);
  }, [asOf]);
}
