// 校验台账 (and the 概况 read): read every sheet, run engine.read + engine.validate. Checking again at
// another 检查基准日 reuses the last reading: the workbook is not read again.
import { analyze, type Analysis } from "../../engine/analyze";
import { parseISO } from "../../engine/dates";
import { summarize } from "../../engine/findings";
import type { Severity } from "../../engine/catalogue";
import type { Workbook } from "../../engine/grid";
import type { LedgerHost } from "../../hosts/host";
import { PANE_TEXTS } from "../../i18n/pane";
import type { Lang } from "../../i18n/text";
import { stage, type Job } from "../job";
import { rulesInForce, type RulesInForce } from "../results/rules-in-force";

export interface CheckParams {
  lang: Lang;
  /** The 检查基准日 as ISO text; "" for the 评分规则 sheet's date, else today. */
  asOf: string;
}

export interface ValidateResult {
  workbook: Workbook;
  analysis: Analysis;
  counts: Record<Severity, number>;
  rules: RulesInForce;
  /** The 检查基准日 asked for (CheckParams.asOf); the date in force is analysis.ledger.asOf. */
  asOf: string;
}

/** "" and valid ISO dates can be checked against; anything else (a half-typed date) cannot. */
export function isUsableAsOf(text: string): boolean {
  return text === "" || parseISO(text) !== undefined;
}

function check(workbook: Workbook, asOf: string, rules?: RulesInForce): ValidateResult {
  const day = asOf ? parseISO(asOf) : undefined;
  const analysis = analyze(workbook, day === undefined ? {} : { asOf: day });
  return {
    workbook,
    analysis,
    counts: summarize(analysis.findings),
    rules: rules ?? rulesInForce(workbook),
    asOf: day === undefined ? "" : asOf,
  };
}

export function validateJob(host: LedgerHost, p: CheckParams): Job<ValidateResult> {
  return async (run) => {
    await stage(run, PANE_TEXTS.stageRead, 0, 1);
    const workbook = await host.readWorkbook(run);
    await stage(run, PANE_TEXTS.stageCheck, 0, 1);
    const result = check(workbook, p.asOf);
    await stage(run, PANE_TEXTS.stageCheck, 1, 1);
    return result;
  };
}

/** The same reading checked at another 检查基准日 (engine only; the workbook is not touched). */
export function recheckJob(reading: ValidateResult, p: CheckParams): Job<ValidateResult> {
  return async (run) => {
    await stage(run, PANE_TEXTS.stageCheck, 0, 1);
    const result = check(reading.workbook, p.asOf, reading.rules);
    await stage(run, PANE_TEXTS.stageCheck, 1, 1);
    return result;
  };
}
