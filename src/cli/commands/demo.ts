// `pioneer-ledger demo [-o <folder>]`: builds the bundled sample ledger and runs the main job on it.
import { promises as fs } from "fs";
import * as path from "path";
import { SMALL_SAMPLE, generateLedger } from "../../samples/generate";
import { writeSheetModels } from "../../hosts/xlsx/write";
import { readXlsx } from "../../hosts/xlsx/read";
import { analyze } from "../../engine/analyze";
import { parseISO } from "../../engine/dates";
import { t } from "../../i18n/cli";
import { type CommonOptions, EXIT, langOf, progress } from "../io";
import { writeOutput } from "../output-file";
import { validateText } from "../report-text";

export async function demoCommand(o: CommonOptions & { output: string }): Promise<number> {
  const lang = langOf(o);
  await fs.mkdir(o.output, { recursive: true });
  progress(t(lang, "generating"));
  const { models } = generateLedger(SMALL_SAMPLE);
  const file = path.join(o.output, "sample-ledger.xlsx");
  const bytes = await writeSheetModels(models);
  await writeOutput(file, bytes, lang);
  process.stdout.write(t(lang, "written", { file }) + "\n\n");
  // The same path a clerk's file takes: read the written .xlsx back, then check it.
  const a = analyze(readXlsx(bytes), { asOf: parseISO(o.asOf ?? "2012-11-07") });
  process.stdout.write(validateText(file, a, lang) + "\n");
  return EXIT.ok;
}
