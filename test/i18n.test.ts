// All user-facing text has one shape (src/i18n/text.ts): every Text exported by a module of src/i18n
// — found by walking the modules' exports, so a new table is checked without being listed here — has
// both languages, non-empty, with the same {placeholders}. Finding messages cover every code.
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { RULE_KEYS } from "../src/engine/campaign";
import { CATALOGUE, FINDING_CODES, type FindingCode } from "../src/engine/catalogue";
import { REASONS } from "../src/engine/commend";
import type { Finding } from "../src/engine/findings";
import { FINDING_ALT_TEXTS, FINDING_TEXTS, messageOf } from "../src/i18n/findings";
import { REASON_TEXTS, reasonDetailOf } from "../src/i18n/reasons";
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

test("every code and rule key cites a clause of the 2010 notice (《实施意见》四（二）…), not the spec", () => {
  const clause = /^《实施意见》[一二三四五](、|（[一二三四]）)/;
  for (const code of FINDING_CODES)
    expect(`${code}: ${CATALOGUE[code].clause}`).toMatch(/^[\w-]+: 《实施意见》/);
  for (const c of [...FINDING_CODES.map((k) => CATALOGUE[k].clause), ...RULE_KEYS.map((r) => r.clause)])
    expect(c).toMatch(clause);
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
  expect(messageOf(late)).toBe("“M004”在入党后90天内（至2011-05-30）没有公开承诺记录，请补录承诺");
  expect(messageOf(late, "en")).toBe(
    '"M004" has no public commitment in the 90 days after joining (until 2011-05-30); record one',
  );
});

test("plan-late says 未填写 only when the date is missing; a score is written 评为19分", () => {
  const f = (code: FindingCode, o: Partial<Finding>): Finding => ({
    severity: CATALOGUE[code].severity,
    code,
    sheet: "党（工）委",
    cell: "F3",
    ...o,
  });
  const dated = f("plan-late", { value: "2010-06-15", params: { expected: "2010-05-31" } });
  expect(messageOf(dated)).toBe("实施方案报送日期2010-06-15晚于报送期限2010-05-31，请核对");
  expect(messageOf(dated)).not.toContain("未填写");
  const undated = f("plan-late", { value: "未填写", params: { expected: "2010-05-31", undated: 1 } });
  expect(messageOf(undated)).toBe(
    "实施方案报送日期未填写，而报送期限2010-05-31已过；已报送的，请填写报送日期",
  );
  expect(messageOf(undated, "en")).toContain("has no submission date");
  const score = f("criterion-evidence", { field: "群众反映好", value: 19, params: { expected: "好评率低" } });
  expect(messageOf(score)).toBe("“群众反映好”评为19分，但好评率低，请核对评定");
  expect(messageOf(score, "en")).toBe("The 群众反映好 is rated 19 points but 好评率低; check the rating");
  const word = f("criterion-evidence", {
    field: "群众反映好",
    value: "好",
    params: { expected: "好评率低" },
  });
  expect(messageOf(word)).toBe("“群众反映好”评为“好”，但好评率低，请核对评定");
});

// The mechanical rules of official Chinese (ledger-format.md §6.1 "Texts") over every zh-CN text.
// A placeholder in SPACED_PLACEHOLDERS stands for a file, folder, path, sheet!cell address, code or
// command-line word (an option's {name}, a file's {name}):
// a space beside it keeps a path or an address readable and is not a number written in Chinese text.
const SPACED_PLACEHOLDERS = new Set([
  "file",
  "folder",
  "path",
  "lock",
  "sheet",
  "cell",
  "code",
  "command",
  "name",
]);
/** Placeholders that count people: never followed by 个 (people are counted with 名, 人次). */
const PEOPLE_COUNTS = new Set(["members", "people", "workers"]);
/** An official name that holds brackets and is one word: its brackets are not a nesting. */
const BRACKETED_WORDS = /党（工）委/g;
const PAIRS: readonly [string, string][] = [
  ["（", "）"],
  ["“", "”"],
  ["《", "》"],
  ["(", ")"],
  ["[", "]"],
];

/** How many （ are open at `at`. */
function depthAt(s: string, at: number): number {
  let depth = 0;
  for (const ch of s.slice(0, at)) depth += ch === "（" ? 1 : ch === "）" ? -1 : 0;
  return depth;
}

/** The problems of one zh-CN text under the mechanical rules. */
function wordingProblems(s: string): string[] {
  const problems: string[] = [];
  // A number or a placeholder with an ASCII space beside a Chinese character or punctuation mark.
  const before = /(?<=\p{Script=Han}|[，。：；、“”（）]) +(?=\d|\{(?<name>\w+)\})/gu;
  const after = /(?<=\d|\{(?<name>\w+)\}) +(?=\p{Script=Han}|[，。：；、“”（）])/gu;
  for (const m of [...s.matchAll(before), ...s.matchAll(after)]) {
    const name = m.groups?.name;
    if (name !== undefined && SPACED_PLACEHOLDERS.has(name)) continue;
    // a number that ends a Latin name (Office 2019, Internet Explorer 11, WebView2) is part of it
    if (name === undefined && /[A-Za-z][\w.-]* ?[\d.]*$/.test(s.slice(0, m.index))) continue;
    problems.push(
      `space beside a number or {placeholder}: “${s.slice(Math.max(0, m.index - 4), m.index + 6)}”`,
    );
  }
  for (const m of s.matchAll(/\{(\w+)\}\s*个/g))
    if (PEOPLE_COUNTS.has(m[1])) problems.push(`people counted with 个: “${m[0]}”`);
  if (/[，；。、：][，；。、]/.test(s)) problems.push("doubled punctuation");
  if (/\p{Script=Han}[,;]/u.test(s) || /[,;]\p{Script=Han}/u.test(s))
    problems.push("ASCII , or ; in Chinese text");
  if (/\p{Script=Han} ?\(|\) ?\p{Script=Han}/u.test(s)) problems.push("ASCII ( ) in Chinese text: use （ ）");
  // Brackets balanced and not nested; 党（工）委 counts as one word outside brackets, but inside
  // brackets it would read as a nesting too, so it is not exempt there.
  const flat = s.replace(BRACKETED_WORDS, (w, at: number) => (depthAt(s, at) === 0 ? "党工委" : w));
  for (const [open, close] of PAIRS) {
    let depth = 0;
    for (const ch of flat) {
      if (ch === open) depth++;
      if (ch === close) depth--;
      if (depth < 0 || depth > 1) break;
    }
    if (depth !== 0) problems.push(`unbalanced or nested ${open}${close}`);
  }
  return problems;
}

test("the wording rules catch what they are meant to (a rule that catches nothing proves nothing)", () => {
  expect(wordingProblems("共 3 名")).toHaveLength(2);
  expect(wordingProblems("共{n} 条")).toHaveLength(1);
  expect(wordingProblems("已写出 {file}（共 {n} 条）")).toHaveLength(2);
  expect(wordingProblems("转到 {sheet}!{cell}")).toEqual([]);
  expect(wordingProblems("入选{members}个")).toHaveLength(1);
  expect(wordingProblems("请核对，，再试")).toHaveLength(1);
  expect(wordingProblems("（一（二））")).toHaveLength(1);
  expect(wordingProblems("（一")).toHaveLength(1);
  expect(wordingProblems("（3个党（工）委）")).toHaveLength(1);
  expect(wordingProblems("甲,乙")).toHaveLength(1);
  expect(wordingProblems("旧版 (.xls) 文件")).toHaveLength(1);
  expect(wordingProblems("文件中没有“党（工）委”表（共3名）")).toEqual([]);
  expect(wordingProblems("2010年底共3名，评为19分，共{n}条")).toEqual([]);
  expect(wordingProblems("请用 -o 指定 {file}")).toEqual([]);
  expect(wordingProblems("Office 2019 请先安装 WebView2 运行时")).toEqual([]);
});

test("every zh-CN text keeps the rules of official Chinese (§6.1 Texts)", async () => {
  const problems: string[] = [];
  for (const [path, text] of await allTexts())
    for (const p of wordingProblems(text["zh-CN"])) problems.push(`${path}: ${p}  ⟨${text["zh-CN"]}⟩`);
  expect(problems).toEqual([]);
});

test("lists are joined with 、 in zh-CN (listOf), with commas in en", () => {
  expect(listOf(["区委组织部", "区委宣传部"])).toEqual({
    "zh-CN": "区委组织部、区委宣传部",
    en: "区委组织部, 区委宣传部",
  });
});

test("review periods read in words: 2011年第一季度, 2011年上半年 (the finding keeps 2011Q1 as data)", () => {
  const f: Finding = {
    severity: "warning",
    code: "review-missing",
    sheet: "基层党组织",
    cell: "A5",
    object: "O0003",
    period: "2011Q1",
    params: { expected: "上级党（工）委“U01”" },
  };
  expect(messageOf(f)).toBe("“O0003”在2011年第一季度没有上级党（工）委“U01”点评记录，请补录或安排点评");
  expect(messageOf(f, "en")).toContain("in Q1 2011");
  expect(reasonDetailOf({ reason: "review-missing", detail: "2011H1、2011H2" }, "zh-CN")).toBe(
    "2011年上半年、2011年下半年",
  );
  expect(reasonDetailOf({ reason: "review-missing", detail: "2011H1、2011H2" }, "en")).toBe(
    "the first half of 2011, the second half of 2011",
  );
  expect(reasonDetailOf({ reason: "over-quota", place: { quota: 3, rank: 5 } }, "zh-CN")).toBe(
    "名额3，排第5位",
  );
});
