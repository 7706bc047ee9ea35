// `npm run bench` (issue 12): our validate, evaluate and compile on the district-scale sample beside
// the baselines in the same run — ExcelJS's plain and streaming reads and pandas' read_excel (when
// python3 with pandas + openpyxl is installed) — on the sample as written (inline strings) and on a
// shared-strings copy of it; the CLI's start-up; scaling at 1×, 2× and 4× the district with fitted
// exponents; the Office host writing the district results into the typed Excel fake.
// `*-stray` tasks run on the ledger with stray content at row 1,048,576 (ledger-format.md §1.4).
// Every task runs in its own process under /usr/bin/time (wall, peak RSS, user + system CPU); the
// median of N runs is reported. Compare within one run only: these machines are shared and noisy.
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { cpus, loadavg, totalmem } from "os";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const FILE = process.env.BENCH_FILE ?? ".tmp/district-ledger.xlsx";
const SPLIT = process.env.BENCH_SPLIT ?? ".tmp/district-split";
const STRAY = FILE.replace(/\.xlsx$/, "-stray.xlsx");
const SST = FILE.replace(/\.xlsx$/, "-sst.xlsx");
const SCALED = (k) => FILE.replace(/\.xlsx$/, `-x${k}.xlsx`);
const TASKS = (
  process.env.BENCH_TASKS ??
  "node,help,evaluate,evaluate-sst,compile,validate,validate-sst,read,read-sst,exceljs-stream,exceljs-full,exceljs-full-sst,pandas,pandas-sst,scale,office,pane,evaluate-stray,validate-stray"
).split(",");
/** Tasks that take long and whose figures are not ratios: one run each. */
const ONCE = new Set(["office", "pane"]);
/**
 * The tasks behind the targets' ratios run in rounds — one run of each in turn, `RUNS` rounds — and a
 * ratio is the median of its per-round ratios: the load of these shared machines drifts over
 * minutes, and a baseline run once, minutes away from ours, moved a ratio by ±10 % (fifth session).
 */
const ROUNDS = [
  ["evaluate", "validate", "exceljs-full", "pandas"],
  ["evaluate-sst", "validate-sst", "exceljs-full-sst", "pandas-sst"],
];

execFileSync(process.execPath, ["scripts/build-cli.mjs"], { stdio: "inherit" });
mkdirSync(".tmp", { recursive: true });

function generate(target, args) {
  if (existsSync(target)) return;
  const t0 = Date.now();
  execFileSync(process.execPath, args, { stdio: "inherit" });
  console.log(`generated ${target} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
generate(FILE, ["bin/pioneer-ledger.js", "sample", "--size", "district", "-o", FILE]);
if (TASKS.includes("compile") || TASKS.includes("pane"))
  generate(SPLIT, ["bin/pioneer-ledger.js", "sample", "--size", "district", "--split-by-unit", SPLIT]);
if (TASKS.includes("scale"))
  for (const k of [2, 4]) generate(SCALED(k), ["dist/bench-task.js", "gen", SCALED(k), String(k)]);

/** The sheet part of a sheet name, through workbook.xml and its relationships. */
function sheetPart(files, name) {
  const wb = strFromU8(files["xl/workbook.xml"]);
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wb)[1];
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]);
  const target =
    new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)[1];
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

function strayRow(xml, text) {
  const row = `<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>${text}</t></is></c></row>`;
  return xml
    .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')
    .replace("</sheetData>", `${row}</sheetData>`);
}

if (TASKS.some((t) => t.endsWith("-stray")) && !existsSync(STRAY)) {
  const files = unzipSync(readFileSync(FILE));
  for (const [name, text] of [
    ["党员", "1"],
    ["公开承诺", "\u200b"],
  ]) {
    const part = sheetPart(files, name);
    files[part] = strToU8(strayRow(strFromU8(files[part]), text));
  }
  writeFileSync(STRAY, zipSync(files, { level: 1 }));
  console.log(`wrote ${STRAY}`);
}

/**
 * The shared-strings copy: every string cell written in place — `t="str"><v>…</v>` (how ExcelJS's
 * streaming writer writes text) or `t="inlineStr"><is><t>…</t></is>` — becomes an index into one
 * xl/sharedStrings.xml (each distinct text once), as Excel itself saves a workbook.
 * The texts stay XML-escaped as they were; everything else in the package is kept.
 */
function sharedStringsCopy(src, target) {
  const files = unzipSync(readFileSync(src));
  const index = new Map();
  let refs = 0;
  const inline =
    /<c ([^>]*?)t="(?:inlineStr|str)"([^>]*)>(?:<is><t(?: [^>]*)?>([^<]*)<\/t><\/is>|<v>([^<]*)<\/v>)<\/c>/g;
  for (const name of Object.keys(files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    const xml = strFromU8(files[name]).replace(inline, (_, pre, post, t1, t2) => {
      const text = t1 ?? t2;
      let i = index.get(text);
      if (i === undefined) index.set(text, (i = index.size));
      refs++;
      return `<c ${pre}t="s"${post}><v>${i}</v></c>`;
    });
    files[name] = strToU8(xml);
  }
  const items = [...index.keys()].map((t) => `<si><t xml:space="preserve">${t}</t></si>`).join("");
  files["xl/sharedStrings.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${refs}" uniqueCount="${index.size}">${items}</sst>`,
  );
  const ct = strFromU8(files["[Content_Types].xml"]);
  if (!ct.includes("/xl/sharedStrings.xml"))
    files["[Content_Types].xml"] = strToU8(
      ct.replace(
        "</Types>",
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
      ),
    );
  const relsName = "xl/_rels/workbook.xml.rels";
  const rels = strFromU8(files[relsName]);
  if (!rels.includes("relationships/sharedStrings"))
    files[relsName] = strToU8(
      rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdSst1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
      ),
    );
  writeFileSync(target, zipSync(files, { level: 6 }));
  console.log(`wrote ${target} (${refs} string cells, ${index.size} distinct)`);
}
if (TASKS.some((t) => t.endsWith("-sst")) && !existsSync(SST)) sharedStringsCopy(FILE, SST);

/** python3 with pandas and openpyxl (Debian's packages live under /usr/bin/python3). */
function findPandas() {
  for (const py of ["/usr/bin/python3", "python3"]) {
    const r = spawnSync(
      py,
      ["-c", "import pandas, openpyxl; print(pandas.__version__, openpyxl.__version__)"],
      {
        encoding: "utf8",
      },
    );
    if (r.status === 0) return { py, versions: r.stdout.trim() };
  }
  return undefined;
}
const PANDAS_SCRIPT =
  "import sys, json, pandas as pd\n" +
  "d = pd.read_excel(sys.argv[1], sheet_name=None)\n" +
  "print(json.dumps({'sheets': len(d), 'cells': int(sum(df.size for df in d.values()))}))\n";
const pandas = TASKS.some((t) => t.startsWith("pandas")) ? findPandas() : undefined;

/** argv of one task: the input file decided by the task's suffix. */
function command(task) {
  if (task === "node") return [process.execPath, "-e", "0"]; // Node's own start-up, for scale
  if (task === "help") return [process.execPath, "bin/pioneer-ledger.js", "--help"];
  if (task === "office") return [process.execPath, "dist/bench-office.js", FILE];
  if (task === "pane") return [process.execPath, "scripts/bench-pane.mjs", FILE, SPLIT];
  const m = /^(.*?)(?:-(stray|sst|x\d))?$/.exec(task);
  const input =
    m[1] === "compile"
      ? SPLIT
      : m[2] === "stray"
        ? STRAY
        : m[2] === "sst"
          ? SST
          : m[2]?.startsWith("x")
            ? SCALED(m[2].slice(1))
            : FILE;
  if (m[1] === "pandas") return [pandas.py, "-c", PANDAS_SCRIPT, input];
  return [process.execPath, "dist/bench-task.js", m[1], input];
}

function once(task) {
  const [cmd, ...args] = command(task);
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M %U %S", cmd, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`${task} failed: ${r.stderr}`);
  const [wall, rssKb, user, sys] = r.stderr.trim().split("\n").pop().split(" ").map(Number);
  const last = r.stdout.trim().split("\n").pop();
  return { wall, rss: rssKb / 1024, cpu: user + sys, out: last.startsWith("{") ? JSON.parse(last) : {} };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** task → its runs, in order (round i of a round group is run i of each of its tasks). */
const runs = new Map();
const results = new Map();
function record(task) {
  const all = runs.get(task);
  const r = {
    task,
    n: all.length,
    wall: median(all.map((x) => x.wall)),
    rss: median(all.map((x) => x.rss)),
    cpu: median(all.map((x) => x.cpu)),
    out: all[0].out,
  };
  results.set(task, r);
  process.stderr.write(
    `${task}: ${r.wall.toFixed(2)} s, CPU ${r.cpu.toFixed(2)} s, ${r.rss.toFixed(0)} MB (${r.n} runs)\n`,
  );
  return r;
}
function measure(task, n = ONCE.has(task) ? 1 : RUNS) {
  runs.set(
    task,
    Array.from({ length: n }, () => once(task)),
  );
  return record(task);
}
/** The tasks of a round group, one run each per round. */
function measureRounds(tasks) {
  for (const t of tasks) runs.set(t, []);
  for (let i = 0; i < RUNS; i++)
    for (const t of tasks) {
      runs.get(t).push(once(t));
      process.stderr.write(`  round ${i + 1}: ${t} ${runs.get(t).at(-1).wall.toFixed(2)} s\n`);
    }
  for (const t of tasks) record(t);
}
/** Whether a task can run here (pandas needs python3 with pandas and openpyxl). */
const runnable = (task) => !task.startsWith("pandas") || pandas !== undefined;

const load0 = loadavg()[0];
for (const task of TASKS) {
  if (results.has(task)) continue;
  const group = ROUNDS.find((g) => g.includes(task));
  if (group) {
    measureRounds(group.filter((t) => TASKS.includes(t) && runnable(t)));
    continue;
  }
  if (task === "scale") {
    for (const t of ["validate", "evaluate"])
      for (const k of [1, 2, 4])
        if (!(k === 1 && results.has(t))) measure(k === 1 ? t : `${t}-x${k}`, k === 4 ? 1 : RUNS);
  } else if (!runnable(task)) continue;
  else if (task === "pane" && !(existsSync("dist/js/check-worker.js") && existsSync("/usr/bin/chromium")))
    console.log("pane: not measured — needs `npm run build:addin` and /usr/bin/chromium");
  else measure(task);
}

const f2 = (x) => x.toFixed(2);
const size = statSync(FILE).size / 2 ** 20;
console.log(
  `\nnode ${process.version} · ${cpus().length} × ${cpus()[0].model} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · load average ${load0.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`,
);
console.log(
  `file ${FILE} (${size.toFixed(1)} MB)${existsSync(SST) ? `; shared-strings copy ${(statSync(SST).size / 2 ** 20).toFixed(1)} MB` : ""}`,
);
if (TASKS.some((t) => t.startsWith("pandas")))
  console.log(
    pandas
      ? `pandas + openpyxl: ${pandas.versions} (${pandas.py})`
      : "pandas: not measured — no python3 with pandas and openpyxl (apt-get install python3-pandas python3-openpyxl)",
  );

// Ratios first: ours ÷ the baseline's, in wall time and in CPU time; the targets of issue 12.
const ratioRows = [
  ["evaluate", "exceljs-full", 1 / 4],
  ["evaluate", "pandas", 1 / 9],
  ["evaluate-sst", "exceljs-full-sst", 1 / 4],
  ["evaluate-sst", "pandas-sst", 1 / 9],
  ["validate", "exceljs-full", 1 / 8],
  ["validate-sst", "exceljs-full-sst", 1 / 8],
  ["validate", "exceljs-stream", undefined],
];
console.log(
  `\nRatios: the median of ${RUNS} rounds' ratios where both tasks ran in the same rounds (each once per round).`,
);
console.log("\n| ours ÷ baseline | wall | CPU | target |");
console.log("|---|---|---|---|");
/** The median of the per-round ratios where both ran in rounds together, else of the medians. */
function ratio(a, b, key) {
  const xs = runs.get(a);
  const ys = runs.get(b);
  if (xs.length === ys.length && ROUNDS.some((g) => g.includes(a) && g.includes(b)))
    return median(xs.map((x, i) => x[key] / ys[i][key]));
  return results.get(a)[key] / results.get(b)[key];
}
for (const [a, b, target] of ratioRows) {
  if (!results.has(a) || !results.has(b)) continue;
  const rw = ratio(a, b, "wall");
  const rc = ratio(a, b, "cpu");
  const t = target ? `≤ 1/${1 / target} (${Math.max(rw, rc) <= target ? "met" : "not met"})` : "";
  console.log(`| ${a} ÷ ${b} | 1/${f2(1 / rw)} | 1/${f2(1 / rc)} | ${t} |`);
}

function detail(o) {
  if (o.files)
    return `${o.files} files (${o.accepted} accepted, ${o.returned} returned); read ${f2(o.readMs / 1000)} s; district workbook ${o.outMb.toFixed(1)} MB; ${o.lists} commended`;
  if (o.outMb)
    return `read ${f2(o.readMs / 1000)} s; result workbook ${o.outMb.toFixed(1)} MB; ${o.lists} commended`;
  if (o.findings !== undefined)
    return `read ${f2(o.readMs / 1000)} s (CPU ${f2(o.readCpuMs / 1000)} s); ${o.findings} findings`;
  if (o.syncs)
    return `write ${f2(o.writeMs / 1000)} s (CPU ${f2(o.writeCpuMs / 1000)} s); ${o.cells} cells; ${o.syncs} syncs; largest request ${o.maxRequestMb.toFixed(2)} MB (${o.maxCalls} calls)`;
  if (o.cells) return `${o.cells} cells`;
  if (o.validate)
    return [
      paneChecks(o),
      o.evaluate && paneEvaluate(o.evaluate),
      o.compile && paneCompile(o.compile),
      o.excel && paneExcel(o.excel),
    ]
      .filter(Boolean)
      .join("; ");
  if (o.readCpuMs !== undefined) return `CPU in read ${f2(o.readCpuMs / 1000)} s`;
  return "";
}
/** The pane task's checks: opening, 校验台账, the 检查基准日 changed. */
function paneChecks(o) {
  return `longest main-thread task: opening ${o.open.longest.toFixed(0)} ms, 校验台账 ${o.validate.longest.toFixed(0)} ms (${o.validate.count} over 50 ms), 检查基准日 changed ${o.recheck.longest.toFixed(0)} ms (${o.recheck.count} over 50 ms); took ${f2(o.open.ms / 1000)} / ${f2(o.validate.ms / 1000)} / ${f2(o.recheck.ms / 1000)} s; ${o.workers} workers`;
}
/** The pane task's 考评并生成表彰名单. */
function paneEvaluate(e) {
  return `考评 ${f2(e.ms / 1000)} s (longest task ${e.longest.toFixed(0)} ms, ${e.count} over 50 ms)`;
}
/** The pane task's 汇总报送 of the district's units' files. */
function paneCompile(c) {
  return `汇总报送 of ${c.read.files} files ${f2(c.read.ms / 1000)} s (longest task ${c.read.longest.toFixed(0)} ms, ${c.read.count} over 50 ms), 生成全区汇总 ${f2(c.written.ms / 1000)} s (longest task ${c.written.longest.toFixed(0)} ms, ${c.written.count} over 50 ms)`;
}
/** The pane task's Excel path: the Grids sent to the check worker (scripts/excel-path). */
function paneExcel(x) {
  const step = (name, s) =>
    `${name} ${f2(s.ms / 1000)} s (longest task ${s.longest.toFixed(0)} ms, ${s.count} over 50 ms)`;
  return `Excel's path: ${step("校验台账", x.validate)}, ${step("检查基准日 changed", x.recheck)}, ${step("考评", x.evaluate)}; the same check on the main thread: a ${x.here.longest.toFixed(0)} ms task`;
}
console.log("\n| task | wall (s) | CPU (s) | peak RSS (MB) | runs | detail |");
console.log("|---|---|---|---|---|---|");
for (const r of results.values())
  console.log(
    `| ${r.task} | ${f2(r.wall)} | ${f2(r.cpu)} | ${r.rss.toFixed(0)} | ${r.n} | ${detail(r.out)} |`,
  );

/** Least-squares slope of log(y) over log(x): y ∝ x^slope. */
function exponent(xs, ys) {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b) / lx.length;
  const my = ly.reduce((a, b) => a + b) / ly.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < lx.length; i++) {
    num += (lx[i] - mx) * (ly[i] - my);
    den += (lx[i] - mx) ** 2;
  }
  return num / den;
}
if (TASKS.includes("scale")) {
  console.log("\n| scaling | 1× | 2× | 4× | exponent |");
  console.log("|---|---|---|---|---|");
  for (const t of ["validate", "evaluate"]) {
    const rs = [t, `${t}-x2`, `${t}-x4`].map((n) => results.get(n));
    for (const [label, key, fmt] of [
      ["wall (s)", "wall", f2],
      ["CPU (s)", "cpu", f2],
      ["peak RSS (MB)", "rss", (x) => x.toFixed(0)],
    ])
      console.log(
        `| ${t} ${label} | ${rs.map((r) => fmt(r[key])).join(" | ")} | ${f2(
          exponent(
            [1, 2, 4],
            rs.map((r) => r[key]),
          ),
        )} |`,
      );
  }
}
