// A workbook with no sheets, for results that are not written into a clerk's file (the district
// workbook, the return notices): the package patcher adds the result sheets to it. Its default font
// is 宋体 (charset GB2312), so every written cell prints in a font every Chinese desktop has (§6.1).
import { writeZip } from "./zip-write";

const encode = (s: string) => new TextEncoder().encode(s);
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const PARTS: Record<string, string> = {
  "[Content_Types].xml":
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
    `</Types>`,
  "_rels/.rels":
    `<Relationships xmlns="${PKG_REL}">` +
    `<Relationship Id="rId1" Type="${DOC_REL}/officeDocument" Target="xl/workbook.xml"/>` +
    `</Relationships>`,
  "xl/workbook.xml":
    `<workbook xmlns="${MAIN}" xmlns:r="${DOC_REL}">` +
    `<bookViews><workbookView activeTab="0"/></bookViews><sheets></sheets></workbook>`,
  "xl/_rels/workbook.xml.rels":
    `<Relationships xmlns="${PKG_REL}">` +
    `<Relationship Id="rId1" Type="${DOC_REL}/styles" Target="styles.xml"/>` +
    `</Relationships>`,
  "xl/styles.xml":
    `<styleSheet xmlns="${MAIN}">` +
    `<fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>` +
    `</styleSheet>`,
};

/** The package bytes of a workbook without sheets (add sheets with patchWorkbook). */
export function blankWorkbook(now?: Date): Uint8Array {
  const entries = Object.entries(PARTS).map(([name, xml]) => ({
    kind: "new" as const,
    name,
    data: encode(XML + xml),
  }));
  return writeZip(new Uint8Array(0), entries, now ? { now } : {});
}
