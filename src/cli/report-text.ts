// Human-readable validate output: the sheets found, the counts, then errors and warnings by sheet.
import type { Analysis } from "../engine/analyze";
import { summarize } from "../engine/findings";
import { messageOf } from "../i18n/findings";
import { listOf, type Lang } from "../i18n/text";
import { toISO } from "../engine/dates";
import { t } from "../i18n/cli";
import type { Evaluation } from "../engine/evaluate";
import { COMMENDATION_LISTS } from "../engine/commend";
import { PHASE_NAMES } from "../engine/campaign";
import { begunPhases } from "../engine/check-date";
import type { Ledger } from "../engine/ledger";
import { draftLine } from "../i18n/draft";
import { listedNotSelected } from "../report/not-selected-sheet";

const LIMIT = 40;
const SEVERITY_KEYS = { error: "sevError", warning: "sevWarning", info: "sevInfo" } as const;

export function validateText(file: string, a: Analysis, lang: Lang): string {
  const lines: string[] = [];
  lines.push(
    `${t(lang, "labelled", { label: t(lang, "ledger"), value: file })}    ${t(lang, "labelled", { label: t(lang, "asOf"), value: toISO(a.ledger.asOf) })}`,
  );
  const found = a.overview.filter((s) => s.foundAs).length;
  lines.push(t(lang, "sheetsFound", { found, total: a.overview.length }));
  for (const s of a.overview) {
    if (!s.foundAs) {
      lines.push(`  ✗ ${s.name}  ${t(lang, "missing")}`);
      continue;
    }
    const as = s.foundAs !== s.name ? `（${s.foundAs}）` : "";
    const hdr = s.headerRow ? t(lang, "headerRow", { n: s.headerRow }) : "";
    lines.push(`  ✓ ${s.name}${as}  ${hdr}  ${t(lang, "records", { n: s.records })}`);
  }
  if (a.ignoredSheets.length)
    lines.push(t(lang, "labelled", { label: t(lang, "ignored"), value: listOf(a.ignoredSheets) }));
  if (found === 0) lines.push(t(lang, "noLedger"));
  const sum = summarize(a.findings);
  lines.push("", t(lang, "summary", sum));
  for (const sev of ["error", "warning"] as const) {
    const list = a.findings.filter((f) => f.severity === sev);
    for (const f of list.slice(0, LIMIT)) {
      const where = f.sheet ? `${f.sheet}${f.cell ? "!" + f.cell : ""}` : "";
      const label = t(lang, SEVERITY_KEYS[sev]);
      lines.push(
        `  [${label}] ${where} ${t(lang, "labelled", { label: f.code, value: messageOf(f, lang) })}`,
      );
    }
    if (list.length > LIMIT) lines.push("  " + t(lang, "more", { n: list.length - LIMIT }));
  }
  const infos = new Map<string, number>();
  for (const f of a.findings) if (f.severity === "info") infos.set(f.code, (infos.get(f.code) ?? 0) + 1);
  if (infos.size)
    lines.push(
      t(lang, "infoByCode") + " " + [...infos].map(([c, n]) => `${c} ${n}`).join(t(lang, "itemSeparator")),
    );
  lines.push(sum.error ? t(lang, "hasErrors", { n: sum.error }) : t(lang, "noErrors"));
  return lines.join("\n");
}

const TOP = 3;

/** evaluate / demo: counts, findings by severity, the top of each list and the output path. */
export function evaluationText(
  file: string,
  output: string | null,
  a: Analysis,
  ev: Evaluation,
  lang: Lang,
): string {
  const lines: string[] = [];
  const sum = summarize(a.findings);
  const found = a.overview.filter((s) => s.foundAs);
  const records = found.reduce((n, s) => n + s.records, 0);
  lines.push(
    `${t(lang, "labelled", { label: t(lang, "ledger"), value: file })}    ${t(lang, "labelled", { label: t(lang, "asOf"), value: toISO(a.ledger.asOf) })}`,
  );
  lines.push(
    `${t(lang, "sheetsFound", { found: found.length, total: a.overview.length })} · ${t(lang, "records", { n: records })}`,
  );
  lines.push(t(lang, "summary", sum));
  if (found.length === 0) lines.push(t(lang, "noLedger"));
  lines.push(...draftLines(ev, lang), ...scoreLines(ev, a.ledger, lang));
  if (output !== null) lines.push(t(lang, "written", { file: output }));
  return lines.join("\n");
}

/** The line the 表彰名单 carries under its title while the ledger has errors (§5.1). */
export function draftLines(ev: Evaluation, lang: Lang): string[] {
  return ev.draft ? [draftLine(ev.draft, lang)] : [];
}

/**
 * What was scored and the top of each list of the phases begun by 检查基准日 (provisional ones marked
 * 拟推荐), or why nothing was scored.
 */
export function scoreLines(ev: Evaluation, ledger: Pick<Ledger, "rules" | "asOf">, lang: Lang): string[] {
  if (ev.blockedBy.length) return [t(lang, "blocked", { keys: listOf(ev.blockedBy) })];
  const lines: string[] = [];
  const orgs = ev.scores.filter((s) => s.kind === "organization").length;
  lines.push(t(lang, "scored", { orgs, members: ev.scores.length - orgs }));
  const begun = begunPhases(ledger.rules, ledger.asOf);
  for (const list of COMMENDATION_LISTS.filter((l) => begun.includes(l.phase))) {
    const entries = ev.commendations.filter((c) => c.phase === list.phase && c.list === list.name);
    const top = entries
      .slice(0, TOP)
      .map((c) => `${c.rank}. ${c.name}（${c.id}）${c.total.toFixed(1)}`)
      .join("  ");
    const mark = ev.provisionalPhases.includes(list.phase) ? t(lang, "provisionalList") : "";
    const people = list.kind === "member" || list.kind === "worker";
    const count = people
      ? t(lang, "listCountPeople", { people: entries.length })
      : t(lang, "listCount", { n: entries.length });
    lines.push(
      `  ${PHASE_NAMES[list.phase]} ${list.name}${mark}：${count}${entries.length ? "  " + top : ""}`,
    );
  }
  lines.push(t(lang, "notSelected", { n: listedNotSelected(ev).length }));
  return lines;
}
