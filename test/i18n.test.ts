// All user-facing text has one shape (src/i18n/text.ts): every Text exported by a module of src/i18n
// — found by walking the modules' exports, so a new table is checked without being listed here — has
// both languages, non-empty, with the same {placeholders}. Finding messages cover every code.
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { CATALOGUE, FINDING_CODES, type FindingCode } from "../src/engine/catalogue";
import { REASONS } from "../src/engine/commend";
import type { Finding } from "../src/engine/findings";
import { FINDING_ALT_TEXTS, FINDING_TEXTS, messageOf } from "../src/i18n/findings";
import { REASON_TEXTS } from "../src/i18n/reasons";
import { LANGS, type Text, fill, isText, listOf, placeholdersOf, render } from "../src/i18n/text";

const I18N = resolve(__dirname, "../src/i18n");

/** Every Text reachable from the exports of every module in src/i18n, by `module.export.key…`. */
async function allTexts(): Promise<Map<string, Text>> {
  const found = new Map<string, Text>();
  const walk = (v: unknown, path: string, seen: Set<unknown>) => {
    if (typeof v !== "object" || v === null || seen.has(v)) return;
    seen.add(v);
    if (isText(v)) {
      found.set(path, v);
      return;
    }
    for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`, seen);
  };
  for (const file of readdirSync(I18N).filter((f) => /\.tsx?$/.test(f))) {
    const mod = (await import(join(I18N, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) walk(value, `${file}:${name}`, new Set());
  }
  return found;
}

test("the walk finds the tables of every area (a broken walk would pass everything)", async () => {
  const paths = [...(await allTexts()).keys()];
  expect(paths.length).toBeGreaterThan(200);
  for (const table of [
    "findings.ts:FINDING_TEXTS",
    "findings.ts:FINDING_ALT_TEXTS",
    "reasons.ts:REASON_TEXTS",
    "cli.ts:CLI_TEXTS",
    "cli.ts:CLI_HELP",
    "pane.ts:PANE_TEXTS",
    "host.ts:HOST_ERRORS",
    "host.ts:FILE_ERRORS",
    "host.ts:HOST_NOTES",
    "host.ts:HOST_STAGES",
  ])
    expect(paths.some((p) => p.startsWith(table + "."))).toBe(true);
});

test("every Text has both languages, non-empty, with the same {placeholders}", async () => {
  const problems: string[] = [];
  for (const [path, text] of await allTexts()) {
    for (const lang of LANGS) if (!text[lang].trim()) problems.push(`${path}: empty ${lang}`);
    const zh = placeholdersOf(text["zh-CN"]).join(",");
    const en = placeholdersOf(text.en).join(",");
    if (zh !== en) problems.push(`${path}: zh-CN {${zh}} ≠ en {${en}}`);
  }
  expect(problems).toEqual([]);
});

test("every finding code has a message; the codes with a second severity have one for it", () => {
  expect(Object.keys(FINDING_TEXTS).sort()).toEqual([...FINDING_CODES].sort());
  const withAlt = FINDING_CODES.filter((c) => "alsoSeverity" in CATALOGUE[c]);
  expect(Object.keys(FINDING_ALT_TEXTS).sort()).toEqual(withAlt.sort());
});

test("the engine's catalogue holds what a code is, not what it says (messages are in src/i18n)", () => {
  for (const code of FINDING_CODES)
    expect(
      Object.keys(CATALOGUE[code]).filter((k) => !["severity", "alsoSeverity", "clause"].includes(k)),
    ).toEqual([]);
  expect(Object.keys(REASON_TEXTS).sort()).toEqual([...REASONS].sort());
});

test("render fills placeholders; a missing one is empty, a Text param follows the language", () => {
  const text: Text = { "zh-CN": "工作表 {names}（{n}）{gone}", en: "sheets {names} ({n}){gone}" };
  const params = { names: listOf(["甲", "乙"]), n: 2 };
  expect(render(text, "zh-CN", params)).toBe("工作表 甲、乙（2）");
  expect(render(text, "en", params)).toBe("sheets 甲, 乙 (2)");
  expect(fill(text, params)).toEqual({ "zh-CN": "工作表 甲、乙（2）", en: "sheets 甲, 乙 (2)" });
});

test("messageOf: the code's template, the alternative one at alsoSeverity, derived params", () => {
  const f = (code: FindingCode, o: Partial<Finding> = {}): Finding => ({
    severity: CATALOGUE[code].severity,
    code,
    sheet: "党员",
    cell: "A3",
    ...o,
  });
  expect(messageOf(f("missing-column", { field: "备注" }))).toBe("“党员”表缺少“备注”列，请在表头添加该列");
  expect(messageOf(f("missing-column", { field: "备注", severity: "info" }), "en")).toBe(
    'Sheet "党员" has no optional "备注" column; its checks were skipped',
  );
  expect(messageOf(f("commitment-missing", { object: "M004" }))).toBe(
    "“M004”在第一时段没有公开承诺记录，请补录承诺",
  );
  const late = f("commitment-missing", { object: "M004", params: { days: 90, until: "2011-05-30" } });
  expect(messageOf(late)).toBe("“M004”在入党后 90 天内（至 2011-05-30）没有公开承诺记录，请补录承诺");
  expect(messageOf(late, "en")).toBe(
    '"M004" has no public commitment in the 90 days after joining (until 2011-05-30); record one',
  );
});
