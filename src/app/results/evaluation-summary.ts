// What the 考评表彰 tab shows after a run: per phase and list the number selected and the top names,
// the grade distribution of the latest scored phase, and the 未入选说明 count.
import { PHASE_NAMES, type Phase, type RuleKey } from "../../engine/campaign";
import { COMMENDATION_LISTS } from "../../engine/commend";
import type { Draft, Evaluation } from "../../engine/evaluate";
import { GRADES, type Grade } from "../../engine/score";
import { listedNotSelected } from "../../report/not-selected-sheet";

export { GRADES };
export const TOP_NAMES = 3;

export interface ListSummary {
  phase: Phase;
  phaseName: string;
  list: string;
  selected: number;
  /** A list of members (counted with 名), not of organisations or units (counted with 个). */
  people: boolean;
  /** The first names by rank. */
  top: string[];
  /** The phase's decision date is after 检查基准日: the list is 拟推荐 (§5.1). */
  provisional: boolean;
}

export interface GradeCount {
  grade: Grade;
  organization: number;
  member: number;
}

/** Per 党（工）委: the share of ended quarters × organisations reviewed, and of objects × years evaluated. */
export interface UnitCoverage {
  unit: string;
  name: string;
  reviews: number | undefined;
  evaluations: number | undefined;
}

export interface EvaluationSummary {
  blockedBy: RuleKey[];
  /** The ledger still has errors: the lists are a draft (§5.1). */
  draft: Draft | null;
  lists: ListSummary[];
  /** The latest phase that has scores; undefined when nothing was scored. */
  gradePhase?: Phase;
  grades: GradeCount[];
  coverage: UnitCoverage[];
  /** Rows of 未入选说明 (as the sheet lists them). */
  notSelected: number;
}

const share = (xs: { done: number; total: number }[]): number | undefined => {
  const total = xs.reduce((n, x) => n + x.total, 0);
  return total ? xs.reduce((n, x) => n + x.done, 0) / total : undefined;
};

/** `begun`: the phases begun by 检查基准日 — the others have no lists (§5.1). */
export function summarizeEvaluation(ev: Evaluation, begun: readonly Phase[]): EvaluationSummary {
  const lists = COMMENDATION_LISTS.filter((l) => begun.includes(l.phase)).map((l): ListSummary => {
    const entries = ev.commendations
      .filter((c) => c.phase === l.phase && c.list === l.name)
      .sort((a, b) => a.rank - b.rank);
    return {
      phase: l.phase,
      phaseName: PHASE_NAMES[l.phase],
      list: l.name,
      selected: entries.length,
      people: l.kind === "member" || l.kind === "worker",
      top: entries.slice(0, TOP_NAMES).map((c) => c.name),
      provisional: ev.provisionalPhases.includes(l.phase),
    };
  });
  const gradePhase = ev.scores.reduce<Phase | undefined>(
    (p, s) => (p === undefined || s.phase > p ? s.phase : p),
    undefined,
  );
  const grades = GRADES.map((grade) => ({ grade, organization: 0, member: 0 }));
  for (const s of ev.scores) {
    if (s.phase !== gradePhase) continue;
    const g = grades.find((x) => x.grade === s.grade)!;
    g[s.kind]++;
  }
  const coverage = ev.progress.rows.map((r) => ({
    unit: r.unit,
    name: r.name,
    reviews: share(Object.values(r.quarters)),
    evaluations: share(Object.values(r.evaluations)),
  }));
  return {
    blockedBy: ev.blockedBy,
    draft: ev.draft,
    lists,
    gradePhase,
    grades,
    coverage,
    notSelected: listedNotSelected(ev).length,
  };
}
