// The Office.js host (see office-host.ts).
export { createOfficeHost, type OfficeHostOptions } from "./office-host";
export { excelRun, type ExcelRun } from "./excel-run";
export { capabilitiesOf, detectCapabilities, type ExcelSupport, type IsSetSupported } from "./support";
