// Size of what the task pane loads before it can show anything: the <script> files of
// dist/taskpane.html (the taskpane entry's initial chunks), gzipped. Fails (exit 1) above the budget
// (350 KB, or PL_SIZE_BUDGET_KB). Lazy chunks (ExcelJS, the hosts, the sample generator) are listed
// for information. Writes dist/size-report.json.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const DIST = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const BUDGET_KB = Number(process.env.PL_SIZE_BUDGET_KB || 350);

const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
const initial = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g)]
  .map((m) => m[1])
  .filter((src) => !/^[a-z]+:\/\//i.test(src) && !src.startsWith("//"));
if (!initial.length) {
  console.error("size-report: no task-pane scripts found in dist/taskpane.html");
  process.exit(1);
}

const gz = (file) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1);

const rows = initial.map((file) => ({ file, bytes: readFileSync(join(DIST, file)).length, gzip: gz(file) }));
const total = rows.reduce((n, r) => n + r.gzip, 0);
const lazy = readdirSync(join(DIST, "js"))
  .filter((f) => f.endsWith(".js") && !initial.includes(`js/${f}`) && !f.startsWith("commands."))
  .map((f) => ({ file: `js/${f}`, gzip: gz(`js/${f}`) }))
  .sort((a, b) => b.gzip - a.gzip);

for (const r of rows) console.log(`  initial  ${r.file}  ${kb(r.bytes)} KB  →  ${kb(r.gzip)} KB gzipped`);
for (const r of lazy) console.log(`  lazy     ${r.file}  ${kb(r.gzip)} KB gzipped`);
console.log(`Task pane initial JS: ${kb(total)} KB gzipped (budget ${BUDGET_KB} KB)`);
writeFileSync(
  join(DIST, "size-report.json"),
  JSON.stringify({ initialGzipBytes: total, budgetKB: BUDGET_KB, initial: rows, lazy }, null, 2) + "\n",
);
if (total > BUDGET_KB * 1024) {
  console.error(
    `size-report: the task pane's initial JS is over budget by ${kb(total - BUDGET_KB * 1024)} KB`,
  );
  process.exit(1);
}
