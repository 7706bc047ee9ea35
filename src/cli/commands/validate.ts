// `pioneer-ledger validate <ledger.xlsx> [--as-of D] [--json]`: exit 0 no errors, 1 errors, 2 unusable.
import { analyze } from "../../engine/analyze";
import { summarize } from "../../engine/findings";
import { readXlsxFile } from "../../hosts/xlsx/read-file";
import { t } from "../../i18n/cli";
import { type CommonOptions, EXIT, asOfOf, langOf, progress, printOut, printJson } from "../io";
import { validateJson } from "../findings-json";
import { validateText } from "../report-text";
import { tuneHeap } from "../heap";

export interface ValidateOptions extends CommonOptions {
  maxSize?: string;
}

export async function validateCommand(file: string, o: ValidateOptions): Promise<number> {
  tuneHeap(); // see heap.ts
  const lang = langOf(o);
  const asOf = asOfOf(o, lang);
  progress(t(lang, "reading", { file }));
  const wb = await readXlsxFile(file, o.maxSize ? { maxBytes: Number(o.maxSize) * 1024 * 1024 } : {});
  progress(t(lang, "checking"));
  const a = analyze(wb, { asOf });
  if (o.json) printJson(validateJson(file, a, lang));
  else printOut(validateText(file, a, lang));
  return summarize(a.findings).error > 0 ? EXIT.findings : EXIT.ok;
}
