// The host's own failures, as HostErrors the pane can show (what happened and what to do, zh-CN).
// Errors from Excel itself are rethrown unchanged, except the few a clerk can act on.
import { HostError } from "../host";

export const hostErrors = {
  tooManyCells: (sheet: string) =>
    new HostError(
      `台账表“${sheet}”超过 500 万个单元格，请拆分后再试`,
      `Sheet "${sheet}" has more than 5 million cells; split it and try again`,
    ),
  unreadable: (sheet: string) =>
    new HostError(
      `无法读取工作表“${sheet}”的内容，请缩小表格后再试`,
      `Excel returned no values for sheet "${sheet}"; make it smaller and try again`,
    ),
  sheetMissing: (sheet: string) =>
    new HostError(
      `找不到工作表“${sheet}”，它可能已被删除或改名，请重新校验`,
      `Sheet "${sheet}" was not found (deleted or renamed?); run the check again`,
    ),
  sheetHidden: (sheet: string) =>
    new HostError(`工作表“${sheet}”已隐藏，请先取消隐藏`, `Sheet "${sheet}" is hidden; unhide it first`),
  badCell: (cell: string) => new HostError(`单元格地址“${cell}”无效`, `"${cell}" is not a cell address`),
  badDate: (value: string | number) =>
    new HostError(`“${value}”不是有效日期，未写入`, `"${value}" is not a valid date; nothing was written`),
  nameTaken: (name: string) =>
    new HostError(
      `工作簿中已有名为“${name}”的工作表（不是本插件写入的结果表），请将其改名后再试`,
      `The workbook already has a sheet named "${name}" that is not a result sheet; rename it and try again`,
    ),
  cleanupFailed: (names: string[], cause: unknown) =>
    new HostError(
      `写入失败，且未能删除临时工作表 ${names.join("、")}，请手动删除后再试`,
      `Writing failed and the temporary sheets ${names.join(", ")} could not be removed; delete them and try again`,
      { cause },
    ),
  cellEditMode: (cause: unknown) =>
    new HostError(
      "Excel 正在编辑单元格，请按 Enter 或 Esc 结束编辑后再试",
      "Excel is in cell-edit mode; press Enter or Esc and try again",
      { cause },
    ),
};

/** An Excel error the clerk can act on becomes a HostError (with the original as cause); others pass unchanged. */
export function explainExcelError(e: unknown): unknown {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === "InvalidOperationInCellEditMode") return hostErrors.cellEditMode(e);
  return e;
}
