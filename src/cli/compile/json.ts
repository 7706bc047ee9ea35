// compile --json (cli.md): evaluate's shape over the district — every finding with its file — plus
// `submissions` and `crossFindings`, the files left out and the notices written.
import { toISO } from "../../engine/dates";
import { type Compilation, unitLabel } from "../../engine/compile";
import { reasonText } from "../../i18n/submissions";
import { summarize } from "../../engine/findings";
import type { Lang } from "../../i18n/text";
import { findingJson } from "../findings-json";
import { resultsJson } from "../evaluate-json";
import type { Skipped } from "./inputs";

export interface CompileRun {
  /** Path of each submission, parallel to `c.submissions`. */
  paths: readonly string[];
  skipped: readonly Skipped[];
  /** The district workbook, when written. */
  output: string | null;
  notices: readonly string[];
}

export function compileJson(c: Compilation, run: CompileRun, lang: Lang) {
  const { findings } = c.analysis;
  return {
    files: run.paths,
    output: run.output,
    asOf: toISO(c.district.asOf),
    summary: summarize(findings),
    findings: findings.map((f) => findingJson(f, lang)),
    ...resultsJson(c.evaluation),
    submissions: c.submissions.map((s, i) => ({
      file: s.file,
      path: run.paths[i],
      unit: s.unit.id ?? s.unit.text,
      unitName: s.unit.name ?? null,
      unitLabel: unitLabel(s.unit),
      unitFrom: s.unit.from,
      reportedAt: s.reportedText ?? null,
      status: s.status,
      reason: s.reason ? reasonText(s, lang) : null,
      summary: s.summary,
    })),
    crossFindings: c.crossFindings.map((f) => ({ ...findingJson(f, lang), other: f.other })),
    unitsFrom: c.unitsFrom,
    skipped: run.skipped.map((s) => ({ path: s.path, reason: s.why })),
    notices: run.notices,
  };
}
