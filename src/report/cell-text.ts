// Text a workbook cell can hold: every writer (XML packages, Office.js) stores SpreadsheetML, which
// is XML 1.0, so control characters other than tab, LF and CR cannot be stored and are dropped.

// eslint-disable-next-line no-control-regex
const ILLEGAL_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function stripIllegalXml(s: string): string {
  return s.replace(ILLEGAL_XML, "");
}
