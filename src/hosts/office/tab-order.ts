// Where replaced result sheets go in the tabs: each new sheet takes its old sheet's place. Pure.
//
// Worksheet.position = n moves a sheet to tab n (0-based) and shifts the others. The old sheets are
// still there (as backups) when the new ones move, so each new sheet is put right before its old
// one; once the backups are deleted, every new sheet is where its old one was.

/** The moves, in order, that put each `id` right before `before` in `order` (sheet ids by tab). */
export function positionMoves(
  order: readonly string[],
  pairs: readonly { id: string; before: string }[],
): { id: string; position: number }[] {
  const tabs = [...order];
  const moves: { id: string; position: number }[] = [];
  for (const { id, before } of pairs) {
    const from = tabs.indexOf(id);
    if (from < 0 || tabs.indexOf(before) < 0) continue;
    tabs.splice(from, 1);
    const to = tabs.indexOf(before);
    tabs.splice(to, 0, id);
    if (to !== from) moves.push({ id, position: to });
  }
  return moves;
}
