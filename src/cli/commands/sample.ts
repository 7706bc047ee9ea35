// `pioneer-ledger sample -o <file> [--size small|district] [--clean]`: writes a generated ledger.
import { DISTRICT_SAMPLE, SMALL_SAMPLE, generateLedger } from "../../samples/generate";
import { writeSheetModels, writeSheetModelsStreaming } from "../../hosts/xlsx/write";
import { t } from "../../i18n/cli";
import { type CommonOptions, CliFailure, EXIT, langOf, progress } from "../io";
import { writeOutput } from "../output-file";

export async function sampleCommand(
  o: CommonOptions & { output: string; size: string; clean?: boolean },
): Promise<number> {
  const lang = langOf(o);
  if (o.size !== "small" && o.size !== "district") throw new CliFailure(t(lang, "badSize"));
  const opts = { ...(o.size === "small" ? SMALL_SAMPLE : DISTRICT_SAMPLE), mistakes: !o.clean };
  progress(t(lang, "generating"));
  const { models, stats } = generateLedger(opts);
  // The district sample is ~200k rows: stream it to disk instead of building it in memory.
  if (o.size === "district") await writeSheetModelsStreaming(models, o.output);
  else await writeOutput(o.output, await writeSheetModels(models), lang);
  process.stdout.write(
    `${t(lang, "written", { file: o.output })}  ${t(lang, "sampleStats", { units: stats.units, orgs: stats.orgs, members: stats.members, rows: stats.totalRows })}\n`,
  );
  return EXIT.ok;
}
