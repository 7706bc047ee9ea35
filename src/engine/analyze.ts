// engine.read + engine.validate: Workbook (Grids) → Ledger + findings. Pure: no host, no I/O.
// read → index → every check (each reads the indexed ledger, returns findings) → facts.
import type { Workbook } from "./grid";
import { type Finding, sortFindings } from "./findings";
import type { Ledger } from "./ledger";
import type { Check } from "./check";
import { CHECKS, runChecks } from "./checks";
import { deriveFacts } from "./facts";
import { indexLedger } from "./index-ledger";
import { type ReadOptions, type SheetOverview, readLedger } from "./read-ledger";
import { releaseCells, releaseRecords } from "./read";
import type { SheetId } from "./schema";

export type AnalyzeOptions = ReadOptions;
export type { SheetOverview } from "./read-ledger";

export interface Analysis {
  ledger: Ledger;
  findings: Finding[];
  overview: SheetOverview[];
  /** Workbook sheets that are neither ledger nor known optional sheets (ignored, never touched). */
  ignoredSheets: string[];
}

/** `checks`: the checks to run (all of them unless a test says otherwise). */
export function analyze(
  wb: Workbook,
  opts: AnalyzeOptions = {},
  checks: readonly Check[] = CHECKS,
): Analysis {
  const reading = readLedger(wb, opts);
  const indexed = indexLedger(reading.ledger);
  const checked = runChecks(indexed, checks);
  const facts = deriveFacts(indexed, checked);
  return {
    ledger: { ...indexed, facts },
    findings: sortFindings(
      [...reading.findings, ...checked],
      wb.sheets.map((s) => s.name),
    ),
    overview: reading.overview,
    ignoredSheets: reading.ignoredSheets,
  };
}

/**
 * For a caller that goes on to score and write only (`evaluate`): the analysis without the
 * workbook's cells, which nothing after the checks reads — the records hold every value. On the
 * district sample the analysis' live heap drops from 140 to 91 MB while the result sheets are built
 * (issue 12). The checks cannot run again on this ledger (the district compilation, which re-checks
 * merged ledgers, keeps its cells). Mutates and returns `a`.
 */
export function withoutCells(a: Analysis): Analysis {
  for (const t of Object.values(a.ledger.tables)) if (t) releaseCells(t);
  return a;
}

/**
 * The tables whose records only the checks and the scoring read: the result sheets take what they
 * need of them from the evaluation (scores, lists, progress). The other tables stay — the report
 * reads 领导点评 for its 推荐理由 and the indexes hold the units', organisations' and members' rows.
 */
export const SCORING_ONLY_TABLES: readonly SheetId[] = ["votes", "orgEvals", "memberEvals", "commitments"];

/**
 * For `evaluate`, once the ledger is scored: the records of SCORING_ONLY_TABLES let go (on the
 * district ~38 MB of 群众评议, 考评 and 公开承诺 rows, while the result sheets are built — where
 * evaluate's memory peaked: issue 12). Reading them afterwards throws. Mutates and returns `a`.
 */
export function withoutScoredRecords(a: Analysis): Analysis {
  for (const id of SCORING_ONLY_TABLES) {
    const t = a.ledger.tables[id];
    if (t) releaseRecords(t);
  }
  return a;
}
