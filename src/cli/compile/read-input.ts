// Reading one submitted file for the engine: its workbook and modification time, or — never an
// exception — the one-line reason it cannot be used, in the clerk's language.
import { promises as fs } from "fs";
import type { SubmissionInput } from "../../engine/compile";
import type { Lang } from "../../i18n/text";
import { isLedgerFileError } from "../../hosts/xlsx/errors";
import { readFileBytes, readXlsxBytes } from "../../hosts/xlsx/read-file";
import { t } from "../../i18n/cli";

export async function readSubmission(
  filePath: string,
  shownAs: string,
  lang: Lang,
  maxBytes: number | undefined,
): Promise<SubmissionInput> {
  const modifiedAt = await fs.stat(filePath).then(
    (s) => s.mtimeMs,
    () => undefined,
  );
  const base = { file: shownAs, ...(modifiedAt !== undefined ? { modifiedAt } : {}) };
  try {
    const opts = maxBytes !== undefined ? { maxBytes } : {};
    const workbook = await readXlsxBytes(await readFileBytes(filePath, opts), filePath, opts);
    return { ...base, workbook };
  } catch (e) {
    return { ...base, unusable: unusableText(e, filePath, lang) };
  }
}

function unusableText(e: unknown, file: string, lang: Lang): string {
  if (isLedgerFileError(e)) return e.text[lang];
  return t(lang, "internal", { file, why: e instanceof Error ? e.message : String(e) });
}

/** How each file is shown: its name, or its path where two files share a name. */
export function shownNames(paths: readonly string[]): string[] {
  const base = (p: string) => p.split(/[\\/]/).pop() ?? p;
  const count = new Map<string, number>();
  for (const p of paths) count.set(base(p), (count.get(base(p)) ?? 0) + 1);
  return paths.map((p) => (count.get(base(p))! > 1 ? p : base(p)));
}
