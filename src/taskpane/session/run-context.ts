// What every run of the pane gets (the current state, the host, `launch`) and the small helpers the
// runs share. No React here.
import type { Workbook } from "../../engine/grid";
import type { LedgerHost } from "../../hosts/host";
import type { PaneMessage } from "../../app/errors";
import { t, type TextKey } from "../../i18n/pane";
import type { Lang, Params } from "../../i18n/text";
import type { CheckParams, ValidateResult } from "../../app/jobs/validate";
import type { PreviewActions, PreviewSession } from "../../app/preview-session";
import type { Settings } from "../../app/settings";
import type { CompileState } from "./state";
import type { Launch } from "./useRunner";
import { readOffThread, type AfterWrite } from "../../app/check/check-off-thread";
import { todayDay } from "../../engine/dates";
import { offThreadOf } from "../check-workers";

export interface RunContext {
  /** The workbook's host (Excel, or the preview workbook), or null before one is opened. */
  host: LedgerHost | null;
  lang: Lang;
  /** The 检查基准日 new reads are checked at. */
  asOf: string;
  settings: Settings;
  reading: ValidateResult | null;
  /** 汇总报送: the last compilation, if any. */
  compile: CompileState | null;
  /** Browser preview only: how to open workbooks, and the one open. */
  preview: { actions?: PreviewActions; session: PreviewSession | null } | null;
  launch: Launch;
  say: (message: PaneMessage) => void;
}

export const paramsOf = (c: RunContext): CheckParams => ({ lang: c.lang, asOf: c.asOf });

export const success = (c: RunContext, key: TextKey, values?: Params): PaneMessage => ({
  intent: "success",
  text: t(c.lang, key, values),
});

/** Runs `start` on the host, or says a workbook must be opened first. */
export function withHost(c: RunContext, start: (h: LedgerHost) => void): void {
  if (c.host) start(c.host);
  else c.say({ intent: "warning", text: t(c.lang, "noWorkbook") });
}

/** Preview: the workbook's bytes now (before a write: `snapshot`'s AfterWrite.from). */
export async function previewBytes(c: RunContext): Promise<Uint8Array | undefined> {
  return c.preview?.session?.toBytes?.();
}

/**
 * Preview: the workbook after a write, for the grid (not cancellable: the write is done). Read in
 * the check worker where one can run: the district with its result sheets took 3–4 s to read on the
 * pane's thread (issue 12). Given what the write changed (`since`), a worker that holds the reading
 * from before it reads and sends back only the sheets written.
 */
export async function snapshot(
  c: RunContext,
  h: LedgerHost,
  since?: AfterWrite,
): Promise<Workbook | undefined> {
  if (!c.preview) return undefined;
  const off = offThreadOf(c.preview.session);
  return (off && (await readOffThread(off, todayDay(), since))) ?? h.readWorkbook();
}

/** What a write changed, when the bytes before it are known. */
export function changeOf(from: Uint8Array | undefined, written: readonly string[]): AfterWrite | undefined {
  return from && { from, written };
}
