// What is checked before anything is written: that the input is a zip (sheet names are checked by
// the plan: report/sheet-plan.ts checkSheetNames).
import { SheetModelError } from "../../../report/sheet-plan";
import { DeflateThreadError } from "../deflate-thread";
import { LedgerFileError, ledgerFileError } from "../errors";

/** A zip starts with "PK" and a record tag: 3,4 a local file header; 5,6 the end record (empty zip). */
const ZIP_MAGIC_P = 0x50;
const ZIP_MAGIC_K = 0x4b;
const LOCAL_FILE_HEADER_TAG = 0x03;
const END_OF_DIRECTORY_TAG = 0x05;

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
    if (e instanceof LedgerFileError || e instanceof SheetModelError || e instanceof DeflateThreadError)
      throw e;
    throw ledgerFileError("corrupt", { reason: e instanceof Error ? e.message : String(e), cause: e });
  }
}
