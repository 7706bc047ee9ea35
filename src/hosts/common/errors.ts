// The host's own failures, as HostErrors the pane can show (what happened and what to do; the texts
// are in src/i18n/host.ts). Errors from Excel itself are rethrown unchanged, except the few a clerk
// can act on.
import { HOST_ERRORS } from "../../i18n/host";
import { fill, listOf } from "../../i18n/text";
import { HostError } from "../host";

export const hostErrors = {
  tooManyCells: (sheet: string) => new HostError(fill(HOST_ERRORS.tooManyCells, { sheet })),
  unreadable: (sheet: string) => new HostError(fill(HOST_ERRORS.unreadable, { sheet })),
  sheetMissing: (sheet: string) => new HostError(fill(HOST_ERRORS.sheetMissing, { sheet })),
  sheetHidden: (sheet: string) => new HostError(fill(HOST_ERRORS.sheetHidden, { sheet })),
  badCell: (cell: string) => new HostError(fill(HOST_ERRORS.badCell, { cell })),
  badDate: (value: string | number) => new HostError(fill(HOST_ERRORS.badDate, { value })),
  notNumber: (value: string | number) => new HostError(fill(HOST_ERRORS.notNumber, { value })),
  sharedFormula: (sheet: string, cell: string) =>
    new HostError(fill(HOST_ERRORS.sharedFormula, { sheet, cell })),
  nameTaken: (name: string) => new HostError(fill(HOST_ERRORS.nameTaken, { name })),
  cleanupFailed: (names: string[], cause: unknown) =>
    new HostError(fill(HOST_ERRORS.cleanupFailed, { names: listOf(names) }), { cause }),
  cellEditMode: (cause: unknown) => new HostError(HOST_ERRORS.cellEditMode, { cause }),
  structureProtected: () => new HostError(HOST_ERRORS.structureProtected),
  sheetProtected: (sheet: string) => new HostError(fill(HOST_ERRORS.sheetProtected, { sheet })),
  accessDenied: (cause: unknown) => new HostError(HOST_ERRORS.accessDenied, { cause }),
};

/** An Excel error the clerk can act on becomes a HostError (with the original as cause); others pass unchanged. */
export function explainExcelError(e: unknown): unknown {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === "InvalidOperationInCellEditMode") return hostErrors.cellEditMode(e);
  // protection that could not be detected first (before ExcelApi 1.7), or a legacy shared workbook
  if (code === "AccessDenied") return hostErrors.accessDenied(e);
  return e;
}
