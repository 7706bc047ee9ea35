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
  const a = await readAndCheck(bytes, file, asOf);
  progress(t(lang, "checking"));
  const ev = evaluateLedger(a.ledger, a.findings);
  // --strict: a ledger with errors gives no workbook at all, not even a marked draft (cli.md).
  const refused = o.strict === true && ev.draft !== null;
  if (!refused) {
    const out = patchWorkbook(bytes, buildReport(a, ev, lang), { replace: RESULT_SHEET_NAMES });
    await writeOutput(o.output, out, lang, [file]);
  }
  const output = refused ? null : o.output;
  if (o.json) printJson(evaluateJson(file, output, a, ev, lang));
  else printOut(evaluationText(file, output, a, ev, lang));
  if (!refused) return EXIT.ok;
  printErr(t(lang, "strictRefused", { n: ev.draft!.errors }));
  return EXIT.findings;
}

/**
 * Read and checked in a function of its own: an async function keeps the values of its expressions
 * in its frame, so reading in evaluateCommand would keep the whole workbook alive through the scoring
 * and the writing (80 MB on the district); once this returns, only the analysis remains.
 */
async function readAndCheck(bytes: Uint8Array, file: string, asOf: Day | undefined): Promise<Analysis> {
  return withoutCells(analyze(await readXlsxBytes(bytes, file), { asOf }));
}
