// What the operating system refuses, as one plain zh-CN line that names the file and says what to
// do (never a raw EACCES). Also: an output that Excel, WPS or LibreOffice has open is refused up
// front — their lock file sits beside it — instead of being overwritten under the clerk's eyes.
import { existsSync } from "fs";
import * as path from "path";
import type { Lang } from "../i18n/text";
import { osErrorText } from "../i18n/cli-errors";
import { CliFailure } from "./io";

type OsErrorKey = Parameters<typeof osErrorText>[1];

const BY_CODE: Readonly<Record<string, OsErrorKey>> = {
  EBUSY: "inUse",
  ETXTBSY: "inUse",
  EACCES: "noPermission",
  // Windows reports a file held open by Excel as EPERM as often as a missing permission.
  EPERM: "noPermissionOrInUse",
  ENOENT: "noFolder",
  ENOTDIR: "notAFolder",
  // mkdir of a folder whose name is taken by a file.
  EEXIST: "existsNotFolder",
  EISDIR: "isAFolder",
  ENOSPC: "diskFull",
  EDQUOT: "diskFull",
  EROFS: "readOnly",
  ENAMETOOLONG: "nameTooLong",
  EMFILE: "tooManyFiles",
  ENFILE: "tooManyFiles",
};

export function errnoOf(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === "string" && /^E[A-Z]+$/.test(code) ? code : undefined;
}

/** The one-line failure for a file-system error met while writing `file`. */
export function osFailure(e: unknown, file: string, lang: Lang): CliFailure {
  const code = errnoOf(e) ?? "?";
  const key = BY_CODE[code] ?? "other";
  const folder = path.dirname(path.resolve(file));
  return new CliFailure(osErrorText(lang, key, { file, folder, code }));
}

/**
 * The lock files office programs keep beside an open workbook: Excel and WPS `~$name`,
 * LibreOffice `.~lock.name#`. (Word shortens long names; Excel does not, so no guessing here.)
 */
export function lockFilesOf(target: string): string[] {
  const dir = path.dirname(target);
  const base = path.basename(target);
  return [`~$${base}`, `.~lock.${base}#`].map((n) => path.join(dir, n));
}

/** Refuses to write over a workbook that is open in Excel, WPS or LibreOffice. */
export function refuseOpenWorkbook(target: string, lang: Lang): void {
  const lock = lockFilesOf(target).find((f) => existsSync(f));
  if (lock !== undefined)
    throw new CliFailure(osErrorText(lang, "lockedOpen", { file: target, lock: path.basename(lock) }));
}

/** Runs a file-system step; its failure becomes the plain one-line message for `file`. */
export async function onDisk<T>(file: string, lang: Lang, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    if (errnoOf(e) === undefined) throw e;
    throw osFailure(e, file, lang);
  }
}
