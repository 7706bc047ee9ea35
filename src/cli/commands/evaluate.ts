// `pioneer-ledger evaluate <ledger.xlsx> -o <out.xlsx> [--as-of D] [--json]`: checks, scores,
// selects commendations and writes a copy of the workbook with the result sheets. The input file is
// never modified: the copy keeps every source part byte for byte and only adds the result sheets.
import { analyze, withoutCells, withoutScoredRecords, type Analysis } from "../../engine/analyze";
import type { Day } from "../../engine/dates";
import { evaluateLedger, type Evaluation } from "../../engine/evaluate";
import { RESULT_SHEET_NAMES } from "../../engine/schema";
import { createHash } from "crypto";
import { readFileBytes, readXlsxBytes } from "../../hosts/xlsx/read-file";
import { patchWorkbookPiecesOffThread } from "../../hosts/xlsx/patch";
import { buildReport } from "../../report/build";
import { t } from "../../i18n/cli";
import {
  type CommonOptions,
  CliFailure,
  EXIT,
  asOfOf,
  langOf,
  progress,
  printErr,
  printOut,
  printJson,
} from "../io";
import { checkOutput, writeOutput } from "../output-file";
import { evaluateJson } from "../evaluate-json";
import { evaluationText } from "../report-text";
import { collectNow, tuneHeap } from "../heap";
import type { SheetModel } from "../../report/sheet-model";
import type { Lang } from "../../i18n/text";

export async function evaluateCommand(
  file: string,
  o: CommonOptions & { output: string; strict?: boolean },
): Promise<number> {
  tuneHeap(); // the scores, the report and the written copy come after the checks: see heap.ts
  const lang = langOf(o);
  const asOf = asOfOf(o, lang);
  checkOutput(o.output, lang, [file]);
  progress(t(lang, "reading", { file }));
  const source = ledgerSource(file, lang);
  const done = await evaluateBytes(source, file, { asOf, strict: o.strict, lang }, (a, ev, refused) => {
    const output = refused ? null : o.output;
    // made in functions of their own: see textReport
    return o.json
      ? jsonReport(file, output, a, ev, lang)
      : textReport(evaluationText(file, output, a, ev, lang));
  });
  if (done.models) await writeOutput(o.output, await patchEvaluated(source, done.models), lang, [file]);
  done.outcome();
  if (done.refusedErrors === undefined) return EXIT.ok;
  printErr(t(lang, "strictRefused", { n: done.refusedErrors }));
  return EXIT.findings;
}

/**
 * The ledger file's bytes, read each time they are asked for: once to be checked, once to be copied
 * into the result workbook — not held in between, while the ledger is scored and the result sheets
 * are built, where evaluate's memory peaks (12 MB on the district: issue 12). The second reading must
 * be the very bytes of the first (SHA-256), or the clerk is told the file changed meanwhile and
 * nothing is written: the results would not be about the workbook they were written into.
 */
export function ledgerSource(file: string, lang: Lang): () => Promise<Uint8Array> {
  let first: string | undefined;
  return async () => {
    const bytes = await readFileBytes(file);
    const digest = createHash("sha256").update(bytes).digest("hex");
    first ??= digest;
    if (digest !== first) throw new CliFailure(t(lang, "inputChanged", { file }));
    return bytes;
  };
}

export interface EvaluateSteps {
  asOf?: Day;
  /** --strict: a ledger with errors gives no workbook at all, not even a marked draft (cli.md). */
  strict?: boolean;
  lang: Lang;
  /** Called once the workbook is read (the bench times the read). */
  onRead?: () => void;
}

export interface EvaluatedBytes<T> {
  /** The result sheets to write; undefined when --strict refuses the ledger. */
  models?: SheetModel[];
  outcome: T;
  /** --strict refused the ledger: its errors. */
  refusedErrors?: number;
}

/**
 * Read, checked, scored and the result sheets built — what `evaluate` does before writing (the bench
 * runs it too) — in functions of their own: an async function keeps the values of its expressions
 * in its frame, so doing this in evaluateCommand kept the workbook (~80 MB on the district), then
 * the ledger and the evaluation (~100 MB) alive through the writing, where memory peaks. Once this
 * returns, only the sheets and what `outcome` made of the analysis and the evaluation remain. The
 * ledger's bytes come from `source` (ledgerSource), asked for inside the reading only.
 */
export async function evaluateBytes<T>(
  source: () => Promise<Uint8Array>,
  file: string,
  steps: EvaluateSteps,
  outcome: (a: Analysis, ev: Evaluation, refused: boolean) => T,
): Promise<EvaluatedBytes<T>> {
  const a = await readAndCheck(source, file, steps);
  progress(t(steps.lang, "checking"));
  const ev = evaluateLedger(a.ledger, a.findings);
  withoutScoredRecords(a); // what only the scoring read
  collectNow(); // that, the checks' and the scoring's garbage, before the result sheets are built on top
  const refused = steps.strict === true && ev.draft !== null;
  return {
    ...(refused ? { refusedErrors: ev.draft!.errors } : { models: buildReport(a, ev, steps.lang) }),
    outcome: outcome(a, ev, refused),
  };
}

/**
 * The workbook with the result sheets, in pieces to be written one after another (not joined: 24 MB
 * less at the end on the district). The ledger and the evaluation are garbage once evaluateBytes has
 * returned (~100 MB on the district), collected before the writing adds its own (issue 12:
 * evaluate's peak 296–308 → 263–269 MB) — while the ledger's file is read again for the copy.
 */
export async function patchEvaluated(
  source: () => Promise<Uint8Array>,
  models: SheetModel[],
): Promise<Uint8Array[]> {
  const reading = source();
  reading.catch(() => undefined); // awaited below; a failure while collecting is not "unhandled"
  collectNow();
  return patchWorkbookPiecesOffThread(await reading, models, { replace: RESULT_SHEET_NAMES });
}

/**
 * The printed outcome, made here and not in a closure inside evaluateCommand's callback: V8 gives a
 * function's closures one shared context, so any closure there would hold the analysis and the
 * evaluation as long as the outcome is kept.
 */
function textReport(text: string): () => void {
  return () => printOut(text);
}

/** With --json the outcome is built after the writing, from the evaluation (which is kept for it). */
function jsonReport(...args: Parameters<typeof evaluateJson>): () => void {
  return () => printJson(evaluateJson(...args));
}

/**
 * Read and checked: once this returns, only the analysis holds what was read (its cells let go; the
 * file's bytes are read here, and only this frame held them).
 */
async function readAndCheck(
  source: () => Promise<Uint8Array>,
  file: string,
  steps: EvaluateSteps,
): Promise<Analysis> {
  const wb = await readXlsxBytes(await source(), file);
  steps.onRead?.();
  return withoutCells(analyze(wb, { asOf: steps.asOf }));
}
