// Start-up (issue 12): the CLI loads only what a command needs — `--help` and argument errors never
// load ExcelJS, fflate or the engine's readers; a command loads its own modules when it runs.
import { spawnSync } from "child_process";
import { writeFileSync } from "fs";
import * as path from "path";
import { tmpDir } from "./run-cli";

const ROOT = path.resolve(__dirname, "../..");

/** The npm packages the CLI process loaded (a preload hook lists require.cache at exit). */
function packagesLoaded(args: string[]): { code: number; packages: string[] } {
  const hook = path.join(tmpDir("pl-startup-"), "hook.js");
  writeFileSync(
    hook,
    `process.on("exit", () => process.stderr.write("\\nLOADED " + JSON.stringify(Object.keys(require.cache)
      .map((k) => /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(k)?.[1]).filter(Boolean)) + "\\n"));`,
  );
  const r = spawnSync(process.execPath, ["-r", hook, path.join(ROOT, "bin/pioneer-ledger.js"), ...args], {
    encoding: "utf8",
    timeout: 60000,
  });
  const line = r.stderr.split("\n").find((l) => l.startsWith("LOADED "))!;
  return { code: r.status ?? -1, packages: [...new Set<string>(JSON.parse(line.slice(7)))] };
}

test("--help loads commander only", () => {
  const { code, packages } = packagesLoaded(["--help"]);
  expect(code).toBe(0);
  expect(packages).toEqual(["commander"]);
});

test("a command's help and an argument error load nothing of the command", () => {
  expect(packagesLoaded(["evaluate", "--help"]).packages).toEqual(["commander"]);
  const bad = packagesLoaded(["validate"]);
  expect(bad.code).toBe(2);
  expect(bad.packages).toEqual(["commander"]);
});

test("validate loads its reader (fflate) when it runs, and never ExcelJS", () => {
  const dir = tmpDir();
  const file = path.join(dir, "sample.xlsx");
  expect(
    spawnSync(process.execPath, [path.join(ROOT, "bin/pioneer-ledger.js"), "sample", "-o", file]).status,
  ).toBe(0);
  const { code, packages } = packagesLoaded(["validate", file]);
  expect(code).toBe(1); // the sample's seeded mistakes
  expect(packages.sort()).toEqual(["commander", "fflate"]);
});
