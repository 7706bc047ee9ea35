// The index step: ReadLedger → IndexedLedger. Builds the lookups every check shares and finishes the
// records' normalisation, so that no check has to change (or wait for) anything.
import type { Indexes, IndexedLedger, ReadLedger } from "./ledger";
import { str } from "./ledger";
import type { Rec, Tables } from "./read";
import { matchKey } from "./normalize";

export function indexLedger(ledger: ReadLedger): IndexedLedger {
  const { tables } = ledger;
  const units = new Map<string, Rec>();
  const unitByName = new Map<string, string>();
  // First occurrence wins: later duplicates are `unique` errors.
  for (const rec of tables.units?.records ?? []) {
    const id = str(rec, "unitId");
    const name = str(rec, "unitName");
    if (id !== undefined && !units.has(id)) units.set(id, rec);
    if (id !== undefined && name !== undefined && !unitByName.has(matchKey(name)))
      unitByName.set(matchKey(name), id);
  }
  resolveOrgUnits(tables, units, unitByName);
  const orgs = firstById(tables.orgs?.records, "orgId");
  const members = firstById(tables.members?.records, "memberId");
  const index: Indexes = {
    units,
    unitByName,
    orgs,
    members,
    kinds: kindsOf(orgs, members),
    membersOfOrg: groupBy(tables.members?.records ?? [], "org"),
    orgsOfUnit: groupBy(
      [...orgs.values()].filter((o) => {
        const unit = str(o, "unit");
        return unit !== undefined && units.has(unit);
      }),
      "unit",
    ),
  };
  return { ...ledger, index };
}

/**
 * An organisation may name its 上级党（工）委 by 单位名称: read it as that unit's 单位编号. A unit that
 * cannot be found stays as written (the references check reports it).
 */
function resolveOrgUnits(
  tables: Readonly<Tables>,
  units: ReadonlyMap<string, Rec>,
  unitByName: ReadonlyMap<string, string>,
): void {
  for (const rec of tables.orgs?.records ?? []) {
    const unit = str(rec, "unit");
    if (unit === undefined || units.has(unit)) continue;
    const id = unitByName.get(matchKey(unit));
    if (id !== undefined) rec.v.unit = id;
  }
}

/** Every ID's kind; an ID in both sheets is the organisation (`ambiguous-id`). */
function kindsOf(
  orgs: ReadonlyMap<string, Rec>,
  members: ReadonlyMap<string, Rec>,
): Map<string, "org" | "member"> {
  const kinds = new Map<string, "org" | "member">();
  for (const id of orgs.keys()) kinds.set(id, "org");
  for (const id of members.keys()) if (!kinds.has(id)) kinds.set(id, "member");
  return kinds;
}

function firstById(records: readonly Rec[] | undefined, key: string): Map<string, Rec> {
  const out = new Map<string, Rec>();
  for (const rec of records ?? []) {
    const id = str(rec, key);
    if (id !== undefined && !out.has(id)) out.set(id, rec);
  }
  return out;
}

function groupBy(records: readonly Rec[], key: string): Map<string, Rec[]> {
  const out = new Map<string, Rec[]>();
  for (const rec of records) {
    const k = str(rec, key);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(rec);
    else out.set(k, [rec]);
  }
  return out;
}
