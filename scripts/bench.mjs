// `npm run bench`: validates the district-scale sample and reports wall time and peak memory beside
// ExcelJS's plain read of the same file, in the same run (these machines are noisy: compare within a run);
// `compile` compiles the same district split into its 30 unit files (one per 党（工）委).
// `validate-stray` / `evaluate-stray` run on the same ledger with stray content at row 1,048,576 (a
// typed "1" at 党员!A1048576, a zero-width space at 公开承诺!A1048576, every <dimension> to XFD1048576),
// which must cost what its real content costs (ledger-format.md §1.4).
// Each task runs in its own process under /usr/bin/time; the median of N runs is reported.
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { cpus, totalmem } from "os";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const FILE = process.env.BENCH_FILE ?? ".tmp/district-ledger.xlsx";
const SPLIT = process.env.BENCH_SPLIT ?? ".tmp/district-split";
const STRAY = FILE.replace(/\.xlsx$/, "-stray.xlsx");
const TASKS = (
  process.env.BENCH_TASKS ??
  "evaluate,evaluate-stray,compile,validate,validate-stray,read,exceljs-stream,exceljs-full"
).split(",");

execFileSync(process.execPath, ["scripts/build-cli.mjs"], { stdio: "inherit" });
if (!existsSync(FILE)) {
  mkdirSync(".tmp", { recursive: true });
  const t0 = Date.now();
  execFileSync(process.execPath, ["bin/pioneer-ledger.js", "sample", "--size", "district", "-o", FILE], {
    stdio: "inherit",
  });
  console.log(`generated ${FILE} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (TASKS.includes("compile") && !existsSync(SPLIT)) {
  const t0 = Date.now();
  execFileSync(
    process.execPath,
    ["bin/pioneer-ledger.js", "sample", "--size", "district", "--split-by-unit", SPLIT],
    { stdio: "inherit" },
  );
  console.log(`generated ${SPLIT} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

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

function once(task) {
  const input = task === "compile" ? SPLIT : task.endsWith("-stray") ? STRAY : FILE;
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, "dist/bench-task.js", task, input], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`${task} failed: ${r.stderr}`);
  const [wall, rssKb] = r.stderr.trim().split("\n").pop().split(" ").map(Number);
  return { wall, rssMb: rssKb / 1024, out: JSON.parse(r.stdout.trim().split("\n").pop()) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const task of TASKS) {
  const runs = [];
  for (let i = 0; i < (task === "exceljs-full" ? 1 : RUNS); i++) runs.push(once(task));
  rows.push({
    task,
    wall: median(runs.map((r) => r.wall)),
    rss: median(runs.map((r) => r.rssMb)),
    n: runs.length,
    out: runs[0].out,
  });
}
const size = statSync(FILE).size / 1024 / 1024;
console.log(
  `\nfile ${FILE} (${size.toFixed(1)} MB) · node ${process.version} · ${cpus().length} × ${cpus()[0].model} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
);
console.log("| task | wall (s, median) | peak RSS (MB) | runs | detail |");
console.log("|---|---|---|---|---|");
for (const r of rows) {
  const detail =
    r.out.findings !== undefined && !r.out.outMb
      ? `read ${(r.out.readMs / 1000).toFixed(2)} s; CPU ${(r.out.readCpuMs / 1000).toFixed(2)} s read, ${(r.out.cpuMs / 1000).toFixed(2)} s in all; ${JSON.stringify(r.out.summary)}; ${r.out.findings} findings`
      : r.out.files
        ? `${r.out.files} files (${r.out.accepted} accepted, ${r.out.returned} returned); read ${(r.out.readMs / 1000).toFixed(2)} s; district workbook ${r.out.outMb.toFixed(1)} MB; ${r.out.lists} commended`
        : r.out.outMb
          ? `read ${(r.out.readMs / 1000).toFixed(2)} s; result workbook ${r.out.outMb.toFixed(1)} MB; ${r.out.lists} commended`
          : r.out.summary
            ? `read ${(r.out.readMs / 1000).toFixed(2)} s; ${JSON.stringify(r.out.summary)}`
            : r.out.readCpuMs !== undefined
              ? `CPU ${(r.out.readCpuMs / 1000).toFixed(2)} s`
              : r.out.cells
                ? `${r.out.cells} cells`
                : "";
  console.log(`| ${r.task} | ${r.wall.toFixed(2)} | ${r.rss.toFixed(0)} | ${r.n} | ${detail} |`);
}
const base = rows.find((r) => r.task === "exceljs-full") ?? rows.find((r) => r.task === "exceljs-stream");
const ours = rows.find((r) => r.task === "validate");
if (base && ours)
  console.log(
    `\nvalidate vs ${base.task}: ${(base.wall / ours.wall).toFixed(1)}× faster, ${(base.rss / ours.rss).toFixed(1)}× less memory`,
  );
