// engine.evaluate: a validated Ledger → scores, commendation lists with reasons, progress matrix.
// Refuses to score on a rule whose `评分规则` value could not be read (never a silent default).
import type { Ledger } from "./ledger";
import { type Score, computeScores } from "./score";
import { type CommendationResult, selectCommendations } from "./commend";
import { type Progress, computeProgress } from "./progress";
import type { Phase, RuleKey } from "./campaign";

export interface Evaluation {
  /** Rule keys that blocked scoring; empty when scores were computed. */
  blockedBy: RuleKey[];
  scores: Score[];
  commendations: CommendationResult["commendations"];
  notSelected: CommendationResult["notSelected"];
  quotas: CommendationResult["quotas"];
  progress: Progress;
  /**
   * The ledger still has errors (ledger-format.md §5.1): the lists are a draft — N errors, M objects
   * left out of the scoring for them; null when the ledger has none.
   */
  draft: { errors: number; unscored: number } | null;
  /** Phases whose lists are provisional (拟推荐): their decision date is after 检查基准日. */
  provisionalPhases: Phase[];
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
      draft: null,
      provisionalPhases: [],
    };
  const scores = computeScores(ledger);
  const c = selectCommendations(ledger, scores);
  // draft and provisionalPhases: computed by the check-date work (§5.1); placeholders here
  return { blockedBy: [], scores, ...c, progress, draft: null, provisionalPhases: [] };
}
