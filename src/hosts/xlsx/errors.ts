// Typed errors for workbook files that cannot be read. Every failure of the xlsx host's readers is a
// LedgerFileError; the CLI and the task pane show its `text` in the clerk's language (one line, saying
// what the clerk should do; the texts are in src/i18n/host.ts).
import { fileErrorText } from "../../i18n/host";
import type { Text } from "../../i18n/text";

export type LedgerFileErrorCode =
  "not-found" | "not-xlsx" | "xls" | "encrypted" | "corrupt" | "too-large" | "empty";

export class LedgerFileError extends Error {
  readonly code: LedgerFileErrorCode;
  readonly text: Text;

  constructor(code: LedgerFileErrorCode, text: Text, options?: { cause?: unknown }) {
    super(text.en, options);
    this.name = "LedgerFileError";
    this.code = code;
    this.text = text;
  }
}

export function isLedgerFileError(e: unknown): e is LedgerFileError {
  return e instanceof LedgerFileError;
}

function mb(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
}

/** The standard error for each code; `detail.reason` goes into the English message only. */
export function ledgerFileError(
  code: LedgerFileErrorCode,
  detail?: { path?: string; size?: number; max?: number; reason?: string; cause?: unknown },
): LedgerFileError {
  const opts = detail?.cause !== undefined ? { cause: detail.cause } : undefined;
  const text = fileErrorText(code, {
    path: detail?.path,
    size: detail?.size === undefined ? undefined : mb(detail.size),
    max: detail?.max === undefined ? undefined : mb(detail.max),
    reason: detail?.reason,
  });
  return new LedgerFileError(code, text, opts);
}
