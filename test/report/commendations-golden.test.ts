// A golden check of the 表彰名单 layout of the demo sample (ledger-format.md §6.1): every row as
// planned — its kind, height, cells with their spans — page breaks and print setup, in a text a
// reviewer can read. `UPDATE_GOLDEN=1` rewrites it after a deliberate change (read the diff).
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { analyze } from "../../src/engine/analyze";
import { evaluateLedger } from "../../src/engine/evaluate";
import { RESULT_SHEETS } from "../../src/engine/schema";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { writeSheetModels } from "../../src/hosts/xlsx/write";
import { buildReport } from "../../src/report/build";
import { planWorkbook, type SheetPlan } from "../../src/report/sheet-plan";
import { SMALL_SAMPLE, generateLedger } from "../../src/samples/generate";

const GOLDEN = path.join(__dirname, "../golden/sample-commendations.txt");

/** The plan as text: one line per row, `|` between cells, `[A:B]` where a cell spans columns. */
function layoutText(plan: SheetPlan): string {
  const out: string[] = [];
  const p = plan.print;
  out.push(
    `sheet ${plan.name}: ${plan.ncols} columns (${plan.columns.map((c) => c.width).join(" ")}), ` +
      `${p.paper} ${p.orientation}, fit to width ${p.fitToWidth}, header ${JSON.stringify(p.header)}, footer ${JSON.stringify(p.footer)}, ` +
      `header row ${plan.hasHeader}, breaks before rows ${p.rowBreaks.join(" ")}`,
  );
  const spans = new Map<string, string>();
  for (const m of plan.merges) {
    const [, a, r, b] = /^([A-Z]+)(\d+):([A-Z]+)\d+$/.exec(m)!;
    spans.set(`${r}|${a}`, `[${a}:${b}]`);
  }
  const breaks = new Set(p.rowBreaks);
  for (let r = 1; r <= plan.lastRow; r++) {
    const banner = plan.banners.find((b) => b.row === r);
    const i = r - plan.firstDataRow;
    const h = plan.rowHeights.get(r) ?? "-";
    const head = `${breaks.has(r) ? "==== page ====\n" : ""}${String(r).padStart(3)} ${String(h).padStart(5)} `;
    if (banner) {
      out.push(`${head}${banner.role}: ${banner.text}`);
      continue;
    }
    const kind = plan.headerRows.has(i) ? "header" : "row";
    const cells = plan.model.rows[i]
      .map((v, c) => {
        if (plan.covered.get(r)?.has(c)) return undefined;
        const span = spans.get(`${r}|${String.fromCharCode(65 + c)}`) ?? "";
        return `${v ?? ""}${span}`;
      })
      .filter((x) => x !== undefined);
    out.push(`${head}${kind}: ${cells.join(" | ")}`);
  }
  return out.join("\n") + "\n";
}

test("表彰名单 of the demo sample: the golden layout", async () => {
  const { models } = generateLedger(SMALL_SAMPLE);
  const a = analyze(readXlsx(await writeSheetModels(models)));
  const sheets = buildReport(a, evaluateLedger(a.ledger, a.findings));
  const plan = planWorkbook(sheets).sheets.find((s) => s.name === RESULT_SHEETS.commendations)!;
  const text = layoutText(plan);
  if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, text);
  expect(text).toBe(readFileSync(GOLDEN, "utf8"));
});
