// LibreOffice as an independent reader in the tests: one headless soffice process converts files
// (CSV, .xlsx, PDF) into a folder, with a throw-away profile so runs never share state.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";
export const XLSX_FILTER = "xlsx:Calc MS Excel 2007 XML";

export function soffice(files: readonly string[], filter: string, outDir: string, timeoutMs = 120000): void {
  const profile = mkdtempSync(join(tmpdir(), "pl-lo-profile-"));
  try {
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        filter,
        "--outdir",
        outDir,
        ...files,
      ],
      { timeout: timeoutMs, stdio: "pipe" },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
