// Writing result sheets into the clerk's workbook by patching the package (see patch/patch-workbook.ts
// for how, and patch/ for its steps).
export {
  patchWorkbook,
  patchWorkbookInSteps,
  patchWorkbookSteps,
  patchStepCount,
  sheetAtStep,
  patchWorkbookPieces,
  patchWorkbookPiecesOffThread,
  type PatchOptions,
} from "./patch/patch-workbook";
export { SheetModelError } from "../../report/sheet-plan";
