// Every check of one ledger. The order is only the order findings are collected in: each check reads
// the indexed ledger and nothing else, so any order gives the same findings, facts and scores.
import type { Check } from "./check";
import type { Finding } from "./findings";
import type { IndexedLedger } from "./ledger";
import { cellValuesCheck } from "./rules/cells";
import { uniquenessCheck } from "./rules/unique";
import { referencesCheck } from "./rules/references";
import { ambiguousIdCheck } from "./rules/objects";
import { planDeadlineCheck } from "./rules/units";
import { orgCheck } from "./rules/orgs";
import { idCardCheck } from "./rules/members";
import { dateOrderCheck } from "./rules/date-order";
import { campaignDatesCheck } from "./rules/campaign-dates";
import { commitmentsCheck } from "./rules/commitments";
import { reviewsCheck } from "./rules/reviews";
import { votesCheck } from "./rules/votes";
import { evaluationsCheck } from "./rules/evaluations";
import { afterAsOfCheck } from "./rules/as-of";

export const CHECKS: readonly Check[] = [
  cellValuesCheck,
  uniquenessCheck,
  referencesCheck,
  ambiguousIdCheck,
  planDeadlineCheck,
  orgCheck,
  idCardCheck,
  dateOrderCheck,
  campaignDatesCheck,
  commitmentsCheck,
  reviewsCheck,
  votesCheck,
  evaluationsCheck,
  afterAsOfCheck,
];

export function runChecks(ledger: IndexedLedger, checks: readonly Check[] = CHECKS): Finding[] {
  return checks.flatMap((c) => c.run(ledger));
}
