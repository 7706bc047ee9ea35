// engine.read + engine.validate: Workbook (Grids) → Ledger + findings. Pure: no host, no I/O.
import type { Workbook } from "./grid";
import { type Day, todayDay } from "./dates";
import { resolveAsOf } from "./campaign";
import { type Finding, FindingSink, sortFindings } from "./findings";
import { type Ledger, type CheckContext, type Indexes, str } from "./ledger";
import { type Rec, type Tables, locateSheets, readTable } from "./read";
import { findRuleSheet, readRuleSheet } from "./rule-sheet";
import { findCoverSheet, readCover } from "./cover";
import { matchKey } from "./normalize";
import {
  KNOWN_TEMPLATE_VERSIONS,
  LEDGER_SHEETS,
  TEMPLATE_VERSION,
  TEMPLATE_VERSION_LABEL,
  TEMPLATE_VERSION_NAME,
  type SheetId,
} from "./schema";
import { checkUnits } from "./rules/units";
import { checkOrgs } from "./rules/orgs";
import { checkMembers } from "./rules/members";
import { checkAmbiguousIds } from "./rules/objects";
import { checkCommitments } from "./rules/commitments";
import { checkReviews } from "./rules/reviews";
import { checkVotes } from "./rules/votes";
import { checkEvaluations } from "./rules/evaluations";

export interface AnalyzeOptions {
  /** `--as-of`: wins over the `评分规则` row. */
  asOf?: Day;
  /** Today, for the default as-of (injected for tests). */
  today?: Day;
}

export interface SheetOverview {
  id: SheetId;
  /** Canonical name of the ledger sheet. */
  name: string;
  /** The workbook sheet that was read, if any. */
  foundAs?: string;
  foundBy?: "name" | "header";
  /** 1-based header row. */
  headerRow?: number;
  records: number;
}

export interface Analysis {
  ledger: Ledger;
  findings: Finding[];
  overview: SheetOverview[];
  /** Workbook sheets that are neither ledger nor known optional sheets (ignored, never touched). */
  ignoredSheets: string[];
}

export function analyze(wb: Workbook, opts: AnalyzeOptions = {}): Analysis {
  const sink = new FindingSink();
  const ctx0 = { sink, date1904: wb.date1904 };

  const ruleSheet = findRuleSheet(wb.sheets);
  const { rules, broken } = readRuleSheet(ruleSheet, wb.date1904, sink);
  const coverSheet = findCoverSheet(wb.sheets);
  const cover = readCover(coverSheet);
  const asOf = resolveAsOf(rules, opts.asOf, opts.today ?? todayDay());

  const located = locateSheets(wb);
  const tables: Tables = {};
  for (const def of LEDGER_SHEETS) {
    const at = located.get(def.id);
    if (!at) {
      sink.add("missing-sheet", def.name, null, { params: { sheet: def.name } });
      continue;
    }
    const t = readTable(def, at.grid, at.by, ctx0);
    if (t) tables[def.id] = t;
  }

  const templateVersion = readTemplateVersion(wb, cover);
  if (templateVersion === undefined)
    sink.add("template-version", null, null, { alt: true, params: { expected: TEMPLATE_VERSION } });
  else if (!KNOWN_TEMPLATE_VERSIONS.includes(templateVersion))
    sink.add("template-version", coverSheet?.name ?? null, null, {
      value: templateVersion,
      params: { expected: TEMPLATE_VERSION },
    });

  const ledger: Ledger = {
    date1904: wb.date1904,
    tables,
    rules,
    brokenRules: broken,
    asOf,
    cover,
    templateVersion,
    index: buildIndexes(tables),
    facts: {
      objectsWithErrors: new Set(),
      approval: new Map(),
      missingQuarterReviews: new Map(),
      missingHalfYearReviews: new Map(),
      overdue: new Map(),
      planLate: new Set(),
      reviewed: new Set(),
      evaluated: new Set(),
    },
  };
  const ctx: CheckContext = { ledger, sink };
  checkAmbiguousIds(ctx);
  checkUnits(ctx);
  checkOrgs(ctx);
  indexOrgsOfUnit(ledger);
  checkMembers(ctx);
  checkCommitments(ctx);
  checkReviews(ctx);
  checkVotes(ctx);
  checkEvaluations(ctx);
  for (const [t, key] of [
    [tables.orgs, "orgId"],
    [tables.members, "memberId"],
  ] as const)
    for (const rec of t?.records ?? [])
      if (rec.err && str(rec, key)) ledger.facts.objectsWithErrors.add(str(rec, key)!);

  const known = new Set(
    [...located.values()].map((l) => l.grid).concat([ruleSheet, coverSheet].filter((g) => g !== undefined)),
  );
  const overview: SheetOverview[] = LEDGER_SHEETS.map((def) => {
    const t = tables[def.id];
    const at = located.get(def.id);
    return {
      id: def.id,
      name: def.name,
      foundAs: at?.grid.name,
      foundBy: at?.by,
      headerRow: t ? t.headerRow + 1 : undefined,
      records: t?.records.length ?? 0,
    };
  });
  return {
    ledger,
    findings: sortFindings(
      sink.items,
      wb.sheets.map((s) => s.name),
    ),
    overview,
    ignoredSheets: wb.sheets.filter((s) => !known.has(s)).map((s) => s.name),
  };
}

function buildIndexes(tables: Tables): Indexes {
  const ix: Indexes = {
    units: new Map(),
    unitByName: new Map(),
    orgs: new Map(),
    members: new Map(),
    membersOfOrg: new Map(),
    orgsOfUnit: new Map(),
  };
  // First occurrence wins: later duplicates are already `unique` errors.
  for (const rec of tables.units?.records ?? []) {
    const id = str(rec, "unitId");
    const name = str(rec, "unitName");
    if (id !== undefined && !ix.units.has(id)) ix.units.set(id, rec);
    if (id !== undefined && name !== undefined && !ix.unitByName.has(matchKey(name)))
      ix.unitByName.set(matchKey(name), id);
  }
  for (const rec of tables.orgs?.records ?? []) {
    const id = str(rec, "orgId");
    if (id !== undefined && !ix.orgs.has(id)) ix.orgs.set(id, rec);
  }
  for (const rec of tables.members?.records ?? []) {
    const id = str(rec, "memberId");
    if (id !== undefined && !ix.members.has(id)) ix.members.set(id, rec);
    const org = str(rec, "org");
    if (org !== undefined) push(ix.membersOfOrg, org, rec);
  }
  return ix;
}

/** After checkOrgs has resolved each organisation's unit (by ID or name) to its 单位编号. */
function indexOrgsOfUnit(ledger: Ledger): void {
  for (const rec of ledger.index.orgs.values()) {
    const unit = str(rec, "unit");
    if (unit !== undefined && ledger.index.units.has(unit)) push(ledger.index.orgsOfUnit, unit, rec);
  }
}

function push<K>(m: Map<K, Rec[]>, k: K, rec: Rec) {
  const list = m.get(k);
  if (list) list.push(rec);
  else m.set(k, [rec]);
}

/** §1.3: a defined name, else a 填报信息 row. */
function readTemplateVersion(wb: Workbook, cover: Map<string, string>): string | undefined {
  const dn = wb.definedNames?.[TEMPLATE_VERSION_NAME];
  if (dn !== undefined) return dn.replace(/^"+|"+$/g, "").trim();
  return cover.get(TEMPLATE_VERSION_LABEL);
}
