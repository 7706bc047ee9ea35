// Writing an output file safely: never onto the input, written to a temporary file, then renamed,
// so a failure never leaves a half-written workbook behind.
import { promises as fs } from "fs";
import * as path from "path";
import type { Lang } from "../i18n/text";
import { t } from "../i18n/cli";
import { CliFailure } from "./io";

/** Refuses an output path that is one of the inputs (callers check early, before doing the work). */
export function refuseInputAsOutput(target: string, inputs: readonly string[], lang: Lang): void {
  const abs = path.resolve(target);
  for (const input of inputs) if (path.resolve(input) === abs) throw new CliFailure(t(lang, "sameFile"));
}

export async function writeOutput(
  target: string,
  bytes: Uint8Array,
  lang: Lang,
  inputs: string[] = [],
): Promise<void> {
  refuseInputAsOutput(target, inputs, lang);
  const abs = path.resolve(target);
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, abs);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new CliFailure(t(lang, "cannotWrite", { file: target, why }));
  }
}
