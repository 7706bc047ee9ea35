// What an ID in a row refers to, for every check alike: an organisation or member (公开承诺, 群众评议,
// the evaluations) or a 党（工）委 by 单位编号 or 单位名称. Pure lookups in the ledger's indexes.
import type { IndexedLedger } from "../ledger";
import { matchKey } from "../normalize";

export type ObjectKind = "org" | "member";

/** An ID that is both (`ambiguous-id`) counts as the organisation. */
export function objectKind(ledger: IndexedLedger, id: string): ObjectKind | undefined {
  return ledger.index.kinds.get(id);
}

/**
 * The ID when it names an object of one of `kinds`; also when none of the sheets it could name is
 * there (nothing to check against: missing-sheet says so). Otherwise undefined: a `foreign-key`.
 */
export function resolveSubject(
  ledger: IndexedLedger,
  id: string | undefined,
  kinds: readonly ObjectKind[],
): string | undefined {
  if (id === undefined) return undefined;
  const kind = objectKind(ledger, id);
  if (kind !== undefined && kinds.includes(kind)) return id;
  const { tables } = ledger;
  if (kinds.every((k) => (k === "org" ? !tables.orgs : !tables.members))) return id;
  return undefined;
}

/** A 党（工）委 named by 单位编号 or 单位名称 → its 单位编号. */
export function resolveUnit(ledger: IndexedLedger, text: string): string | undefined {
  const { index } = ledger;
  return index.units.has(text) ? text : index.unitByName.get(matchKey(text));
}
