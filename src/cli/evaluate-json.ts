// evaluate --json (cli.md): validate's shape plus scores, commendations and notSelected.
import type { Analysis } from "../engine/analyze";
import type { Evaluation } from "../engine/evaluate";
import type { Lang } from "../i18n/text";
import { validateJson } from "./findings-json";

export function evaluateJson(file: string, output: string | null, a: Analysis, ev: Evaluation, lang: Lang) {
  return { ...validateJson(file, a, lang), output, ...resultsJson(ev) };
}

/**
 * blockedBy, the draft mark, scores, commendations and notSelected (evaluate and compile). A list of
 * a phase in `provisionalPhases` is provisional even when it is empty (§5.1).
 */
export function resultsJson(ev: Evaluation) {
  return {
    blockedBy: ev.blockedBy,
    draft: ev.draft !== null,
    unscored: ev.draft?.unscored ?? 0,
    provisionalPhases: ev.provisionalPhases,
    scores: ev.scores.map((s) => ({
      kind: s.kind,
      id: s.id,
      name: s.name,
      unit: s.unit,
      phase: s.phase,
      criteria: s.criteria,
      approval: s.approval,
      deductions: s.deductions,
      total: s.total,
      grade: s.grade,
      veto: s.veto,
    })),
    commendations: ev.commendations.map((c) => ({
      phase: c.phase,
      list: c.list,
      kind: c.kind,
      rank: c.rank,
      id: c.id,
      name: c.name,
      unit: c.unit,
      total: c.total,
      ...(c.approval !== undefined ? { approval: c.approval } : {}),
      provisional: ev.provisionalPhases.includes(c.phase),
    })),
    notSelected: ev.notSelected.map((n) => ({
      phase: n.phase,
      list: n.list,
      kind: n.kind,
      id: n.id,
      name: n.name,
      unit: n.unit,
      reason: n.reason,
    })),
  };
}
