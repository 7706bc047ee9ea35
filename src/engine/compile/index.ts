// The district compilation's API (ledger-format.md §8), for the CLI and the task pane's 汇总报送:
//
//   const district = openDistrict({ asOf, units });        // units: the --units workbook, if any
//   const checked = inputs.map((i) => checkSubmission(district, i));   // one file at a time
//   const c = compileDistrict(district, checked);
//   c.submissions  — per file: unit, 报出时间, status, reason (reasonText), findings (each with file)
//   c.crossFindings, c.analysis (merged ledger + all findings), c.evaluation (scores and lists)
//
// `compileSubmissions(inputs, opts)` does the three steps at once.
export { openDistrict } from "./district";
export { checkSubmission, checkedForCompiling, compileDistrict, compileSubmissions } from "./compile";
export { unitLabel } from "./identify";
export { COMPILE_CODES, DISTRICT_COMPILE, type CompileCode } from "./codes";
export type {
  CheckedSubmission,
  Compilation,
  CompileOptions,
  CrossFinding,
  District,
  DistrictRules,
  DistrictUnit,
  Place,
  ReportHeader,
  Submission,
  SubmissionInput,
  SubmissionReason,
  SubmissionStatus,
  SubmittingUnit,
  Unusable,
} from "./types";
