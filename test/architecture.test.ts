// The layering rules of ARCHITECTURE.md, checked over every import in src/: a rule broken by a new
// import fails here with the file and the import named. And one rule over string literals: the text
// the clerk reads is in src/i18n, not scattered through the hosts, the app, the CLI and the pane.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

const ROOT = resolve(__dirname, "..");
const SRC = join(ROOT, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

interface Import {
  /** The importing file, relative to src/ ("hosts/office/charts.ts"). */
  from: string;
  /** The imported module, relative to src/ ("report/chart-plan"), or the package name. */
  to: string;
  /** Only types are imported (erased at run time). */
  typeOnly: boolean;
}

const IMPORT =
  /^\s*(import|export)\s+(type\s+)?[^;]*?\bfrom\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm;

function importsOf(file: string): Import[] {
  const text = readFileSync(file, "utf8");
  const from = relative(SRC, file);
  const out: Import[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[3] ?? m[4] ?? m[5];
    const to = spec.startsWith(".") ? relative(SRC, resolve(dirname(file), spec)) : spec;
    out.push({ from, to, typeOnly: m[2] !== undefined });
  }
  return out;
}

const ALL = sourceFiles(SRC).flatMap(importsOf);

/** The top folder (and for hosts the host) of a path relative to src/. */
function layer(path: string): string {
  const parts = path.split("/");
  return parts[0] === "hosts" && parts.length > 2 ? `hosts/${parts[1]}` : parts[0];
}

function violations(rule: (i: Import) => boolean): string[] {
  return ALL.filter(rule).map((i) => `${i.from} → ${i.to}`);
}

test("the scan sees the source tree (a broken scan would pass every rule)", () => {
  expect(ALL.length).toBeGreaterThan(300);
  expect(ALL.some((i) => i.from.startsWith("hosts/office/") && i.to === "report/sheet-plan")).toBe(true);
});

test("no host imports another host (the preview, an .xlsx in memory, may use the xlsx file code)", () => {
  const hosts = ["hosts/office", "hosts/xlsx", "hosts/preview"];
  expect(
    violations((i) => {
      const a = layer(i.from);
      const b = layer(i.to);
      if (!hosts.includes(a) || !hosts.includes(b) || a === b) return false;
      return !(a === "hosts/preview" && b === "hosts/xlsx");
    }),
  ).toEqual([]);
});

test("host plumbing in hosts/common imports no host", () => {
  expect(
    violations((i) => layer(i.from) === "hosts/common" && /^hosts\/(office|xlsx|preview)\b/.test(i.to)),
  ).toEqual([]);
});

test("the engine imports nothing outside src/engine (and no package)", () => {
  expect(violations((i) => layer(i.from) === "engine" && layer(i.to) !== "engine")).toEqual([]);
});

test("the report imports no host and not the app", () => {
  expect(
    violations((i) => layer(i.from) === "report" && (i.to.startsWith("hosts/") || layer(i.to) === "app")),
  ).toEqual([]);
});

test("src/app imports neither React nor the pane", () => {
  expect(
    violations(
      (i) =>
        layer(i.from) === "app" &&
        (i.to === "react" ||
          i.to.startsWith("react-") ||
          i.to.startsWith("@fluentui") ||
          layer(i.to) === "taskpane"),
    ),
  ).toEqual([]);
});

test("src/i18n sits below everything but the engine: it imports the engine, and hosts' types only", () => {
  expect(
    violations(
      (i) =>
        layer(i.from) === "i18n" &&
        !(layer(i.to) === "i18n" || layer(i.to) === "engine" || (i.typeOnly && i.to.startsWith("hosts/"))),
    ),
  ).toEqual([]);
});

test("ribbon commands go through src/app, never into the pane", () => {
  expect(violations((i) => layer(i.from) === "commands" && layer(i.to) === "taskpane")).toEqual([]);
});

test("Office and Excel are called only in hosts/office", () => {
  const offenders = sourceFiles(SRC)
    .filter((f) => !relative(SRC, f).startsWith("hosts/office/"))
    .filter((f) => {
      // comments and type positions aside: a run-time use is `Office.` or `Excel.` followed by a call or property
      const code = readFileSync(f, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/\/\/.*$/gm, "");
      return /(?<![\w.])(Office|Excel)\.(?!RequestContext\b|Worksheet\b|Range\b|Interfaces\b)[a-z]\w*/.test(
        code,
      );
    })
    .map((f) => relative(SRC, f));
  expect(offenders).toEqual([]);
});

// ---------------------------------------------------------------------------------------------------
// User-facing text lives in src/i18n (architecture.md: "All user-facing text (zh-CN and en) has one
// shape"). A Chinese string literal (or JSX text, or template part) in these folders is text the
// clerk would read in one language only, so it fails here. Object keys are not text (rule keys are
// typed against the engine's RuleKey). Sheet and column names come from src/engine/schema.ts; the
// report's zh-CN document wording is in src/report and not checked here.
const TEXT_FREE = ["hosts", "app", "cli", "commands", "taskpane"];
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Literals that are data, not messages: each with why it stays where it is. */
const DATA_LITERALS: Record<string, { literals: (string | RegExp)[]; why: string }> = {
  "hosts/common/highlight-store.ts": {
    literals: ["工作表", "单元格", "原填充"],
    why: "the header row of the hidden sheet that remembers highlighted cells: workbook data the hosts read back, the same whatever the pane's language",
  },
  "hosts/xlsx/styles.ts": {
    literals: [/^(上午\/下午)?(\w+"[年月日时分秒]")+$/],
    why: "what Excel's built-in number formats 27–58 are in a zh-CN workbook (format codes, not words)",
  },
  "hosts/xlsx/chart-parts.ts": {
    literals: ["图表 "],
    why: "the name of a chart object inside the written .xlsx (document content, as Excel names its own)",
  },
  "hosts/xlsx/blank-workbook.ts": {
    literals: [/<name val="宋体"\/>/, /<cellStyle name="常规"/],
    why: "the default font (宋体) and the Normal cell style's zh-CN name inside the district workbook's styles.xml (document content)",
  },
  "app/hosts.ts": {
    literals: ["示例台账.xlsx"],
    why: "the file name of the sample workbook in browser preview (a document name, zh-CN like the sheet names)",
  },
  "taskpane/preview/download.ts": {
    literals: ["-结果.xlsx"],
    why: "the suffix of the result workbook's file name (a document name, zh-CN like the sheet names)",
  },
};

interface Literal {
  file: string;
  text: string;
}

/** The string literals, template parts and JSX texts of a file, except object keys. */
function literalsOf(file: string): Literal[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out: Literal[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteralLike(n) || ts.isTemplateLiteralToken(n) || ts.isJsxText(n)) {
      const p = n.parent;
      const isKey = (ts.isPropertyAssignment(p) || ts.isPropertySignature(p)) && p.name === n;
      if (!isKey && !ts.isImportDeclaration(p) && !ts.isExportDeclaration(p))
        out.push({ file: relative(SRC, file), text: n.text });
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return out;
}

const CHINESE = TEXT_FREE.flatMap((dir) => sourceFiles(join(SRC, dir)))
  .flatMap(literalsOf)
  .filter((l) => CJK.test(l.text));

const isData = (l: Literal) =>
  DATA_LITERALS[l.file]?.literals.some((d) => (typeof d === "string" ? d === l.text : d.test(l.text))) ??
  false;

test("no Chinese text outside src/i18n in the hosts, the app, the CLI, the ribbon commands or the pane", () => {
  expect(CHINESE.filter((l) => !isData(l)).map((l) => `${l.file}: ${JSON.stringify(l.text)}`)).toEqual([]);
});

test("the scan sees Chinese literals (a broken scan would pass), and every allowed one is still there", () => {
  expect(CHINESE.length).toBeGreaterThan(5);
  for (const [file, { literals }] of Object.entries(DATA_LITERALS))
    for (const d of literals)
      expect([
        file,
        CHINESE.some((l) => l.file === file && (typeof d === "string" ? d === l.text : d.test(l.text))),
      ]).toEqual([file, true]);
});
