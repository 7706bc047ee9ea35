// The Office.js host (see office-host.ts), and the little else that talks to Office: whether office.js
// is here (env.ts), the ribbon commands' dialog (dialog.ts) and their registration (ribbon.ts).
export { createOfficeHost, type OfficeHostOptions } from "./office-host";
export { excelRun, type ExcelRun } from "./excel-run";
export { capabilitiesOf, detectCapabilities, type ExcelSupport, type IsSetSupported } from "./support";
export { detectOffice, hasOfficeJs, officeTheme, type OfficeDetection, type OfficeTheme } from "./env";
export { noticeUrl, showNotice, showTaskpane } from "./dialog";
export { workbookCells } from "./size";
export { registerRibbonCommands, type RibbonEvent, type RibbonHandler } from "./ribbon";
