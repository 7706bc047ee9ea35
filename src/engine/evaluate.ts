// engine.evaluate: a validated Ledger → scores, commendation lists with reasons, progress matrix.
// Refuses to score on a rule whose `评分规则` value could not be read (never a silent default).
import type { Ledger } from "./ledger";
import { type Score, computeScores } from "./score";
import { type CommendationResult, selectCommendations } from "./commend";
import { type Progress, computeProgress } from "./progress";
import type { RuleKey } from "./campaign";

export interface Evaluation {
  /** Rule keys that blocked scoring; empty when scores were computed. */
  blockedBy: RuleKey[];
  scores: Score[];
  commendations: CommendationResult["commendations"];
  notSelected: CommendationResult["notSelected"];
  quotas: CommendationResult["quotas"];
  progress: Progress;
}

export function evaluateLedger(ledger: Ledger): Evaluation {
  const progress = computeProgress(ledger);
  if (ledger.brokenRules.length)
    return {
      blockedBy: [...ledger.brokenRules],
      scores: [],
      commendations: [],
      notSelected: [],
      quotas: [],
      progress,
    };
  const scores = computeScores(ledger);
  const c = selectCommendations(ledger, scores);
  return { blockedBy: [], scores, ...c, progress };
}
