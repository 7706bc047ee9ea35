// What is checked before anything is written: the models' sheet names, and that the input is a zip.
import type { SheetModel } from "../../../report/sheet-model";
import { SheetModelError } from "../../../report/sheet-plan";
import { LedgerFileError, ledgerFileError } from "../errors";

/** Excel's limit on a sheet name's length. */
const MAX_SHEET_NAME_LENGTH = 31;

/** A zip starts with "PK" and a record tag: 3,4 a local file header; 5,6 the end record (empty zip). */
const ZIP_MAGIC_P = 0x50;
const ZIP_MAGIC_K = 0x4b;
const LOCAL_FILE_HEADER_TAG = 0x03;
const END_OF_DIRECTORY_TAG = 0x05;

function checkSheetName(name: string): void {
  const bad =
    typeof name !== "string" ||
    name.length === 0 ||
    name.length > MAX_SHEET_NAME_LENGTH ||
    /[:\\/?*[\]]/.test(name) ||
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\ufffe\uffff]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === "history";
  if (bad) throw new SheetModelError(`invalid sheet name for Excel: ${JSON.stringify(name)}`);
}

/** Sheet names compare as Excel compares them (case-insensitively). */
export function sheetKey(name: string): string {
  return name.normalize("NFC").toLowerCase();
}

/** Checks every model's sheet name (valid, and unique); returns their keys. */
export function checkModels(models: readonly SheetModel[]): Set<string> {
  const keys = new Set<string>();
  for (const m of models) {
    checkSheetName(m.name);
    const k = sheetKey(m.name);
    if (keys.has(k)) throw new SheetModelError(`two result sheets are named ${JSON.stringify(m.name)}`);
    keys.add(k);
  }
  return keys;
}

export function checkPackageSignature(bytes: Uint8Array): void {
  if (bytes.length === 0) throw ledgerFileError("empty");
  const zip =
    bytes[0] === ZIP_MAGIC_P &&
    bytes[1] === ZIP_MAGIC_K &&
    (bytes[2] === LOCAL_FILE_HEADER_TAG || bytes[2] === END_OF_DIRECTORY_TAG);
  if (!zip) throw ledgerFileError("not-xlsx", { reason: "not a zip package" });
}

/** Runs a step over the original package so that anything but a LedgerFileError becomes "corrupt". */
export function guarded<T>(step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof LedgerFileError || e instanceof SheetModelError) throw e;
    throw ledgerFileError("corrupt", { reason: e instanceof Error ? e.message : String(e), cause: e });
  }
}
