// 写入校验结果表: the findings of the last check as the 校验结果 sheet (replacing an earlier one).
import type { Analysis } from "../../engine/analyze";
import type { LedgerHost } from "../../hosts/host";
import { findingsSheet } from "../../report/findings-sheet";
import type { Lang } from "../../i18n/text";
import type { Job } from "../job";

/** Resolves to the name of the sheet written. */
export function writeFindingsJob(host: LedgerHost, analysis: Analysis, lang: Lang): Job<string> {
  return async (run) => {
    const model = findingsSheet(analysis, lang);
    await host.writeSheets([model], { ...run, replace: [model.name] });
    return model.name;
  };
}
