// styles.xml → the number format code of each cell style (cellXfs index), for Grid.formats.
import { ascii, EMPTY, END, EOF, START, XmlScanner } from "./xml";

/**
 * Built-in number formats (ids without a `<numFmt>` in styles.xml). Ids 5–8, 14, 22, 27–36, 41–44 and
 * 50–58 are locale-dependent; the codes are the ones zh-CN Excel displays (14 shows as `yyyy/m/d`).
 * All of 14–22, 27–36, 45–47 and 50–58 are dates or times.
 */
export const BUILTIN_NUMFMTS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  5: '"¥"#,##0;"¥"\\-#,##0',
  6: '"¥"#,##0;[Red]"¥"\\-#,##0',
  7: '"¥"#,##0.00;"¥"\\-#,##0.00',
  8: '"¥"#,##0.00;[Red]"¥"\\-#,##0.00',
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "yyyy/m/d",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "yyyy/m/d h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  41: '_ * #,##0_ ;_ * \\-#,##0_ ;_ * "-"_ ;_ @_ ',
  42: '_ "¥"* #,##0_ ;_ "¥"* \\-#,##0_ ;_ "¥"* "-"_ ;_ @_ ',
  43: '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ',
  44: '_ "¥"* #,##0.00_ ;_ "¥"* \\-#,##0.00_ ;_ "¥"* "-"??_ ;_ @_ ',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mm:ss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

const N_NUMFMTS = ascii("numFmts");
const N_NUMFMT = ascii("numFmt");
const N_CELLXFS = ascii("cellXfs");
const N_XF = ascii("xf");
const A_NUMFMTID = ascii("numFmtId");
const A_FORMATCODE = ascii("formatCode");

export function isGeneral(code: string | undefined): boolean {
  return code === undefined || code === "" || code.toLowerCase() === "general";
}

/**
 * Format code per cellXfs index; `undefined` for General (numbers in General cells get no
 * Grid.formats entry). Equal codes are the same string instance.
 */
export function readCellFormats(xml: Uint8Array | undefined): (string | undefined)[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const ids: number[] = [];
  const sc = new XmlScanner(xml);
  let inNumFmts = false;
  let inCellXfs = false;
  for (let k = sc.next(); k !== EOF; k = sc.next()) {
    if (k === END) {
      if (sc.is(N_NUMFMTS)) inNumFmts = false;
      else if (sc.is(N_CELLXFS)) inCellXfs = false;
      continue;
    }
    if (k !== START && k !== EMPTY) continue;
    if (sc.is(N_NUMFMTS)) inNumFmts = k === START;
    else if (sc.is(N_CELLXFS)) inCellXfs = k === START;
    else if (inNumFmts && sc.is(N_NUMFMT)) {
      let id = -1;
      let code: string | undefined;
      sc.attrs();
      while (sc.nextAttr()) {
        if (sc.attrIs(A_NUMFMTID)) id = sc.attrUint();
        else if (sc.attrIs(A_FORMATCODE)) code = sc.attrText();
      }
      if (id >= 0 && code !== undefined) custom.set(id, code);
    } else if (inCellXfs && sc.is(N_XF)) {
      let id = 0;
      sc.attrs();
      while (sc.nextAttr()) if (sc.attrIs(A_NUMFMTID)) id = Math.max(0, sc.attrUint());
      ids.push(id);
    }
  }
  const interned = new Map<number, string | undefined>();
  return ids.map((id) => {
    if (interned.has(id)) return interned.get(id);
    const code = custom.get(id) ?? BUILTIN_NUMFMTS[id];
    const v = isGeneral(code) ? undefined : code;
    interned.set(id, v);
    return v;
  });
}
