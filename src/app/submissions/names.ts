// Which picked files are submissions (kept apart from the reader so the pane can ask without loading it).

/**
 * Office lock files (`~$台账.xlsx`) and files that are not workbooks are not submissions. An old .xls
 * is one (as in the CLI): it is returned with the reason it cannot be used, never dropped silently.
 */
export function isSubmissionName(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  return !base.startsWith("~$") && /\.(xlsx|xls)$/i.test(base);
}
