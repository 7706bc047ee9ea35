// Builds small .xlsx packages by hand, for reader tests of layouts no library writes.
import { strToU8, zipSync, type Zippable } from "fflate";

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface PkgSheet {
  name: string;
  /** Inner XML of <worksheet> (e.g. "<sheetData>…</sheetData>"), or the whole part when `raw`. */
  xml: string;
  raw?: boolean;
  state?: string;
}

export interface PkgOptions {
  sheets: PkgSheet[];
  sharedStrings?: string[] | string;
  /** Inner XML of <styleSheet>. */
  styles?: string;
  workbookPr?: string;
  definedNames?: string;
  /** Where the workbook part lives (default xl/workbook.xml). */
  workbookPath?: string;
  /** Write sheet targets as absolute "/xl/worksheets/…" paths. */
  absoluteTargets?: boolean;
  extra?: Record<string, string>;
}

export function buildXlsx(o: PkgOptions): Uint8Array {
  const wbPath = o.workbookPath ?? "xl/workbook.xml";
  const wbDir = wbPath.slice(0, wbPath.lastIndexOf("/") + 1);
  const wbName = wbPath.slice(wbDir.length);
  const files: Zippable = {};
  const put = (p: string, s: string) => (files[p] = strToU8(s));
  put(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  put(
    "_rels/.rels",
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${wbPath}"/></Relationships>`,
  );
  const rels: string[] = [];
  const sheets = o.sheets.map((s, i) => {
    const part = `worksheets/sheet${i + 1}.xml`;
    put(
      wbDir + part,
      s.raw ? s.xml : `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}>${s.xml}</worksheet>`,
    );
    rels.push(
      `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${o.absoluteTargets ? "/" + wbDir + part : part}"/>`,
    );
    return `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"${s.state ? ` state="${s.state}"` : ""}/>`;
  });
  if (o.sharedStrings !== undefined) {
    const body =
      typeof o.sharedStrings === "string"
        ? o.sharedStrings
        : o.sharedStrings.map((s) => `<si><t>${s}</t></si>`).join("");
    put(`${wbDir}sharedStrings.xml`, `<?xml version="1.0"?><sst ${NS}>${body}</sst>`);
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  if (o.styles !== undefined) {
    put(`${wbDir}styles.xml`, `<?xml version="1.0"?><styleSheet ${NS}>${o.styles}</styleSheet>`);
    rels.push(`<Relationship Id="rIdY" Type="${REL}/styles" Target="styles.xml"/>`);
  }
  put(
    `${wbDir}_rels/${wbName}.rels`,
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  );
  put(
    wbPath,
    `<?xml version="1.0"?><workbook ${NS}>${o.workbookPr ?? ""}<sheets>${sheets.join("")}</sheets>${o.definedNames ? `<definedNames>${o.definedNames}</definedNames>` : ""}</workbook>`,
  );
  for (const [p, s] of Object.entries(o.extra ?? {})) put(p, s);
  return zipSync(files);
}
