// readXlsx for a path on disk (Node only). File-system failures become LedgerFileErrors too.
import { promises as fsp, readFileSync, statSync, type Stats } from "node:fs";
import type { Workbook } from "../../engine/grid";
import { LedgerFileError, ledgerFileError } from "./errors";
import { DEFAULT_MAX_BYTES, readXlsx, readXlsxAhead, type ReadXlsxOptions } from "./read";
import { FILE_ERROR_PARTS } from "../../i18n/host";
import { fill } from "../../i18n/text";

function fsError(e: unknown, path: string): LedgerFileError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return ledgerFileError("not-found", { path, cause: e });
    case "EISDIR":
      return ledgerFileError("not-xlsx", { path, reason: "a folder", cause: e });
    case "EACCES":
    case "EPERM":
    case "EBUSY":
      // No better code exists: the file is there but cannot be opened (often: still open in Excel on Windows).
      return new LedgerFileError("not-found", fill(FILE_ERROR_PARTS.inUse, { path }), { cause: e });
    default:
      return ledgerFileError("corrupt", {
        path,
        reason: `cannot read the file (${code ?? String(e)})`,
        cause: e,
      });
  }
}

function checkStats(st: Stats, path: string, maxBytes: number): void {
  if (st.isDirectory()) throw ledgerFileError("not-xlsx", { path, reason: "a folder" });
  if (!st.isFile()) throw ledgerFileError("not-xlsx", { path, reason: "not a regular file" });
  if (st.size === 0) throw ledgerFileError("empty", { path });
  if (st.size > maxBytes) throw ledgerFileError("too-large", { path, size: st.size, max: maxBytes });
}

function withPath(e: unknown, path: string): never {
  if (e instanceof LedgerFileError && !e.text.en.includes(path)) {
    throw new LedgerFileError(e.code, { ...e.text, en: `${e.text.en} [${path}]` }, { cause: e.cause });
  }
  throw e;
}

/** The file's bytes, after the size check; file-system failures become LedgerFileErrors. */
export async function readFileBytes(
  path: string,
  opts: Pick<ReadXlsxOptions, "maxBytes"> = {},
): Promise<Uint8Array> {
  try {
    checkStats(await fsp.stat(path), path, opts.maxBytes ?? DEFAULT_MAX_BYTES);
    return await fsp.readFile(path);
  } catch (e) {
    if (e instanceof LedgerFileError) throw e;
    throw fsError(e, path);
  }
}

/**
 * Parses already-loaded bytes, naming the path in the English message of a failure. Each sheet
 * inflates on Node's thread pool while the one before it is parsed (readXlsxAhead).
 */
export async function readXlsxBytes(
  bytes: Uint8Array,
  path: string,
  opts: ReadXlsxOptions = {},
): Promise<Workbook> {
  try {
    return await readXlsxAhead(bytes, opts);
  } catch (e) {
    return withPath(e, path);
  }
}

/** Reads an .xlsx file (the size is checked before the file is loaded). Throws only LedgerFileError. */
export async function readXlsxFile(path: string, opts: ReadXlsxOptions = {}): Promise<Workbook> {
  return readXlsxBytes(await readFileBytes(path, opts), path, opts);
}

/** Synchronous readXlsxFile. */
export function readXlsxFileSync(path: string, opts: ReadXlsxOptions = {}): Workbook {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Uint8Array;
  try {
    checkStats(statSync(path), path, maxBytes);
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof LedgerFileError) throw e;
    throw fsError(e, path);
  }
  try {
    return readXlsx(bytes, opts);
  } catch (e) {
    return withPath(e, path);
  }
}
