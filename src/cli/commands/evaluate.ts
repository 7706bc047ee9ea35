// `pioneer-ledger evaluate <ledger.xlsx> -o <out.xlsx> [--as-of D] [--json]`: checks, scores,
// selects commendations and writes a copy of the workbook with the result sheets. The input file is
// never modified: the copy keeps every source part byte for byte and only adds the result sheets.
import { analyze } from "../../engine/analyze";
import { evaluateLedger } from "../../engine/evaluate";
import { RESULT_SHEET_NAMES } from "../../engine/schema";
import { readFileBytes, readXlsxBytes } from "../../hosts/xlsx/read-file";
import { patchWorkbook } from "../../hosts/xlsx/patch";
import { buildReport } from "../../report/build";
import { t } from "../../i18n/cli";
import { type CommonOptions, EXIT, asOfOf, langOf, progress } from "../io";
import { refuseInputAsOutput, writeOutput } from "../output-file";
import { evaluateJson } from "../evaluate-json";
import { evaluationText } from "../report-text";

export async function evaluateCommand(file: string, o: CommonOptions & { output: string }): Promise<number> {
  const lang = langOf(o);
  const asOf = asOfOf(o, lang);
  refuseInputAsOutput(o.output, [file], lang);
  progress(t(lang, "reading", { file }));
  const bytes = await readFileBytes(file);
  const a = analyze(readXlsxBytes(bytes, file), { asOf });
  progress(t(lang, "checking"));
  const ev = evaluateLedger(a.ledger, a.findings);
  const out = patchWorkbook(bytes, buildReport(a, ev, lang), { replace: RESULT_SHEET_NAMES });
  await writeOutput(o.output, out, lang, [file]);
  if (o.json) process.stdout.write(JSON.stringify(evaluateJson(file, o.output, a, ev, lang), null, 1) + "\n");
  else process.stdout.write(evaluationText(file, o.output, a, ev, lang) + "\n");
  return EXIT.ok;
}
