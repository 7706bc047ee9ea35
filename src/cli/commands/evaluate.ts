// `pioneer-ledger evaluate <ledger.xlsx> -o <out.xlsx> [--as-of D] [--json]`: checks, scores,
// selects commendations and writes a copy of the workbook with the result sheets. The input file is
// never modified: the copy keeps every source part byte for byte and only adds the result sheets.
import { analyze, withoutCells, type Analysis } from "../../engine/analyze";
import type { Day } from "../../engine/dates";
import { evaluateLedger } from "../../engine/evaluate";
import { RESULT_SHEET_NAMES } from "../../engine/schema";
import { readFileBytes, readXlsxBytes } from "../../hosts/xlsx/read-file";
import { patchWorkbook } from "../../hosts/xlsx/patch";
import { buildReport } from "../../report/build";
import { t } from "../../i18n/cli";
import { type CommonOptions, EXIT, asOfOf, langOf, progress, printErr, printOut, printJson } from "../io";
import { checkOutput, writeOutput } from "../output-file";
import { evaluateJson } from "../evaluate-json";
import { evaluationText } from "../report-text";
import { tuneHeap } from "../heap";
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
  const bytes = await readFileBytes(file);
  const done = await evaluated(bytes, file, asOf, o, lang);
  if (done.models) {
    const out = patchWorkbook(bytes, done.models, { replace: RESULT_SHEET_NAMES });
    await writeOutput(o.output, out, lang, [file]);
  }
  done.report();
  if (done.refusedErrors === undefined) return EXIT.ok;
  printErr(t(lang, "strictRefused", { n: done.refusedErrors }));
  return EXIT.findings;
}

interface Evaluated {
  /** The result sheets to write; undefined when --strict refuses the ledger. */
  models?: SheetModel[];
  /** Prints the outcome (once the workbook is written). */
  report: () => void;
  /** --strict refused the ledger: its errors. */
  refusedErrors?: number;
}

/**
 * Read, checked, scored and the result sheets built, in functions of their own: an async function
 * keeps the values of its expressions in its frame, so doing this in evaluateCommand kept the
 * workbook (~80 MB on the district), then the ledger and the evaluation (~100 MB) alive through the
 * writing, the step where memory peaks. Once this returns only the sheets and the printed outcome
 * remain.
 */
async function evaluated(
  bytes: Uint8Array,
  file: string,
  asOf: Day | undefined,
  o: CommonOptions & { output: string; strict?: boolean },
  lang: Lang,
): Promise<Evaluated> {
  const a = await readAndCheck(bytes, file, asOf);
  progress(t(lang, "checking"));
  const ev = evaluateLedger(a.ledger, a.findings);
  // --strict: a ledger with errors gives no workbook at all, not even a marked draft (cli.md).
  const refused = o.strict === true && ev.draft !== null;
  const output = refused ? null : o.output;
  return {
    ...(refused ? { refusedErrors: ev.draft!.errors } : { models: buildReport(a, ev, lang) }),
    // made outside this function: a closure here would hold all of its variables (V8 shares one
    // context between a function's closures), the ledger and the evaluation included
    report: o.json
      ? jsonReport(file, output, a, ev, lang)
      : textReport(evaluationText(file, output, a, ev, lang)),
  };
}

function textReport(text: string): () => void {
  return () => printOut(text);
}

/** With --json the outcome is built after the writing, from the evaluation (which is kept for it). */
function jsonReport(...args: Parameters<typeof evaluateJson>): () => void {
  return () => printJson(evaluateJson(...args));
}

/** Read and checked: once this returns, only the analysis holds what was read (its cells let go). */
async function readAndCheck(bytes: Uint8Array, file: string, asOf: Day | undefined): Promise<Analysis> {
  return withoutCells(analyze(await readXlsxBytes(bytes, file), { asOf }));
}
