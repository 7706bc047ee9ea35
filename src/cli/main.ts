// `pioneer-ledger`: the engine over .xlsx files (cli.md). Every failure is one line on stderr and
// an exit code; no stack trace reaches the clerk.
import { Command, CommanderError } from "commander";
import { validateCommand } from "./commands/validate";
import { evaluateCommand } from "./commands/evaluate";
import { templateCommand } from "./commands/template";
import { rulesCommand } from "./commands/rules";
import { demoCommand } from "./commands/demo";
import { sampleCommand } from "./commands/sample";
import { compileCommand } from "./commands/compile";
import { EXIT, describeFailure, exitCodeOf } from "./io";
import { CLI_HELP } from "../i18n/cli";
import { render, type Lang } from "../i18n/text";

function langFromArgv(argv: string[]): Lang {
  const i = argv.indexOf("--lang");
  return i >= 0 && argv[i + 1] === "en" ? "en" : "zh-CN";
}

async function main(argv: string[]): Promise<number> {
  const lang = langFromArgv(argv);
  const h = (key: keyof typeof CLI_HELP) => render(CLI_HELP[key], lang);
  const program = new Command("pioneer-ledger")
    .description(h("program"))
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s.split("\n")[0] + "\n") });
  let code: number = EXIT.ok;
  let file = "";

  program
    .command("validate <ledger>")
    .description(h("validate"))
    .option("--as-of <date>", h("asOf"))
    .option("--json", h("json"))
    .option("--max-size <MB>", h("maxSize"))
    .option("--lang <lang>", h("lang"), "zh-CN")
    .action(async (ledger: string, o) => {
      file = ledger;
      code = await validateCommand(ledger, o);
    });
  program
    .command("evaluate <ledger>")
    .description(h("evaluate"))
    .requiredOption("-o, --output <file>", h("outputCopy"))
    .option("--as-of <date>", h("asOf"))
    .option("--json", h("json"))
    .option("--strict", h("strict"))
    .option("--lang <lang>", h("lang"), "zh-CN")
    .action(async (ledger: string, o) => {
      file = ledger;
      code = await evaluateCommand(ledger, o);
    });
  program
    .command("compile <files...>")
    .description(h("compile"))
    .requiredOption("-o, --output <file>", h("outputDistrict"))
    .option("--as-of <date>", h("asOf"))
    .option("--json", h("json"))
    .option("--notices <folder>", h("notices"))
    .option("--units <file>", h("units"))
    .option("--max-size <MB>", h("maxSizeEach"))
    .option("--lang <lang>", h("lang"), "zh-CN")
    .action(async (files: string[], o) => {
      file = files.join(" ");
      code = await compileCommand(files, o);
    });
  program
    .command("template")
    .description(h("template"))
    .requiredOption("-o, --output <file>", h("output"))
    .option("--json", h("json"))
    .option("--lang <lang>", h("lang"), "zh-CN")
    .action(async (o) => {
      code = await templateCommand(o);
    });
  program
    .command("rules")
    .description(h("rules"))
    .option("--json", h("json"))
    .option("--lang <lang>", h("lang"), "zh-CN")
    .action((o) => {
      code = rulesCommand(o);
    });
  program
    .command("demo")
    .description(h("demo"))
    .option("-o, --output <folder>", h("outputFolder"), "demo-output")
    .option("--as-of <date>", h("asOfDemo"), "2012-11-07")
    .option("--lang <lang>", h("lang"), "zh-CN")
    .action(async (o) => {
      code = await demoCommand(o);
    });
  program
    .command("sample")
    .description(h("sample"))
    .option("-o, --output <file>", h("output"))
    .option("--size <size>", "small | district", "small")
    .option("--clean", h("clean"))
    .option("--split-by-unit <folder>", h("splitByUnit"))
    .option("--broken-file", h("brokenFile"))
    .option("--duplicate-member", h("duplicateMember"))
    .option("--unit-twice", h("unitTwice"))
    .option("--unknown-unit", h("unknownUnit"))
    .option("--units-list <file>", h("unitsList"))
    .option("--lang <lang>", h("lang"), "zh-CN")
    .action(async (o) => {
      code = await sampleCommand(o);
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.unusable;
    process.stderr.write(describeFailure(e, lang, file) + "\n");
    return exitCodeOf(e);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(String(e instanceof Error ? e.message : e) + "\n");
    process.exitCode = EXIT.unusable;
  },
);
