// One benchmark task in its own process (scripts/bench.mjs runs each under /usr/bin/time so wall
// time and peak memory are the process's own). Prints one JSON line.
import type * as ExcelJSTypes from "exceljs";
import { readXlsxBytes } from "../hosts/xlsx/read-file";
import { evaluateBytes, ledgerSource, patchEvaluated } from "../cli/commands/evaluate";
import { checkFile } from "../cli/commands/validate";
import { parseISO } from "../engine/dates";
import { summarize } from "../engine/findings";
import { patchWorkbook } from "../hosts/xlsx/patch";
import { RESULT_SHEET_NAMES } from "../engine/schema";
import { readFileSync, readdirSync } from "fs";
import { writeFile } from "fs/promises";
import { DISTRICT_SAMPLE, generateLedger } from "../samples/generate";
import * as path from "path";
import { compileDistrict, openDistrict } from "../engine/compile";
import { checkedForCompiling } from "../engine/compile";
import { blankWorkbook } from "../hosts/xlsx/blank-workbook";
import { buildDistrictReport } from "../report/district";
import { tuneHeap } from "../cli/heap";

/** compile: every unit's file of the folder read and checked, the district compiled and written. */
async function compileFolder(folder: string): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  const district = openDistrict({ asOf: parseISO("2012-11-07") });
  const files = readdirSync(folder)
    .filter((f) => f.endsWith(".xlsx"))
    .sort();
  let readMs = 0;
  const checked = [];
  for (const f of files) {
    const t = performance.now();
    const bytes = readFileSync(path.join(folder, f));
    const workbook = await readXlsxBytes(bytes, f);
    readMs += performance.now() - t;
    checked.push(checkedForCompiling(district, { file: f, workbook }));
  }
  const c = compileDistrict(district, checked);
  const out = patchWorkbook(blankWorkbook(), buildDistrictReport(c), { replace: RESULT_SHEET_NAMES });
  const count = (st: string) => c.submissions.filter((s) => s.status === st).length;
  return {
    files: files.length,
    accepted: count("accepted"),
    returned: count("returned"),
    readMs,
    outMb: out.length / 2 ** 20,
    lists: c.evaluation.commendations.length,
    cpuMs: cpuMs(),
    ms: performance.now() - t0,
  };
}

/** The district sample with `k` times its organisations per unit (k × the rows), for the scaling runs. */
async function generateScaled(file: string, k: number): Promise<Record<string, unknown>> {
  const { models, stats } = generateLedger({
    ...DISTRICT_SAMPLE,
    orgsPerUnit: (DISTRICT_SAMPLE.orgsPerUnit ?? 33) * k,
  });
  // imported here: the ExcelJS writer must not load (0.3 s, 30 MB) in the tasks that measure ours
  const { writeSheetModelsStreaming } = await import("../hosts/xlsx/write");
  await writeSheetModelsStreaming(models, file);
  return { rows: stats.totalRows };
}

/** CPU time of the process so far (user + system): steadier than wall time on a busy machine. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function run(named: string, file: string): Promise<Record<string, unknown>> {
  const task = named.replace(/-stray$/, ""); // the same task on the stray-content copy

  // validate and evaluate run with the CLI's heap setting (src/cli/heap.ts); the rest with V8's own
  if (task === "evaluate" || task === "validate") tuneHeap();
  if (task === "compile") return compileFolder(file);
  if (task === "gen") return generateScaled(file, Number(process.argv[4]));
  const t0 = performance.now();
  // ExcelJS is loaded only by its own tasks: our tasks pay for what the CLI loads, nothing more.
  // (require, not import(): the CommonJS package's `stream` is lost in import()'s ESM wrapper)
  const ExcelJS: typeof ExcelJSTypes | undefined = task.startsWith("exceljs")
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports
      require("exceljs")
    : undefined;
  if (ExcelJS && task === "exceljs-full") {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    let cells = 0;
    wb.eachSheet((ws) => ws.eachRow((row) => (cells += row.cellCount)));
    return { cells, ms: performance.now() - t0 };
  }
  if (ExcelJS && task === "exceljs-stream") {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      sharedStrings: "cache",
      styles: "ignore",
      worksheets: "emit",
    });
    let cells = 0;
    for await (const ws of reader)
      for await (const row of ws as AsyncIterable<ExcelJSTypes.Row>) cells += row.cellCount;
    return { cells, ms: performance.now() - t0 };
  }
  if (task === "evaluate") return evaluateTask(file, t0);
  if (task === "read") {
    const wb = await readXlsxBytes(readFileSync(file), file);
    return { sheets: wb.sheets.length, ms: performance.now() - t0, readCpuMs: cpuMs() };
  }
  // validate: the CLI's own steps (the file's bytes are the read's alone, as in the CLI)
  let tRead = 0;
  let readCpuMs = 0;
  const a = await checkFile(file, parseISO("2012-11-07"), {}, () => {
    tRead = performance.now() - t0;
    readCpuMs = cpuMs();
  });
  return {
    readCpuMs,
    cpuMs: cpuMs(),
    summary: summarize(a.findings),
    findings: a.findings.length,
    readMs: tRead,
    ms: performance.now() - t0,
  };
}

/**
 * evaluate, by the CLI's own steps: the file read and checked (the cells let go), scored, listed, the
 * sheets built; then read again for the patched copy (kept in memory, written to .tmp for a look).
 */
async function evaluateTask(file: string, t0: number): Promise<Record<string, unknown>> {
  let readMs = 0;
  const steps = {
    asOf: parseISO("2012-11-07"),
    lang: "zh-CN" as const,
    onRead: () => (readMs = performance.now() - t0),
  };
  const source = ledgerSource(file, steps.lang);
  const done = await evaluateBytes(source, file, steps, (a, ev) => ({
    summary: summarize(a.findings),
    lists: ev.commendations.length,
  }));
  const out = await patchEvaluated(source, done.models!);
  await writeFile(".tmp/bench-evaluate-out.xlsx", out); // as the CLI writes it: piece by piece
  const outMb = out.reduce((n, p) => n + p.length, 0) / 2 ** 20;
  return { cpuMs: cpuMs(), ...done.outcome, readMs, outMb, ms: performance.now() - t0 };
}

const [task, file] = process.argv.slice(2);
run(task, file).then(
  (r) => process.stdout.write(JSON.stringify({ task, ...r }) + "\n"),
  (e) => {
    process.stderr.write(String(e) + "\n");
    process.exitCode = 1;
  },
);
