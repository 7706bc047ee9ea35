// The layering rules of ARCHITECTURE.md, checked over every import in src/: a rule broken by a new
// import fails here with the file and the import named.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

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
