// The pane's session as one reducer: the latest reading of the workbook, whether the clerk has asked
// for the check, the last evaluation, the last compilation (汇总报送), the preview workbook and its grid, and the one run in progress.
// Every run has an id; whatever arrives for a run that is no longer the current one is dropped, so a
// superseded re-check or a late answer can never overwrite newer state.
import type { Workbook } from "../../engine/grid";
import type { HostProgress } from "../../hosts/host";
import type { PaneMessage } from "../../app/errors";
import type { CompileResult } from "../../app/jobs/compile";
import type { EvaluateResult } from "../../app/jobs/evaluate";
import { isUsableAsOf, type ValidateResult } from "../../app/jobs/validate";
import type { PreviewSession } from "../../app/preview-session";

export type RunKind =
  | "read"
  | "open"
  | "download"
  | "validate"
  | "recheck"
  | "template"
  | "navigate"
  | "highlight"
  | "clearHighlights"
  | "fixes"
  | "writeFindings"
  | "insertRules"
  | "evaluate"
  | "compile"
  | "writeDistrict"
  | "notices";

export interface RunState {
  id: number;
  kind: RunKind;
  progress: HostProgress;
}

/** Browser preview: the workbook in memory as the read-only grid shows it. */
export interface ViewerState {
  workbook: Workbook | null;
  /** The sheet shown (null: the first). */
  active: string | null;
  /** A1 address of the cell marked on the active sheet. */
  cell?: string;
}

export interface SessionState {
  /** The 检查基准日 input: "" or ISO text (possibly half-typed). */
  asOf: string;
  /** The latest reading of the workbook (header, 概况, rules in force; 校验 once checked). */
  reading: ValidateResult | null;
  /** The clerk has run 校验台账 on this workbook: the 校验 tab shows the reading's findings. */
  checked: boolean;
  /** The outcome of the last 考评并生成表彰名单. */
  evaluation: EvaluateResult | null;
  /** Browser preview: the workbook opened, if any. */
  preview: PreviewSession | null;
  /** 汇总报送: the last compilation of submitted files, and the sheets written from it. */
  compile: CompileState | null;
  viewer: ViewerState;
  run: RunState | null;
  message: PaneMessage | null;
}

export interface CompileState {
  result: CompileResult;
  /** The sheets 生成全区汇总 wrote from this compilation (null: not yet written). */
  written: string[] | null;
}

/** What a finished run changes; absent fields change nothing. */
export interface RunResult {
  /** A new reading (or the same workbook checked at another date). */
  reading?: ValidateResult;
  /** true after 校验台账 (or applying fixes): the 校验 tab shows the findings. */
  checked?: boolean;
  evaluation?: EvaluateResult;
  /** A new compilation of submitted files (replaces the last one and what was written from it). */
  compile?: CompileResult;
  /** The sheets written from the current compilation. */
  districtWritten?: string[];
  /** A newly opened preview workbook: the earlier check and evaluation no longer apply. */
  preview?: PreviewSession;
  /** Preview: the workbook as it is after the run (with the sheets just written). */
  workbook?: Workbook;
  /** Preview: the sheet to show in the grid. */
  show?: string;
  message?: PaneMessage;
}

export type SessionAction =
  | { type: "runStarted"; id: number; kind: RunKind }
  | { type: "runProgress"; id: number; progress: HostProgress }
  | { type: "runSucceeded"; id: number; result: RunResult }
  | { type: "runCancelled"; id: number; message: PaneMessage }
  | { type: "runFailed"; id: number; message: PaneMessage }
  | { type: "asOfChanged"; asOf: string }
  | { type: "messageShown"; message: PaneMessage | null }
  | { type: "sheetShown"; sheet: string; cell?: string };

export const STARTING: HostProgress = { stage: { "zh-CN": "", en: "" }, done: 0, total: 0 };

export function initialSession(message: PaneMessage | null = null): SessionState {
  return {
    asOf: "",
    reading: null,
    checked: false,
    evaluation: null,
    preview: null,
    compile: null,
    viewer: { workbook: null, active: null },
    run: null,
    message,
  };
}

export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case "runStarted":
      if (state.run) return state; // one run at a time
      return {
        ...state,
        run: { id: action.id, kind: action.kind, progress: STARTING },
        // A re-check follows the date input: the outcome of the clerk's last action stays shown.
        message: action.kind === "recheck" ? state.message : null,
      };
    case "runProgress":
      if (state.run?.id !== action.id) return state;
      return { ...state, run: { ...state.run, progress: action.progress } };
    case "runSucceeded":
      if (state.run?.id !== action.id) return state;
      return applyResult({ ...state, run: null }, action.result);
    case "runCancelled":
    case "runFailed":
      if (state.run?.id !== action.id) return state;
      return { ...afterStop(state, state.run.kind), run: null, message: action.message };
    case "asOfChanged":
      return changeAsOf(state, action.asOf);
    case "messageShown":
      return { ...state, message: action.message };
    case "sheetShown":
      return { ...state, viewer: { ...state.viewer, active: action.sheet, cell: action.cell } };
  }
}

/** A re-check that did not finish puts the date back to the one the reading was checked at. */
function afterStop(state: SessionState, kind: RunKind): SessionState {
  return kind === "recheck" && state.reading ? { ...state, asOf: state.reading.asOf } : state;
}

/** A new date supersedes a re-check in progress (its result will be dropped); other runs go on. */
function changeAsOf(state: SessionState, asOf: string): SessionState {
  const superseded = state.run?.kind === "recheck";
  return { ...state, asOf, run: superseded ? null : state.run };
}

function applyResult(state: SessionState, r: RunResult): SessionState {
  const opened = r.preview !== undefined;
  return {
    ...state,
    preview: r.preview ?? state.preview,
    reading: r.reading ?? state.reading,
    checked: r.checked ?? (opened ? false : state.checked),
    evaluation: r.evaluation ?? (opened ? null : state.evaluation),
    compile: compileAfter(state.compile, r),
    viewer: showWorkbook(state.viewer, r.workbook ?? r.reading?.workbook, r.show),
    message: r.message ?? state.message,
  };
}

/** A compilation stays when another workbook is opened (it was checked against the units of the one open then). */
function compileAfter(current: CompileState | null, r: RunResult): CompileState | null {
  if (r.compile) return { result: r.compile, written: null };
  if (r.districtWritten && current) return { ...current, written: r.districtWritten };
  return current;
}

/** The grid keeps its sheet (and marked cell) when that sheet is still there, unless told which. */
function showWorkbook(viewer: ViewerState, workbook: Workbook | undefined, show?: string): ViewerState {
  if (!workbook) return show ? { ...viewer, active: show, cell: undefined } : viewer;
  if (show) return { workbook, active: show };
  const keep = viewer.active !== null && workbook.sheets.some((g) => g.name === viewer.active);
  return keep ? { ...viewer, workbook } : { workbook, active: null };
}

/** The date a re-check should use now, or undefined when the reading is up to date (or none). */
export function pendingRecheck(state: SessionState): string | undefined {
  if (state.run || !state.reading || !isUsableAsOf(state.asOf)) return undefined;
  return state.asOf === state.reading.asOf ? undefined : state.asOf;
}

/** The date a new read is checked at: the input when usable, else the one of the last reading. */
export function checkDate(state: SessionState): string {
  return isUsableAsOf(state.asOf) ? state.asOf : (state.reading?.asOf ?? "");
}
