// Merging the accepted submissions into one district ledger (ledger-format.md §8). Each unit's
// ledger was read, indexed and checked on its own, at the district's 检查基准日 and rules; the
// district ledger is their records side by side (the same record objects, so each keeps its file,
// sheet and cell through `origins`), indexed again as one ledger, with the facts the units' own
// checks derived. Nothing is checked again: the district sees exactly what each unit was told.
//
// A value found in two submissions (an organisation claimed by two units, `org-two-units`) is taken
// from the first submission in merge order, for the index and for the facts alike.
import { uniteCoverage } from "../coverage";
import type { Facts } from "../facts";
import { indexLedger } from "../index-ledger";
import type { Ledger, ReadLedger, RecordOrigin } from "../ledger";
import type { Rec, Table, Tables } from "../read";
import { LEDGER_SHEETS, type SheetDef } from "../schema";
import type { District } from "./types";

export interface MergePart {
  readonly file: string;
  readonly ledger: Ledger;
}

export function mergeLedgers(parts: readonly MergePart[], district: District): Ledger {
  const origins = new Map<Rec, RecordOrigin>();
  const tables: Tables = {};
  for (const def of LEDGER_SHEETS) {
    const merged = mergeTables(def, parts, origins);
    if (merged) tables[def.id] = merged;
  }
  const read: ReadLedger = {
    date1904: false,
    tables,
    rules: district.rules,
    brokenRules: district.brokenRules,
    asOf: district.asOf,
    cover: new Map(),
    origins,
  };
  return { ...indexLedger(read), facts: mergeFacts(parts.map((p) => p.ledger.facts)) };
}

/**
 * One sheet of every part: the records in part order, a column wherever any part has it. The grid is
 * an empty stand-in named as the canonical sheet: a merged record's cells are in its origin's table.
 */
function mergeTables(def: SheetDef, parts: readonly MergePart[], origins: Map<Rec, RecordOrigin>) {
  const own = parts.filter((p) => p.ledger.tables[def.id] !== undefined);
  if (!own.length) return undefined;
  const records: Rec[] = [];
  const cols: Record<string, number> = {};
  for (const part of own) {
    const table = part.ledger.tables[def.id]!;
    for (const key of Object.keys(table.cols)) cols[key] ??= def.fields.findIndex((f) => f.key === key);
    for (const rec of table.records) {
      records.push(rec);
      origins.set(rec, { file: part.file, table });
    }
  }
  const table: Table = {
    def,
    grid: { name: def.name, rows: [], merges: [] },
    cols,
    headerRow: 0,
    records,
    foundBy: "name",
  };
  return table;
}

/** Sets are united; per-object maps keep the first part's entry (as the index keeps its record). */
export function mergeFacts(all: readonly Facts[]): Facts {
  return {
    recordsWithErrors: unite(all.map((f) => f.recordsWithErrors)),
    objectsWithErrors: unite(all.map((f) => f.objectsWithErrors)),
    approval: firstWins(all.map((f) => f.approval)),
    missingQuarterReviews: firstWins(all.map((f) => f.missingQuarterReviews)),
    missingHalfYearReviews: firstWins(all.map((f) => f.missingHalfYearReviews)),
    overdue: firstWins(all.map((f) => f.overdue)),
    planLate: unite(all.map((f) => f.planLate)),
    reviewed: uniteCoverage(all.map((f) => f.reviewed)),
    evaluated: uniteCoverage(all.map((f) => f.evaluated)),
  };
}

function unite<T>(sets: readonly ReadonlySet<T>[]): Set<T> {
  const out = new Set<T>();
  for (const s of sets) for (const v of s) out.add(v);
  return out;
}

function firstWins<K, V>(maps: readonly ReadonlyMap<K, V>[]): Map<K, V> {
  const out = new Map<K, V>();
  for (const m of maps) for (const [k, v] of m) if (!out.has(k)) out.set(k, v);
  return out;
}
