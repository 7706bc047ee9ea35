// `pioneer-ledger compile <files-or-folders>… -o <district.xlsx> [--as-of D] [--json]
//  [--notices <folder>] [--units <district.xlsx>]`: the district compilation (ledger-format.md §8).
// Every submitted file is read and checked on its own — a file that cannot be read is returned with
// its reason, never a crash — then the engine compiles the district; the district workbook holds
// 报送情况 and the result sheets. Exit 0 written, 2 when no submission could be used.
import {
  type CheckedSubmission,
  type Compilation,
  type District,
  checkedForCompiling,
  compileDistrict,
  openDistrict,
} from "../../engine/compile";
import type { Lang } from "../../i18n/text";
import type { Day } from "../../engine/dates";
import { readXlsxFile } from "../../hosts/xlsx/read-file";
import { isLedgerFileError } from "../../hosts/xlsx/errors";
import { t } from "../../i18n/cli";
import {
  type CommonOptions,
  CliFailure,
  EXIT,
  asOfOf,
  langOf,
  progress,
  printOut,
  printJson,
  printErr,
} from "../io";
import { checkOutput } from "../output-file";
import { submittedFiles } from "../compile/inputs";
import { readSubmission, shownNames } from "../compile/read-input";
import { type CompileRun, compileJson } from "../compile/json";
import { compileText } from "../compile/text";
import { writeDistrict, writeNotices } from "../compile/write";

export interface CompileCliOptions extends CommonOptions {
  output: string;
  notices?: string;
  units?: string;
  maxSize?: string;
}

export async function compileCommand(args: string[], o: CompileCliOptions): Promise<number> {
  const lang = langOf(o);
  const asOf = asOfOf(o, lang);
  const { files, skipped } = await submittedFiles(args, [o.output, ...(o.units ? [o.units] : [])]);
  if (!files.length) throw new CliFailure(t(lang, "compileNoFiles"));
  checkOutput(o.output, lang, files);
  const district = await districtOf(o.units, asOf, lang);
  const c = compileDistrict(district, await checkAll(district, files, lang, maxBytesOf(o)));
  const usable = c.submissions.some(
    (s) => !s.reason || (s.reason.kind !== "file" && s.reason.kind !== "not-ledger"),
  );
  const run: CompileRun = { paths: files, skipped, output: null, notices: [] };
  if (usable) {
    await writeDistrict(c, o.output, lang, files);
    run.output = o.output;
  }
  if (o.notices) run.notices = await writeNotices(c, o.notices, lang, files);
  report(c, run, lang, o);
  if (!usable) printErr(t(lang, "compileNothing"));
  return usable ? EXIT.ok : EXIT.unusable;
}

async function checkAll(district: District, files: string[], lang: Lang, maxBytes: number | undefined) {
  const names = shownNames(files);
  const checked = [];
  for (const [i, file] of files.entries()) {
    progress(t(lang, "reading", { file }));
    checked.push(await checkedFile(district, file, names[i], lang, maxBytes));
  }
  return checked;
}

/**
 * One file read and checked, in a function of its own (an async function's frame would keep the last
 * workbook read).
 */
async function checkedFile(
  district: District,
  file: string,
  shownAs: string,
  lang: Lang,
  maxBytes: number | undefined,
): Promise<CheckedSubmission> {
  return checkedForCompiling(district, await readSubmission(file, shownAs, lang, maxBytes));
}

/** The district; a units workbook that cannot be read or lists no unit is refused (exit 2). */
async function districtOf(file: string | undefined, asOf: Day | undefined, lang: Lang): Promise<District> {
  const at = asOf !== undefined ? { asOf } : {};
  if (!file) return openDistrict(at);
  const units = await readXlsxFile(file).catch((e: unknown) => {
    if (!isLedgerFileError(e)) throw e;
    throw new CliFailure(t(lang, "unitsUnreadable", { file, why: e.text[lang] }));
  });
  const district = openDistrict({ ...at, units });
  if (!district.units?.length) throw new CliFailure(t(lang, "unitsNoSheet", { file }));
  if (district.brokenRules.length)
    printErr(t(lang, "unitsRulesBroken", { file, keys: district.brokenRules.join("、") }));
  return district;
}

function maxBytesOf(o: CompileCliOptions): number | undefined {
  return o.maxSize ? Number(o.maxSize) * 1024 * 1024 : undefined;
}

function report(c: Compilation, run: CompileRun, lang: Lang, o: CompileCliOptions): void {
  if (o.json) printJson(compileJson(c, run, lang));
  else printOut(compileText(c, run, lang, o.notices));
}
