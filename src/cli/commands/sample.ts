// `pioneer-ledger sample -o <file> [--size small|district] [--clean]`: writes a generated ledger.
// `sample --split-by-unit <folder> …`: the same district as one workbook per 党（工）委, as its units
// would submit them, optionally with the problems a district office meets (samples/district-files.ts).
import * as path from "path";
import { DISTRICT_SAMPLE, SMALL_SAMPLE, generateLedger } from "../../samples/generate";
import { type DistrictProblems, type SampleProblem, districtFiles } from "../../samples/district-files";
import { writeSheetModels, writeSheetModelsStreaming } from "../../hosts/xlsx/write";
import { type TextKey, t } from "../../i18n/cli";
import { type CommonOptions, CliFailure, EXIT, langOf, progress, printOut } from "../io";
import { checkOutput, makeFolder, writeOutput } from "../output-file";
import { onDisk } from "../os-errors";

export interface SampleOptions extends CommonOptions, DistrictProblems {
  output?: string;
  size: string;
  clean?: boolean;
  splitByUnit?: string;
  unitsList?: string;
}

export async function sampleCommand(o: SampleOptions): Promise<number> {
  const lang = langOf(o);
  if (o.size !== "small" && o.size !== "district") throw new CliFailure(t(lang, "badSize"));
  const opts = { ...(o.size === "small" ? SMALL_SAMPLE : DISTRICT_SAMPLE), mistakes: !o.clean };
  progress(t(lang, "generating"));
  if (o.splitByUnit) return splitSample(o, opts);
  if (!o.output) throw new CliFailure(t(lang, "sampleNeedsOutput"));
  const { models, stats } = generateLedger(opts);
  // The district sample is ~200k rows: stream it to disk instead of building it in memory.
  if (o.size === "district") {
    const target = o.output;
    checkOutput(target, lang);
    await onDisk(target, lang, () => writeSheetModelsStreaming(models, target));
  } else await writeOutput(o.output, await writeSheetModels(models), lang);
  printOut(
    `${t(lang, "written", { file: o.output })}  ${t(lang, "sampleStats", { units: stats.units, orgs: stats.orgs, members: stats.members, rows: stats.totalRows })}`,
  );
  return EXIT.ok;
}

const NOTE_TEXT: Record<SampleProblem, TextKey> = {
  broken: "sampleNote-broken",
  "duplicate-member": "sampleNote-duplicate-member",
  "unit-twice": "sampleNote-unit-twice",
  "unknown-unit": "sampleNote-unknown-unit",
};

async function splitSample(o: SampleOptions, opts: Parameters<typeof districtFiles>[0]): Promise<number> {
  const lang = langOf(o);
  const folder = o.splitByUnit!;
  await makeFolder(folder, lang);
  const { files, unitList } = districtFiles(opts, o);
  for (const f of files) {
    const target = path.join(folder, f.name);
    const bytes = await writeSheetModels(f.models);
    await writeOutput(target, f.truncate ? bytes.subarray(0, Math.floor(bytes.length / 2)) : bytes, lang);
  }
  printOut(t(lang, "sampleSplit", { n: files.length, folder }));
  for (const f of files.filter((x) => x.note)) printOut(`  ${f.name}：${t(lang, NOTE_TEXT[f.note!])}`);
  if (o.unitsList) {
    await writeOutput(o.unitsList, await writeSheetModels(unitList), lang);
    printOut(t(lang, "written", { file: o.unitsList }));
  }
  return EXIT.ok;
}
