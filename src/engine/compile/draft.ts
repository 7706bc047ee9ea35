// The draft mark of a district (ledger-format.md §5.1 over §8): the lists are drawn up from the
// accepted files only, so while a file is returned for its errors the district's lists miss that
// unit's organisations and members and are a draft. Its errors and objects are counted here.
import type { Draft } from "../evaluate";
import type { Ledger } from "../ledger";
import type { District, Submission } from "./types";

export function districtDraft(
  district: District,
  submissions: readonly Submission[],
  merged: Ledger,
): Draft | null {
  const returned = submissions.filter((s) => s.reason?.kind === "errors");
  const errors = [...district.findings, ...returned.flatMap((s) => s.findings)].filter(
    (f) => f.severity === "error",
  ).length;
  if (!errors) return null;
  const blocked = merged.brokenRules.length > 0;
  const left = new Set<string>();
  // A returned file may repeat an object of an accepted one, which was scored all the same.
  for (const s of returned) if (s.analysis) addObjects(left, s.analysis.ledger, blocked ? undefined : merged);
  // A district rule that could not be read stops all scoring (evaluate.ts): nobody was scored.
  if (blocked) addObjects(left, merged);
  return { errors, unscored: left.size };
}

/** The IDs of the ledger's organisations and members, except those of `scored`. */
function addObjects(out: Set<string>, ledger: Ledger, scored?: Ledger): void {
  for (const ids of [ledger.index.orgs.keys(), ledger.index.members.keys()])
    for (const id of ids) if (!scored?.index.orgs.has(id) && !scored?.index.members.has(id)) out.add(id);
}
