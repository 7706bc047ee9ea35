// `pioneer-ledger`: the engine over .xlsx files (cli.md). Every failure is one line on stderr and
// an exit code; no stack trace reaches the clerk.
// Start-up (issue 12: `--help` ≤ 0.2 s): each command's module (and with it the engine, the xlsx host
// and ExcelJS) is imported only when that command runs; esbuild keeps them lazy in the bundle.
import { Command, CommanderError } from "commander";
import { COMMANDS, argumentFailure, isHelpExit, localizeParser } from "./parser-text";
import { type Placeholder, helpWord, placeholder } from "../i18n/cli-errors";
import { EXIT, printErr } from "./io";
import { describeFailure, exitCodeOf } from "./failure";
import { CLI_HELP } from "../i18n/cli";
import { render, type Lang } from "../i18n/text";

function langFromArgv(argv: string[]): Lang {
  const i = argv.indexOf("--lang");
  return i >= 0 && argv[i + 1] === "en" ? "en" : "zh-CN";
}

function commandOf(argv: readonly string[]): string {
  return argv.find((a) => (COMMANDS as readonly string[]).includes(a)) ?? "";
}

async function main(argv: string[]): Promise<number> {
  const lang = langFromArgv(argv);
  const h = (key: keyof typeof CLI_HELP) => render(CLI_HELP[key], lang);
  const v = (name: Placeholder) => `<${placeholder(lang, name)}>`;
  const program = localizeParser(new Command("pioneer-ledger"), lang).description(h("program"));
  let code: number = EXIT.ok;
  let file = "";

  program
    .command(`validate ${v("ledger")}`)
    .description(h("validate"))
    .option(`--as-of ${v("date")}`, h("asOf"))
    .option("--json", h("json"))
    .option(`--max-size ${v("MB")}`, h("maxSize"))
    .option(`--lang ${v("lang")}`, h("lang"), "zh-CN")
    .action(async (ledger: string, o) => {
      file = ledger;
      code = await (await import("./commands/validate")).validateCommand(ledger, o);
    });
  program
    .command(`evaluate ${v("ledger")}`)
    .description(h("evaluate"))
    .requiredOption(`-o, --output ${v("file")}`, h("outputCopy"))
    .option(`--as-of ${v("date")}`, h("asOf"))
    .option("--json", h("json"))
    .option("--strict", h("strict"))
    .option(`--lang ${v("lang")}`, h("lang"), "zh-CN")
    .action(async (ledger: string, o) => {
      file = ledger;
      code = await (await import("./commands/evaluate")).evaluateCommand(ledger, o);
    });
  program
    .command(`compile ${v("files")}`)
    .description(h("compile"))
    .requiredOption(`-o, --output ${v("file")}`, h("outputDistrict"))
    .option(`--as-of ${v("date")}`, h("asOf"))
    .option("--json", h("json"))
    .option(`--notices ${v("folder")}`, h("notices"))
    .option(`--units ${v("file")}`, h("units"))
    .option(`--max-size ${v("MB")}`, h("maxSizeEach"))
    .option(`--lang ${v("lang")}`, h("lang"), "zh-CN")
    .action(async (files: string[], o) => {
      file = files.join(" ");
      code = await (await import("./commands/compile")).compileCommand(files, o);
    });
  program
    .command("template")
    .description(h("template"))
    .requiredOption(`-o, --output ${v("file")}`, h("output"))
    .option("--json", h("json"))
    .option(`--lang ${v("lang")}`, h("lang"), "zh-CN")
    .action(async (o) => {
      code = await (await import("./commands/template")).templateCommand(o);
    });
  program
    .command("rules")
    .description(h("rules"))
    .option("--json", h("json"))
    .option(`--lang ${v("lang")}`, h("lang"), "zh-CN")
    .action(async (o) => {
      code = (await import("./commands/rules")).rulesCommand(o);
    });
  program
    .command("demo")
    .description(h("demo"))
    .option(`-o, --output ${v("folder")}`, h("outputFolder"), "demo-output")
    .option(`--as-of ${v("date")}`, h("asOfDemo"), "2012-11-07")
    .option(`--lang ${v("lang")}`, h("lang"), "zh-CN")
    .action(async (o) => {
      code = await (await import("./commands/demo")).demoCommand(o);
    });
  program
    .command("sample")
    .description(h("sample"))
    .option(`-o, --output ${v("file")}`, h("output"))
    .option(`--size ${v("size")}`, helpWord(lang, "size"), "small")
    .option("--clean", h("clean"))
    .option(`--split-by-unit ${v("folder")}`, h("splitByUnit"))
    .option("--broken-file", h("brokenFile"))
    .option("--duplicate-member", h("duplicateMember"))
    .option("--unit-twice", h("unitTwice"))
    .option("--unknown-unit", h("unknownUnit"))
    .option(`--units-list ${v("file")}`, h("unitsList"))
    .option(`--lang ${v("lang")}`, h("lang"), "zh-CN")
    .action(async (o) => {
      code = await (await import("./commands/sample")).sampleCommand(o);
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (e) {
    // Help asked for exits 0; help shown because no command was given exits 2 (nothing was done).
    if (isHelpExit(e)) return e.exitCode === 0 ? EXIT.ok : EXIT.unusable;
    const failure = e instanceof CommanderError ? argumentFailure(e, lang, commandOf(argv)) : e;
    printErr(describeFailure(failure, lang, file));
    return exitCodeOf(failure);
  }
}

// A reader that stops reading (`… --json | head`) closes the pipe: what it wanted has been written
// and the rest has nowhere to go. The command goes on and ends with its own exit code, quietly — not
// with a stack trace for an error the clerk did not make.
let stdoutClosed = false;
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") stdoutClosed = true;
  if (!stdoutClosed) throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    printErr(String(e instanceof Error ? e.message : e));
    process.exitCode = EXIT.unusable;
  },
);
