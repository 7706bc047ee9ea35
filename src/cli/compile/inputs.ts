// Which files a `compile` run takes as submissions (ledger-format.md §8, cli.md): the files named,
// and the files directly inside the folders named. Lock files (`~$…`), hidden files, subfolders and
// files that are not workbooks are left out with a note; so are this run's own output and units
// workbook; a file given twice counts once. A missing file is kept: it is returned as unusable.
import { promises as fs } from "fs";
import * as path from "path";

export type SkipReason = "lock" | "not-xlsx" | "folder" | "hidden" | "duplicate" | "own";

export interface Skipped {
  path: string;
  why: SkipReason;
}

export interface SubmittedFiles {
  /** Paths in the order given (a folder's files sorted by name). */
  files: string[];
  skipped: Skipped[];
}

/** Workbook extensions taken from a folder; an .xls is taken so that it is returned with its reason. */
const WORKBOOK = /\.(xlsx|xls)$/i;

/** `own`: paths this run writes or reads otherwise (-o, --units), never taken as submissions. */
export async function submittedFiles(
  args: readonly string[],
  own: readonly string[],
): Promise<SubmittedFiles> {
  const out: SubmittedFiles = { files: [], skipped: [] };
  const seen = new Set<string>();
  const ownKeys = new Set(await Promise.all(own.map(identity)));
  const take = async (p: string) => {
    const key = await identity(p);
    if (ownKeys.has(key)) out.skipped.push({ path: p, why: "own" });
    else if (seen.has(key)) out.skipped.push({ path: p, why: "duplicate" });
    else {
      seen.add(key);
      out.files.push(p);
    }
  };
  for (const arg of args) {
    if (await isFolder(arg)) {
      for (const entry of await folderEntries(arg)) {
        const why = skipInFolder(entry);
        if (why) out.skipped.push({ path: entry.path, why });
        else await take(entry.path);
      }
    } else if (isLockFile(arg)) out.skipped.push({ path: arg, why: "lock" });
    else await take(arg);
  }
  return out;
}

interface Entry {
  path: string;
  name: string;
  folder: boolean;
}

async function folderEntries(dir: string): Promise<Entry[]> {
  const names = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  return names.map((d) => ({ path: path.join(dir, d.name), name: d.name, folder: d.isDirectory() }));
}

function skipInFolder(e: Entry): SkipReason | undefined {
  if (e.folder) return "folder";
  if (isLockFile(e.name)) return "lock";
  if (e.name.startsWith(".")) return "hidden";
  if (!WORKBOOK.test(e.name)) return "not-xlsx";
  return undefined;
}

/** Office's owner file of an open workbook: `~$台账.xlsx`. */
function isLockFile(p: string): boolean {
  return path.basename(p).startsWith("~$");
}

async function isFolder(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** The same file however it is named: its real path (its absolute path if it does not exist). */
async function identity(p: string): Promise<string> {
  try {
    return await fs.realpath(p);
  } catch {
    return path.resolve(p);
  }
}
