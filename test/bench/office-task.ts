// `npm run bench` task "office": the Office host writing the district's result sheets into the typed
// Excel fake (test/fakes/excel-fake.ts), counting syncs and the largest request. Lives under test/
// because the fake does; bundled by scripts/build-cli.mjs into dist/bench-office.js.
import { readFileSync } from "fs";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { analyze } from "../../src/engine/analyze";
import { parseISO } from "../../src/engine/dates";
import { evaluateLedger } from "../../src/engine/evaluate";
import { buildReport } from "../../src/report/build";
import { RESULT_SHEET_NAMES } from "../../src/engine/schema";
import { ExcelFake } from "../fakes/excel-fake";
import { officeHostOver } from "../hosts/contract/adapters";

async function run(file: string): Promise<Record<string, unknown>> {
  const a = analyze(readXlsx(readFileSync(file)), { asOf: parseISO("2012-11-07") });
  const models = buildReport(a, evaluateLedger(a.ledger, a.findings));
  const fake = new ExcelFake({ sheets: [{ name: "党员", values: [["编号"], ["M001"]] }] });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await officeHostOver(fake).writeSheets(models, { replace: RESULT_SHEET_NAMES });
  const cpu = process.cpuUsage(cpu0);
  const cells = models.reduce((n, m) => n + m.rows.length * m.columns.length, 0);
  return {
    writeMs: performance.now() - t0,
    writeCpuMs: (cpu.user + cpu.system) / 1000,
    syncs: fake.syncs.length,
    maxRequestMb: Math.max(...fake.syncs.map((s) => s.requestBytes)) / 2 ** 20,
    maxCalls: Math.max(...fake.syncs.map((s) => s.calls)),
    cells,
  };
}

run(process.argv[2]).then(
  (r) => process.stdout.write(JSON.stringify({ task: "office", ...r }) + "\n"),
  (e) => {
    process.stderr.write(String(e instanceof Error ? e.stack : e) + "\n");
    process.exitCode = 1;
  },
);
