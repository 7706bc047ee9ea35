// Messages between the pane and the check worker (check-worker.ts): the workbook's bytes go in; the
// Grids come back one sheet per message and the checking's result in a compact form (findings, the
// overview, the ignored sheets) — never the indexed ledger, whose structured clone alone would block
// the pane longer than reading and checking it (issue 12: 0.7–1.6 s on the district sample).
import type { Day } from "../../engine/dates";
import type { Finding } from "../../engine/findings";
import type { Grid } from "../../engine/grid";
import type { SheetOverview } from "../../engine/analyze";
import type { HostProgress } from "../../hosts/host";
import type { Lang } from "../../i18n/text";
import type { EvaluationSummary } from "../results/evaluation-summary";
import type { SheetModel } from "../../report/sheet-model";

/**
 * 考评 done in the worker (the browser preview: check/evaluate-in-worker.ts): scoring, building the
 * chosen result sheets and writing them into the workbook's bytes. On the district the pane's thread
 * spent seconds in these (issue 12), and the worker holds the workbook already.
 */
export interface EvaluateOrder {
  /** The result sheets to write (设置). */
  resultSheets: string[];
  lang: Lang;
  /** The time of the zip entries written (the preview host's clock). */
  now: Date;
  /**
   * Where the result sheets go: patched into the workbook's bytes (the preview), or sent back as
   * "model" parts for the pane's host to write (Excel: a workbook sent as Grids has no bytes).
   */
  into?: "bytes" | "models";
}

/** What 考评 in the worker gives back besides the check's result. */
export interface EvaluatedInWorker {
  summary: EvaluationSummary;
  /** The sheets written (or, `into: "models"`, sent back to be written), in order. */
  written: string[];
  /** The workbook with the result sheets (transferred); absent when none was written. */
  bytes?: Uint8Array;
  /** (`into: "models"`) The result sheets, assembled from the "model" parts that came before. */
  models?: SheetModel[];
}

export interface CheckRequest {
  /** The workbook as .xlsx bytes (a copy: the buffer is transferred); absent with `held`. */
  bytes?: Uint8Array;
  /**
   * Check the workbook this worker read last — the preview's bytes have not changed since — without
   * reading it again: no bytes are sent and no Grids come back (a kept worker, check-off-thread.ts).
   */
  held?: boolean;
  /** The 检查基准日 asked for; absent for the rule sheet's date (else `today`). */
  asOf?: Day;
  today: Day;
  /**
   * Read only, no check: the Grids and a "read" reply (the pane's view of a workbook it has just
   * written, whose reading on the pane's thread took seconds on the district: issue 12).
   */
  readOnly?: boolean;
  /**
   * The pane holds the Grids of these very bytes (checking again at another 检查基准日): only the
   * result comes back, no "sheet" or "rows" messages — receiving the district's Grids again meant
   * collector pauses of up to 90 ms on the pane's thread.
   */
  gridsKnown?: boolean;
  /** After the check, 考评: the reply's `evaluated` carries the result and the written workbook. */
  evaluate?: EvaluateOrder;
  /**
   * (`readOnly` only) These bytes are the workbook this worker holds with result sheets written into it, and these
   * sheets were left as they were (a patch copies them byte for byte): they are taken from what it
   * holds, neither read again nor sent back (the pane has them too). The reply says where they go.
   */
  keep?: string[];
  /**
   * The workbook's Grids came before this request, as "sheet" and "rows" parts (GridPart): the pane
   * read them itself (Excel, through Office.js: there are no bytes to hand over), and checking them
   * on its thread froze it for seconds on a district-size ledger (issue 12). No Grids come back.
   */
  sent?: SentWorkbook;
}

/** The rest of a workbook whose Grids were sent in parts. */
export interface SentWorkbook {
  date1904: boolean;
  definedNames?: Record<string, string>;
  /** How many sheets were sent (a check that all arrived). */
  sheets: number;
}

/** A sheet's Grid without its rows, or a part of its rows: from the worker, or to it (`sent`). */
export type GridPart = Extract<CheckReply, { kind: "sheet" | "rows" }>;

/** A result sheet without its rows, or a part of its rows (`into: "models"`). */
export type ModelPart = Extract<CheckReply, { kind: "model" | "modelRows" }>;

/** What the pane posts to the worker: a request, or a part of the Grids a `sent` request checks. */
export type CheckMessage = CheckRequest | GridPart;

export type CheckReply =
  /** A sheet without its rows (they follow in "rows" messages). */
  | { kind: "sheet"; index: number; grid: Grid }
  /**
   * Rows [from, from + rows.length) of sheet `index`, with their formats and formula marks: a large
   * sheet comes in parts, so that receiving one (the browser decodes it on the main thread) is short.
   */
  | {
      kind: "rows";
      index: number;
      from: number;
      rows: Grid["rows"];
      formats?: NonNullable<Grid["formats"]>;
      formulas?: NonNullable<Grid["formulas"]>;
    }
  | {
      kind: "checked";
      date1904: boolean;
      definedNames?: Record<string, string>;
      sheets: number;
      findings: Finding[];
      overview: SheetOverview[];
      ignoredSheets: string[];
      /** The 检查基准日 in force (the ledger's asOf). */
      checkDate: Day;
      /** Present when the request asked for 考评. */
      evaluated?: EvaluatedInWorker;
    }
  /** A stage of 考评 in the worker, to show in the pane. */
  | { kind: "progress"; progress: HostProgress }
  /** A result sheet without its rows (`into: "models"`); they follow in "modelRows" parts. */
  | { kind: "model"; index: number; model: SheetModel }
  /** Rows [from, from + rows.length) of result sheet `index`. */
  | { kind: "modelRows"; index: number; from: number; rows: SheetModel["rows"] }
  /** The end of a `readOnly` request: the Grids came before, but those of the `kept` sheets. */
  | {
      kind: "read";
      date1904: boolean;
      definedNames?: Record<string, string>;
      sheets: number;
      /** The sheets taken from the reading held before (`keep`), and where they are now. */
      kept?: { index: number; name: string }[];
    }
  /** The file could not be read or checked: the pane reads it itself, for the clerk's message. */
  | { kind: "failed" };

/** What the pane needs of a Worker (a real one in the pane, an in-process one in tests). */
export interface CheckWorker {
  postMessage(message: CheckMessage, transfer?: Transferable[]): void;
  onmessage: ((e: { data: CheckReply }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
  terminate(): void;
}

/** Makes a worker, or undefined where Web Workers cannot run (then the pane checks inline). */
export type CheckWorkerFactory = () => CheckWorker | undefined;
