// The pane's services: engine + host, one function per button. No React and no Office.js here —
// every workbook access goes through the LedgerHost contract, so the same code runs in Excel, in
// browser preview and in the component tests (over a fake host).
import { analyze, type Analysis } from "../../engine/analyze";
import { evaluateLedger, type Evaluation } from "../../engine/evaluate";
import { parseISO } from "../../engine/dates";
import { summarize, type Finding } from "../../engine/findings";
import type { Severity } from "../../engine/catalogue";
import type { Workbook } from "../../engine/grid";
import { RULES_SHEET, SHEET_BY_ID } from "../../engine/schema";
import { buildReport } from "../../report/build";
import { findingsSheet } from "../../report/findings-sheet";
import { templateModels } from "../../report/template";
import type { SheetModel } from "../../report/sheet-model";
import type { CellFix, CellRef, LedgerHost } from "../../hosts/host";
import { t, type Lang } from "../i18n";
import { stage, type RunOptions } from "./run";
import { rulesInForce, type RulesInForce } from "./rules";
import { summarizeEvaluation, type EvaluationSummary } from "./summary";

export interface PaneOptions extends RunOptions {
  lang?: Lang;
}

export interface ValidateResult {
  workbook: Workbook;
  analysis: Analysis;
  counts: Record<Severity, number>;
  rules: RulesInForce;
}

/** 校验台账 (and the 概况 read): reads every sheet, runs engine.read + engine.validate. */
export async function validateLedger(
  host: LedgerHost,
  o: PaneOptions & { asOf?: string } = {},
): Promise<ValidateResult> {
  const lang = o.lang ?? "zh-CN";
  await stage(o, t(lang, "stageRead"), 0, 1);
  const workbook = await host.readWorkbook({ signal: o.signal, onProgress: o.onProgress });
  await stage(o, t(lang, "stageCheck"), 0, 1);
  const asOf = o.asOf ? parseISO(o.asOf) : undefined;
  const analysis = analyze(workbook, asOf === undefined ? {} : { asOf });
  await stage(o, t(lang, "stageCheck"), 1, 1);
  return { workbook, analysis, counts: summarize(analysis.findings), rules: rulesInForce(workbook) };
}

export interface EvaluateResult extends ValidateResult {
  evaluation: Evaluation;
  summary: EvaluationSummary;
  /** Names of the sheets written, in order. */
  written: string[];
  /** The sheets written, as built (with their chart requests, drawn by the host). */
  models: SheetModel[];
}

/** 考评并生成表彰名单: validate, score, select, build the result sheets and write the chosen ones. */
export async function evaluateAndWrite(
  host: LedgerHost,
  o: PaneOptions & { asOf?: string; resultSheets: readonly string[] },
): Promise<EvaluateResult> {
  const lang = o.lang ?? "zh-CN";
  const v = await validateLedger(host, o);
  await stage(o, t(lang, "stageScore"), 0, 2);
  const evaluation = evaluateLedger(v.analysis.ledger);
  await stage(o, t(lang, "stageBuild"), 1, 2);
  const models = buildReport(v.analysis, evaluation, lang).filter((m) => o.resultSheets.includes(m.name));
  await stage(o, t(lang, "stageBuild"), 2, 2);
  const written = models.map((m) => m.name);
  if (models.length)
    await host.writeSheets(models, { replace: written, signal: o.signal, onProgress: o.onProgress });
  return { ...v, evaluation, summary: summarizeEvaluation(evaluation), written, models };
}

/** 写入校验结果表: the findings of the last check as the 校验结果 sheet (replacing an earlier one). */
export async function writeFindingsSheet(
  host: LedgerHost,
  analysis: Analysis,
  o: PaneOptions = {},
): Promise<string> {
  const model = findingsSheet(analysis, o.lang ?? "zh-CN");
  await host.writeSheets([model], { replace: [model.name], signal: o.signal, onProgress: o.onProgress });
  return model.name;
}

/** The cells of findings that point at one (deduplicated, in order). */
export function cellsOf(findings: readonly Finding[]): CellRef[] {
  const seen = new Set<string>();
  const out: CellRef[] = [];
  for (const f of findings) {
    if (!f.sheet || !f.cell) continue;
    const k = `${f.sheet}\u0000${f.cell}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ sheet: f.sheet, cell: f.cell });
  }
  return out;
}

/** 标记问题单元格: fills the cells of the given findings; returns how many cells. */
export async function highlightFindings(
  host: LedgerHost,
  findings: readonly Finding[],
  color: string,
  o: PaneOptions = {},
): Promise<number> {
  const refs = cellsOf(findings);
  if (refs.length) await host.highlightCells(refs, color, o);
  return refs.length;
}

/** 清除标记. */
export async function clearHighlights(host: LedgerHost, o: PaneOptions = {}): Promise<void> {
  await host.clearHighlights(o);
}

/** The suggested fix of a finding as a cell write, or undefined when it has none. */
export function fixOf(f: Finding, analysis: Analysis): CellFix | undefined {
  if (!f.sheet || !f.cell || f.fix === undefined || f.fix === null || f.fix === "") return undefined;
  if (typeof f.fix === "number") return { sheet: f.sheet, cell: f.cell, value: f.fix, kind: "number" };
  const at = analysis.overview.find((s) => s.foundAs === f.sheet);
  const field = at && f.field ? SHEET_BY_ID[at.id].fields.find((x) => x.name === f.field) : undefined;
  const kind = field?.type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(f.fix) ? "date" : "text";
  return { sheet: f.sheet, cell: f.cell, value: f.fix, kind };
}

/** 应用所选修正: writes exactly the given fixes (the ticked and confirmed ones). */
export async function applyFixes(
  host: LedgerHost,
  fixes: readonly CellFix[],
  o: PaneOptions = {},
): Promise<void> {
  if (!fixes.length) return;
  await host.applyFixes([...fixes], o);
}

/** 新建标准台账: adds the template sheets the workbook lacks; returns the names added. */
export async function addTemplateSheets(host: LedgerHost, o: PaneOptions = {}): Promise<string[]> {
  return host.addMissingSheets(templateModels().models, o);
}

/** 插入评分规则表: the template's 评分规则 sheet with the defaults, if the workbook has none. */
export async function insertRulesSheet(host: LedgerHost, o: PaneOptions = {}): Promise<boolean> {
  const model = templateModels().models.find((m) => m.name === RULES_SHEET.name)!;
  const added = await host.addMissingSheets([model], o);
  return added.length > 0;
}
