// `pioneer-ledger demo [-o <folder>]`: builds the bundled sample ledger and runs the main job on it —
// the same path a clerk's file takes: write the .xlsx, read it back, check, score, select, and write
// the result workbook beside it.
import * as path from "path";
import { SMALL_SAMPLE, generateLedger } from "../../samples/generate";
import { writeSheetModels } from "../../hosts/xlsx/write";
import { t } from "../../i18n/cli";
import { type CommonOptions, EXIT, langOf, progress, printOut } from "../io";
import { makeFolder, writeOutput } from "../output-file";
import { evaluateCommand } from "./evaluate";

export async function demoCommand(o: CommonOptions & { output: string }): Promise<number> {
  const lang = langOf(o);
  await makeFolder(o.output, lang);
  progress(t(lang, "generating"));
  const ledger = path.join(o.output, "sample-ledger.xlsx");
  await writeOutput(ledger, await writeSheetModels(generateLedger(SMALL_SAMPLE).models), lang);
  printOut(t(lang, "written", { file: ledger }) + "\n");
  await evaluateCommand(ledger, { ...o, output: path.join(o.output, "sample-ledger-results.xlsx") });
  return EXIT.ok;
}
