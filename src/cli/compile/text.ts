// compile's human output: counts per status, which files go back and why, the cross-unit problems,
// what was scored and what was written.
import { toISO } from "../../engine/dates";
import { type Compilation, type Submission, unitLabel } from "../../engine/compile";
import { reasonText } from "../../i18n/submissions";
import type { Lang } from "../../i18n/text";
import { messageOf } from "../../i18n/findings";
import { type TextKey, t } from "../../i18n/cli";
import { draftLines, scoreLines } from "../report-text";
import type { CompileRun } from "./json";
import type { SkipReason } from "./inputs";

const SKIP_TEXT: Record<SkipReason, TextKey> = {
  lock: "skipLock",
  "not-xlsx": "skipNotXlsx",
  folder: "skipFolder",
  hidden: "skipHidden",
  duplicate: "skipDuplicate",
  own: "skipOwn",
};
const CROSS_LIMIT = 20;

export function compileText(c: Compilation, run: CompileRun, lang: Lang, noticeFolder?: string): string {
  const lines = [t(lang, "compileHead", { n: c.submissions.length, asOf: toISO(c.district.asOf) })];
  if (run.skipped.length)
    lines.push(
      t(lang, "compileSkipped"),
      ...run.skipped.map((s) => "  " + t(lang, SKIP_TEXT[s.why], { file: s.path })),
    );
  const count = (st: Submission["status"]) => c.submissions.filter((s) => s.status === st).length;
  lines.push(
    t(lang, "compileCounts", {
      accepted: count("accepted"),
      returned: count("returned"),
      superseded: count("superseded"),
    }),
  );
  lines.push(
    ...listOf(c, "returned", "compileReturned", lang),
    ...listOf(c, "superseded", "compileSuperseded", lang),
  );
  lines.push(...crossLines(c, lang));
  const warnings = c.submissions
    .filter((s) => s.status === "accepted")
    .reduce((n, s) => n + s.summary.warning, 0);
  if (warnings) lines.push(t(lang, "compileWarnings", { n: warnings }));
  if (run.output !== null) {
    lines.push(
      "",
      ...draftLines(c.evaluation, lang),
      ...(c.evaluation.scores.length || count("accepted")
        ? scoreLines(c.evaluation, c.analysis.ledger, lang)
        : [t(lang, "notScored")]),
    );
    lines.push(t(lang, "written", { file: run.output }));
  }
  if (run.notices.length && noticeFolder)
    lines.push(t(lang, "compileNotices", { n: run.notices.length, folder: noticeFolder }));
  return lines.join("\n");
}

/** `  U02 凤鸣镇党委（U02.xlsx）：reason`, one line per file of that status. */
function listOf(c: Compilation, status: Submission["status"], head: TextKey, lang: Lang): string[] {
  const files = c.submissions.filter((s) => s.status === status);
  if (!files.length) return [];
  const who = (s: Submission) => (s.unit.id !== undefined ? `${unitLabel(s.unit)}（${s.file}）` : s.file);
  return [t(lang, head), ...files.map((s) => `  ${who(s)}：${reasonText(s, lang)}`)];
}

function crossLines(c: Compilation, lang: Lang): string[] {
  if (!c.crossFindings.length) return [];
  const shown = c.crossFindings
    .slice(0, CROSS_LIMIT)
    .map((f) => `  ${f.file} ${f.sheet}!${f.cell}：${messageOf(f, lang)}`);
  const more = c.crossFindings.length - shown.length;
  return [
    t(lang, "compileCross", { n: c.crossFindings.length }),
    ...shown,
    ...(more > 0 ? ["  " + t(lang, "more", { n: more })] : []),
  ];
}
