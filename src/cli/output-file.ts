// Writing an output file safely: never onto the input, never over a workbook open in Excel/WPS,
// written to a temporary file, then renamed, so a failure never leaves a half-written workbook.
import { promises as fs } from "fs";
import * as path from "path";
import type { Lang } from "../i18n/text";
import { t } from "../i18n/cli";
import { CliFailure } from "./io";
import { onDisk, refuseOpenWorkbook } from "./os-errors";

/** Refuses an output path that is one of the inputs (callers check early, before doing the work). */
export function refuseInputAsOutput(target: string, inputs: readonly string[], lang: Lang): void {
  const abs = path.resolve(target);
  for (const input of inputs) if (path.resolve(input) === abs) throw new CliFailure(t(lang, "sameFile"));
}

/** Checks made before any work: not an input, not open in an office program. */
export function checkOutput(target: string, lang: Lang, inputs: readonly string[] = []): void {
  refuseInputAsOutput(target, inputs, lang);
  refuseOpenWorkbook(target, lang);
}

/**
 * Writes `bytes` — or the pieces of a file in order, written one after another (a result workbook
 * is not joined in memory first: patchWorkbookPieces) — to `target`.
 */
export async function writeOutput(
  target: string,
  bytes: Uint8Array | readonly Uint8Array[],
  lang: Lang,
  inputs: string[] = [],
): Promise<void> {
  checkOutput(target, lang, inputs);
  const abs = path.resolve(target);
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.tmp`);
  await onDisk(target, lang, async () => {
    try {
      await fs.writeFile(tmp, bytes);
      await fs.rename(tmp, abs);
    } catch (e) {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
      throw e;
    }
  });
}

/** Creates an output folder; failures in plain words. */
export async function makeFolder(folder: string, lang: Lang): Promise<void> {
  await onDisk(folder, lang, () => fs.mkdir(folder, { recursive: true }));
}
