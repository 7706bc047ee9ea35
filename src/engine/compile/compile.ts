// The district compilation (ledger-format.md §8), pure: each submitted file is checked on its own
// (`checkSubmission`, one call per file so a host can show progress and stop between files), then
// `compileDistrict` names each file's unit, sets aside the superseded ones, runs the cross-file
// checks, decides each status and evaluates the accepted ledgers merged into one district.
import { analyze, withoutCells } from "../analyze";
import { evaluateLedger } from "../evaluate";
import { type Finding, FindingSink, summarize } from "../findings";
import { type CompileCode } from "./codes";
import { crossCheck } from "./cross-checks";
import { openDistrict } from "./district";
import { checkKnownUnit, identifyUnit, ownUnits } from "./identify";
import { mergeLedgers } from "./merge";
import { districtDraft } from "./draft";
import { REPORTED_AT_LABEL, checkReportHeader, readReportHeader } from "./report-header";
import { type Candidate, supersede, supersedeUnreadable, warnSuperseded } from "./twice";
import type {
  CheckedSubmission,
  Compilation,
  CompileOptions,
  CrossFinding,
  District,
  DistrictRules,
  DistrictUnit,
  Submission,
  SubmissionInput,
  SubmissionReason,
  SubmissionStatus,
} from "./types";

/** Reads and validates one submitted file on its own, at the district's 检查基准日 and rules. */
export function checkSubmission(district: DistrictRules, input: SubmissionInput): CheckedSubmission {
  const base = {
    file: input.file,
    ...(input.modifiedAt !== undefined ? { modifiedAt: input.modifiedAt } : {}),
  };
  if (!input.workbook) return { ...base, unusable: { kind: "file", text: input.unusable ?? "" } };
  const analysis = analyze(input.workbook, {
    asOf: district.asOf,
    rules: { rules: district.rules, broken: district.brokenRules },
  });
  const header = readReportHeader(input.workbook);
  if (analysis.overview.every((s) => !s.foundAs))
    return { ...base, header, unusable: { kind: "not-ledger" } };
  return { ...base, analysis, header };
}

/**
 * A submission checked, its cells let go: compiling, scoring and the district's sheets read the
 * records only (~85 MB of cells over the district's 30 files). What the CLI, the bench and the pane's
 * submission worker hand to compileDistrict (the worker by structured clone: the analysis is plain
 * data).
 */
export function checkedForCompiling(district: DistrictRules, input: SubmissionInput): CheckedSubmission {
  const checked = checkSubmission(district, input);
  if (checked.analysis) withoutCells(checked.analysis);
  return checked;
}

/** Every step of §8 over files already checked (in the order given: it breaks ties and orders 报送情况). */
export function compileDistrict(district: District, checked: readonly CheckedSubmission[]): Compilation {
  const units = district.units ?? unionOfUnits(checked);
  const candidates: Candidate[] = checked.map((c, index) => ({
    index,
    checked: c,
    unit: identifyUnit(c, units),
  }));
  const { sinks, superseded } = unitFindings(candidates);
  const cross = crossFileFindings(candidates, superseded);
  const submissions = candidates.map((c) => {
    const findings = [
      ...sinks[c.index].items,
      ...cross.filter((x) => x.index === c.index).map((x) => x.finding),
      ...ownFindings(c.checked),
    ];
    const by = superseded.get(c.index);
    return submissionOf(c, findings, by === undefined ? undefined : candidates[by].checked.file);
  });
  return finish(
    district,
    units,
    submissions,
    cross.map((x) => x.finding),
  );
}

/**
 * `unknown-unit` and `report-header` per usable file; `unit-twice` on each superseded one (an
 * unreadable file included, when its unit sent a usable file later).
 */
function unitFindings(candidates: readonly Candidate[]) {
  const usable = candidates.filter((c) => !c.checked.unusable);
  const sinks = candidates.map(() => new FindingSink<CompileCode>());
  for (const c of usable) headerAndUnitFindings(c, sinks[c.index]);
  const superseded = supersede(usable);
  const standing = new Set(usable.filter((c) => !superseded.has(c.index)).map((c) => c.index));
  for (const [loser, winner] of supersedeUnreadable(candidates, standing)) superseded.set(loser, winner);
  for (const [loser, winner] of superseded)
    warnSuperseded(candidates[loser], candidates[winner], sinks[loser]);
  return { sinks, superseded };
}

/** The cross-file checks over the files without errors of their own that were not superseded. */
function crossFileFindings(candidates: readonly Candidate[], superseded: ReadonlyMap<number, number>) {
  const clean = candidates.filter(
    (c) => !c.checked.unusable && !superseded.has(c.index) && !hasErrors(ownFindings(c.checked)),
  );
  return crossCheck(
    clean.map((c) => ({
      index: c.index,
      file: c.checked.file,
      unit: c.unit,
      ledger: c.checked.analysis!.ledger,
    })),
  );
}

/** `openDistrict`, `checkSubmission` for each input, then `compileDistrict`. */
export function compileSubmissions(
  inputs: readonly SubmissionInput[],
  opts: CompileOptions = {},
): Compilation {
  const district = openDistrict(opts);
  return compileDistrict(
    district,
    inputs.map((i) => checkSubmission(district, i)),
  );
}

function finish(
  district: District,
  units: readonly DistrictUnit[],
  submissions: Submission[],
  crossFindings: CrossFinding[],
): Compilation {
  const accepted = submissions
    .filter((s) => s.status === "accepted")
    .sort((a, b) => cmp(a.unit.key, b.unit.key) || cmp(a.file, b.file));
  const ledger = mergeLedgers(
    accepted.map((s) => ({ file: s.file, ledger: s.analysis!.ledger })),
    district,
  );
  return {
    district,
    units,
    unitsFrom: district.units ? "units-workbook" : "submissions",
    submissions,
    crossFindings,
    analysis: { ledger, findings: submissions.flatMap((s) => s.findings), overview: [], ignoredSheets: [] },
    evaluation: { ...evaluateLedger(ledger, []), draft: districtDraft(district, submissions, ledger) },
  };
}

function submissionOf(c: Candidate, findings: Finding[], supersededBy: string | undefined): Submission {
  const file = c.checked.file;
  const withFile = findings.map((f) => (f.file === file ? f : { ...f, file }));
  const { status, reason } = statusOf(c.checked, withFile, supersededBy);
  const header = c.checked.header;
  const reportedText = header?.items.get(REPORTED_AT_LABEL)?.value;
  return {
    file,
    ...(c.checked.modifiedAt !== undefined ? { modifiedAt: c.checked.modifiedAt } : {}),
    unit: c.unit,
    ...(header?.reportedAt !== undefined ? { reportedAt: header.reportedAt } : {}),
    ...(reportedText ? { reportedText } : {}),
    status,
    ...(reason ? { reason } : {}),
    findings: withFile,
    summary: summarize(withFile),
    ...(c.checked.analysis ? { analysis: c.checked.analysis } : {}),
  };
}

function statusOf(
  s: CheckedSubmission,
  findings: readonly Finding[],
  supersededBy: string | undefined,
): { status: SubmissionStatus; reason?: SubmissionReason } {
  // Superseded first: an unreadable file its unit has sent again needs no notice.
  if (supersededBy !== undefined)
    return { status: "superseded", reason: { kind: "superseded", by: supersededBy } };
  if (s.unusable) return { status: "returned", reason: s.unusable };
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length)
    return { status: "returned", reason: { kind: "errors", errors: errors.length, first: errors[0] } };
  return { status: "accepted" };
}

/** `unknown-unit` for a unit not on the list, `report-header` for each missing 填报信息 item. */
function headerAndUnitFindings(c: Candidate, sink: FindingSink<CompileCode>): void {
  checkKnownUnit(c.unit, sink);
  if (c.checked.header) checkReportHeader(c.checked.header, sink);
}

function ownFindings(s: CheckedSubmission): readonly Finding[] {
  return s.unusable ? [] : (s.analysis?.findings ?? []);
}

function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}

/** Without a `--units` workbook, the district's units are every unit any usable submission lists. */
function unionOfUnits(checked: readonly CheckedSubmission[]): DistrictUnit[] {
  const out = new Map<string, DistrictUnit>();
  for (const c of checked) if (!c.unusable) for (const u of ownUnits(c)) if (!out.has(u.id)) out.set(u.id, u);
  return [...out.values()];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
