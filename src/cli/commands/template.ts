// `pioneer-ledger template -o <blank.xlsx>`: the blank standard ledger.
import { templateModels } from "../../report/template";
import { writeSheetModels } from "../../hosts/xlsx/write";
import { t } from "../../i18n/cli";
import { type CommonOptions, EXIT, langOf, printOut, printJson } from "../io";
import { writeOutput } from "../output-file";

export async function templateCommand(o: CommonOptions & { output: string }): Promise<number> {
  const lang = langOf(o);
  const { models, definedNames } = templateModels();
  const bytes = await writeSheetModels(models, { definedNames });
  await writeOutput(o.output, bytes, lang);
  if (o.json) printJson({ file: o.output, sheets: models.map((m) => m.name) });
  else printOut(t(lang, "written", { file: o.output }));
  return EXIT.ok;
}
