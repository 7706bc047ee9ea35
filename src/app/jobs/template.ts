// 新建标准台账 and 插入评分规则表: the template's sheets the workbook lacks, nothing else.
import { RULES_SHEET } from "../../engine/schema";
import type { LedgerHost } from "../../hosts/host";
import { templateModels } from "../../report/template";
import type { Job } from "../job";

/** Adds the template sheets the workbook lacks; resolves to the names added. */
export function addTemplateJob(host: LedgerHost): Job<string[]> {
  return (run) => host.addMissingSheets(templateModels().models, run);
}

/** The template's 评分规则 sheet with the defaults, if the workbook has none; resolves to whether it was added. */
export function insertRulesJob(host: LedgerHost): Job<boolean> {
  return async (run) => {
    const model = templateModels().models.find((m) => m.name === RULES_SHEET.name)!;
    const added = await host.addMissingSheets([model], run);
    return added.length > 0;
  };
}
