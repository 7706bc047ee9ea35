// The worker's side of 校验台账 in the browser preview: read the workbook and check it, then post
// the Grids one sheet at a time (each a short task for the pane to receive) and the compact result.
import { analyze } from "../../engine/analyze";
import { isInternalSheet } from "../../hosts/common/internal-sheets";
import { readXlsx } from "../../hosts/xlsx/read";
import type { CheckReply, CheckRequest } from "./check-protocol";

export function checkInWorker(req: CheckRequest, post: (reply: CheckReply) => void): void {
  let replies: CheckReply[];
  try {
    const wb = readXlsx(req.bytes);
    wb.sheets = wb.sheets.filter((g) => !isInternalSheet(g.name));
    const a = analyze(
      wb,
      req.asOf === undefined ? { today: req.today } : { asOf: req.asOf, today: req.today },
    );
    replies = wb.sheets.map((grid, index) => ({ kind: "sheet", index, grid }));
    replies.push({
      kind: "checked",
      date1904: wb.date1904,
      definedNames: wb.definedNames,
      sheets: wb.sheets.length,
      findings: a.findings,
      overview: a.overview,
      ignoredSheets: a.ignoredSheets,
      checkDate: a.ledger.asOf,
    });
  } catch {
    replies = [{ kind: "failed" }];
  }
  for (const r of replies) post(r);
}
