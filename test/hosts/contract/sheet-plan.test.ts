// The sheet-plan contract against every writer that translates a SheetPlan.
import { excelJsWriter, officeWriter, patchWriter, previewWriter } from "./adapters";
import { sheetPlanContract } from "./sheet-plan-contract";

sheetPlanContract("ExcelJS writer (writeSheetModels)", excelJsWriter);
sheetPlanContract("package patcher (patchWorkbook)", patchWriter);
sheetPlanContract("browser-preview host (writeSheets)", previewWriter);
sheetPlanContract("Office.js host over the Excel fake (writeSheets)", officeWriter);
