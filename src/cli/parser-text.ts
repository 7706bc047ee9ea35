// The command-line parser (commander) speaks the clerk's language: its help words and its error
// messages are translated here, by commander's error code, and never printed in its own English.
// (Its error output is muted; main prints the translated line.)
import { type Command, CommanderError, type Option } from "commander";
import type { Lang } from "../i18n/text";
import { argErrorText, helpWord } from "../i18n/cli-errors";
import { CliFailure, EXIT } from "./io";

const PLACEHOLDERS = ["[options]", "[command]"] as const;

function translatePlaceholders(s: string, lang: Lang): string {
  return PLACEHOLDERS.reduce((out, p) => out.split(p).join(helpWord(lang, p)), s);
}

/** Help words, the help option and the help command in `lang`; commander's own error output muted. */
export function localizeParser(program: Command, lang: Lang): Command {
  return program
    .exitOverride()
    .configureOutput({ outputError: () => undefined })
    .helpOption("-h, --help", helpWord(lang, "help"))
    .helpCommand("help [command]", helpWord(lang, "helpCommand"))
    .configureHelp({
      styleTitle: (title) => (title in HELP_TITLES ? helpWord(lang, title as HelpTitle) : title),
      styleUsage: (usage) => translatePlaceholders(usage, lang),
      styleSubcommandTerm: (term) => translatePlaceholders(term, lang),
      optionDescription: (option: Option) => describeOption(option, lang),
      displayWidth: terminalWidth,
    });
}

/** Columns a string takes in a terminal: CJK and full-width forms take two (so help aligns). */
export function terminalWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

type HelpTitle = "Usage:" | "Arguments:" | "Options:" | "Commands:" | "Global Options:";
const HELP_TITLES: Record<HelpTitle, true> = {
  "Usage:": true,
  "Arguments:": true,
  "Options:": true,
  "Commands:": true,
  "Global Options:": true,
};

function describeOption(option: Option, lang: Lang): string {
  const shown = option.defaultValue !== undefined && !option.negate && option.defaultValue !== false;
  if (!shown) return option.description;
  const value = option.defaultValueDescription ?? String(option.defaultValue);
  return `${option.description}（${helpWord(lang, "default", { value })}）`;
}

/** commander's failure as a CliFailure in `lang`; `command` is the subcommand typed, if any. */
export function argumentFailure(e: CommanderError, lang: Lang, command: string): CliFailure {
  const [name = "", hint] = quoted(e.message);
  const params = {
    name,
    command: command || "",
    hint: hint ? argErrorText(lang, "didYouMean", { name: hint }) : "",
  };
  const text = (key: Parameters<typeof argErrorText>[1], extra: Record<string, string> = {}) =>
    new CliFailure(argErrorText(lang, key, { ...params, ...extra }), EXIT.unusable);
  switch (e.code) {
    case "commander.missingArgument":
      return text("missingArgument");
    case "commander.missingMandatoryOptionValue":
      return /(^|[ ,])-o\b/.test(name) ? text("missingOutput") : text("missingOption");
    case "commander.optionMissingArgument":
      return text("optionNeedsValue");
    case "commander.unknownOption":
      return text("unknownOption");
    case "commander.unknownCommand":
      return text("unknownCommand", { commands: COMMANDS.join(lang === "en" ? ", " : "、") });
    case "commander.excessArguments":
      return text("tooManyArguments");
    default:
      return text("badArgument", { name: name || e.message });
  }
}

export const COMMANDS = ["validate", "evaluate", "compile", "template", "rules", "demo", "sample"] as const;

/** The quoted names in commander's message: the option or argument, then its suggestion if any. */
function quoted(message: string): string[] {
  const names = [...message.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  const hint = /Did you mean (\S+?)\?/.exec(message)?.[1];
  return hint !== undefined ? [names[0] ?? "", hint] : names;
}

/** commander's own exits after printing help or the version: nothing more to say. */
export function isHelpExit(e: unknown): e is CommanderError {
  return e instanceof CommanderError && HELP_CODES.has(e.code);
}

const HELP_CODES = new Set(["commander.help", "commander.helpDisplayed", "commander.version"]);
