// `npm run bench`: validates the district-scale sample and reports wall time and peak memory beside
// ExcelJS's plain read of the same file, in the same run (these machines are noisy: compare within a run);
// `compile` compiles the same district split into its 30 unit files (one per 党（工）委).
// Each task runs in its own process under /usr/bin/time; the median of N runs is reported.
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdirSync, statSync } from "fs";
import { cpus, totalmem } from "os";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const FILE = process.env.BENCH_FILE ?? ".tmp/district-ledger.xlsx";
const SPLIT = process.env.BENCH_SPLIT ?? ".tmp/district-split";
const TASKS = (process.env.BENCH_TASKS ?? "evaluate,compile,validate,read,exceljs-stream,exceljs-full").split(
  ",",
);

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

function once(task) {
  const input = task === "compile" ? SPLIT : FILE;
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
  const detail = r.out.files
    ? `${r.out.files} files (${r.out.accepted} accepted, ${r.out.returned} returned); read ${(r.out.readMs / 1000).toFixed(2)} s; district workbook ${r.out.outMb.toFixed(1)} MB; ${r.out.lists} commended`
    : r.out.outMb
      ? `read ${(r.out.readMs / 1000).toFixed(2)} s; result workbook ${r.out.outMb.toFixed(1)} MB; ${r.out.lists} commended`
      : r.out.summary
        ? `read ${(r.out.readMs / 1000).toFixed(2)} s; ${JSON.stringify(r.out.summary)}`
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
