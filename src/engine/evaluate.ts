// engine.evaluate: a validated Ledger → scores, commendation lists with reasons, progress matrix.
// Refuses to score on a rule whose `评分规则` value could not be read (never a silent default).
import type { Ledger } from "./ledger";
import { type Score, computeScores } from "./score";
import { type CommendationResult, selectCommendations } from "./commend";
import { type Progress, computeProgress } from "./progress";
import type { Phase, RuleKey } from "./campaign";
import type { Finding } from "./findings";
import { provisionalPhases } from "./check-date";

/** A ledger that still has errors gives a draft (ledger-format.md §5.1). */
export interface Draft {
  /** Error findings of the ledger. */
  errors: number;
  /** Organisations and members left out of scoring because of errors. */
  unscored: number;
}

export interface Evaluation {
  /** Rule keys that blocked scoring; empty when scores were computed. */
  blockedBy: RuleKey[];
  scores: Score[];
  commendations: CommendationResult["commendations"];
  notSelected: CommendationResult["notSelected"];
  quotas: CommendationResult["quotas"];
  progress: Progress;
  /** The ledger still has errors: every list is a draft (试算稿). null when it has none. */
  draft: Draft | null;
  /** Phases whose lists are provisional (拟推荐): begun, decision date after 检查基准日. */
  provisionalPhases: Phase[];
}

/** `findings`: every finding of the ledger (the draft counts its errors). */
export function evaluateLedger(ledger: Ledger, findings: readonly Finding[]): Evaluation {
  const progress = computeProgress(ledger);
  const draft = draftOf(ledger, findings);
  if (ledger.brokenRules.length)
    return {
      blockedBy: [...ledger.brokenRules],
      scores: [],
      commendations: [],
      notSelected: [],
      quotas: [],
      progress,
      draft,
      provisionalPhases: [],
    };
  const scores = computeScores(ledger);
  const c = selectCommendations(ledger, scores);
  return {
    blockedBy: [],
    scores,
    ...c,
    progress,
    draft,
    provisionalPhases: provisionalPhases(ledger.rules, ledger.asOf),
  };
}

/** The draft mark of §5.1: the number of errors and of objects they kept out of scoring. */
export function draftOf(ledger: Ledger, findings: readonly Finding[]): Draft | null {
  const errors = findings.filter((f) => f.severity === "error").length;
  return errors ? { errors, unscored: unscoredObjects(ledger) } : null;
}

/**
 * Organisations and members with an error on one of their own rows (§7) — or all of them when a rule
 * could not be read, since then nothing is scored.
 */
function unscoredObjects(ledger: Ledger): number {
  const { index, facts } = ledger;
  if (ledger.brokenRules.length) return index.orgs.size + index.members.size;
  let n = 0;
  for (const id of facts.objectsWithErrors) if (index.orgs.has(id) || index.members.has(id)) n++;
  return n;
}
