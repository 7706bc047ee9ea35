// The one entry point into Excel: everything the Office host does runs inside an `ExcelRun` batch.
// In production that is `Excel.run`; tests pass the fake's `run` (test/fakes/excel-fake.ts).

/** `Excel.run` without its overloads: one batch, one request context. */
export type ExcelRun = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Excel.run that waits while the clerk is editing a cell instead of failing with
 * InvalidOperationInCellEditMode (office-js #625, #806, #3021).
 */
export const excelRun: ExcelRun = (batch) => Excel.run({ delayForCellEdit: true }, batch);
