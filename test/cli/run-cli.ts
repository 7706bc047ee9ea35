// Runs the built CLI (dist/cli.js, made by `npm run build:cli`) as a clerk would.
import { spawnSync } from "child_process";
import * as path from "path";
import { existsSync, mkdtempSync } from "fs";
import * as os from "os";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/pioneer-ledger.js");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], cwd = ROOT): CliRun {
  if (!existsSync(path.join(ROOT, "dist/cli.js")))
    throw new Error("run `npm run build:cli` first (npm test does)");
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 120000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tmpDir(prefix = "pl-test-"): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}
