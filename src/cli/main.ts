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

function langFromArgv(argv: string[]) {
  const i = argv.indexOf("--lang");
  return i >= 0 && argv[i + 1] === "en" ? "en" : "zh-CN";
}

async function main(argv: string[]): Promise<number> {
  const program = new Command("pioneer-ledger")
    .description("先锋台账：创先争优活动台账校验、考评与表彰名单")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s.split("\n")[0] + "\n") });
  let code: number = EXIT.ok;
  let file = "";

  program
    .command("validate <ledger>")
    .description("读取并校验一本台账")
    .option("--as-of <date>", "检查基准日 YYYY-MM-DD")
    .option("--json", "输出 JSON")
    .option("--max-size <MB>", "文件大小上限（MB），默认 100")
    .option("--lang <lang>", "语言 zh-CN | en", "zh-CN")
    .action(async (ledger: string, o) => {
      file = ledger;
      code = await validateCommand(ledger, o);
    });
  program
    .command("evaluate <ledger>")
    .description("校验、考评、生成表彰名单，写出带结果表的工作簿副本")
    .requiredOption("-o, --output <file>", "输出文件 .xlsx（不能与输入相同）")
    .option("--as-of <date>", "检查基准日 YYYY-MM-DD")
    .option("--json", "输出 JSON")
    .option("--lang <lang>", "语言 zh-CN | en", "zh-CN")
    .action(async (ledger: string, o) => {
      file = ledger;
      code = await evaluateCommand(ledger, o);
    });
  program
    .command("compile <files...>")
    .description("全区汇总：校验各单位报送的台账，合并合格台账，跨单位检查，全区考评表彰")
    .requiredOption("-o, --output <file>", "汇总工作簿 .xlsx（报送情况及各结果表）")
    .option("--as-of <date>", "检查基准日 YYYY-MM-DD")
    .option("--json", "输出 JSON")
    .option("--notices <folder>", "为每个退回单位写出“退回修改通知”到该文件夹")
    .option("--units <file>", "全区单位名单工作簿（其“党（工）委”表；有“评分规则”表时按其考评）")
    .option("--max-size <MB>", "单个文件大小上限（MB），默认 100")
    .option("--lang <lang>", "语言 zh-CN | en", "zh-CN")
    .action(async (files: string[], o) => {
      file = files.join(" ");
      code = await compileCommand(files, o);
    });
  program
    .command("template")
    .description("写出空白标准台账")
    .requiredOption("-o, --output <file>", "输出文件 .xlsx")
    .option("--json", "输出 JSON")
    .option("--lang <lang>", "语言 zh-CN | en", "zh-CN")
    .action(async (o) => {
      code = await templateCommand(o);
    });
  program
    .command("rules")
    .description("列出全部检查项和评分规则")
    .option("--json", "输出 JSON")
    .option("--lang <lang>", "语言 zh-CN | en", "zh-CN")
    .action((o) => {
      code = rulesCommand(o);
    });
  program
    .command("demo")
    .description("生成示例台账，校验、考评并写出结果工作簿")
    .option("-o, --output <folder>", "输出文件夹", "demo-output")
    .option("--as-of <date>", "检查基准日", "2012-11-07")
    .option("--lang <lang>", "语言 zh-CN | en", "zh-CN")
    .action(async (o) => {
      code = await demoCommand(o);
    });
  program
    .command("sample")
    .description("生成示例台账文件（small 或 district 规模），或按单位拆分的报送文件")
    .option("-o, --output <file>", "输出文件 .xlsx")
    .option("--size <size>", "small | district", "small")
    .option("--clean", "不加入示例错误")
    .option("--split-by-unit <folder>", "按党（工）委拆分，每个单位一个报送文件（含填报信息）")
    .option("--broken-file", "拆分时：其中一个文件损坏")
    .option("--duplicate-member", "拆分时：一名党员同时登记在两个单位")
    .option("--unit-twice", "拆分时：一个单位报送了两次")
    .option("--unknown-unit", "拆分时：加入一个不在全区名单中的单位的文件")
    .option("--units-list <file>", "拆分时：另写出全区单位名单（供 compile --units 使用）")
    .option("--lang <lang>", "语言 zh-CN | en", "zh-CN")
    .action(async (o) => {
      code = await sampleCommand(o);
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.unusable;
    process.stderr.write(describeFailure(e, langFromArgv(argv), file) + "\n");
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
