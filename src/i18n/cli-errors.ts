// The CLI's one-line failures for what the operating system refuses, and its translation of the
// command-line parser's (commander's) own messages and help words. zh-CN first, en with --lang en.
import { textOf, translator } from "./text";

/** One text per kind of file-system failure; {file} is always the file or folder concerned. */
export const OS_ERROR_TEXTS = textOf({
  inUse: {
    "zh-CN": "{file} 正在被其他程序使用（可能正在 Excel/WPS 中打开），请先关闭它再重试",
    en: "{file} is in use by another program (probably open in Excel/WPS); close it and try again",
  },
  lockedOpen: {
    "zh-CN": "文件正在 Excel/WPS 中打开，请先关闭：{file}（旁边有它的锁定文件 {lock}）",
    en: "The file is open in Excel/WPS, close it first: {file} (its lock file {lock} is beside it)",
  },
  noPermission: {
    "zh-CN": "没有权限写入 {file}。请换一个自己有权限的文件夹（如“文档”或桌面），或请管理员开放权限",
    en: "No permission to write {file}. Choose a folder you may write to (Documents, Desktop) or ask your administrator",
  },
  noPermissionOrInUse: {
    "zh-CN": "无法写入 {file}：没有权限，或该文件正在 Excel/WPS 中打开。请关闭该文件，或换一个文件夹",
    en: "Cannot write {file}: no permission, or the file is open in Excel/WPS. Close it or choose another folder",
  },
  noFolder: {
    "zh-CN": "文件夹不存在：{folder}。请先建好该文件夹，或用 -o 指定一个已有的文件夹（写出 {file} 时）",
    en: "The folder does not exist: {folder}. Create it first or give an existing folder with -o (writing {file})",
  },
  notAFolder: {
    "zh-CN": "{folder} 不是文件夹，无法在其中写出 {file}。请用 -o 指定一个文件夹中的文件名",
    en: "{folder} is not a folder, so {file} cannot be written in it. Give a file name inside a folder with -o",
  },
  existsNotFolder: {
    "zh-CN": "{file} 已经是一个文件，不能作为文件夹。请用 -o 另指定一个文件夹名",
    en: "{file} is a file, not a folder. Give another folder name with -o",
  },
  isAFolder: {
    "zh-CN": "{file} 是一个文件夹。请给出文件名，例如 {file}/结果.xlsx",
    en: "{file} is a folder. Give a file name, e.g. {file}/results.xlsx",
  },
  diskFull: {
    "zh-CN": "磁盘空间不足，{file} 没有写成（原有文件未受影响）。请清理磁盘或换一个磁盘后重试",
    en: "The disk is full; {file} was not written (existing files are untouched). Free some space or use another disk",
  },
  readOnly: {
    "zh-CN": "{file} 所在的磁盘是只读的（如光盘、写保护的U盘）。请换一个文件夹",
    en: "The disk of {file} is read-only (a CD, a write-protected USB stick). Choose another folder",
  },
  nameTooLong: {
    "zh-CN": "文件名或路径太长：{file}。请用短一些的文件名或文件夹",
    en: "The file name or path is too long: {file}. Use a shorter name or folder",
  },
  tooManyFiles: {
    "zh-CN": "系统同时打开的文件太多，{file} 没有写成。请关闭一些程序后重试",
    en: "Too many files are open; {file} was not written. Close some programs and try again",
  },
  other: {
    "zh-CN":
      "无法写入 {file}（系统错误 {code}）。请检查文件夹是否存在、是否有权限、文件是否正在 Excel/WPS 中打开",
    en: "Cannot write {file} (system error {code}). Check that the folder exists, you may write to it, and the file is not open in Excel/WPS",
  },
  cannotListFolder: {
    "zh-CN": "无法读取文件夹 {file}：{why}",
    en: "Cannot read the folder {file}: {why}",
  },
});

export const osErrorText = translator(OS_ERROR_TEXTS);

/** commander's errors, by its error code; {name} is the argument or option concerned. */
export const ARG_ERROR_TEXTS = textOf({
  missingArgument: {
    "zh-CN": "缺少参数 {name}。运行 pioneer-ledger {command} --help 查看用法",
    en: "Missing argument {name}. Run pioneer-ledger {command} --help for usage",
  },
  missingOutput: {
    "zh-CN": "缺少输出文件：请用 -o 指定，例如 pioneer-ledger {command} … -o 结果.xlsx",
    en: "Missing output file: give it with -o, e.g. pioneer-ledger {command} … -o results.xlsx",
  },
  missingOption: {
    "zh-CN": "缺少必需的选项 {name}。运行 pioneer-ledger {command} --help 查看用法",
    en: "Missing required option {name}. Run pioneer-ledger {command} --help for usage",
  },
  optionNeedsValue: {
    "zh-CN": "选项 {name} 后面缺少值。运行 pioneer-ledger {command} --help 查看用法",
    en: "Option {name} needs a value. Run pioneer-ledger {command} --help for usage",
  },
  unknownOption: {
    "zh-CN": "不认识的选项 {name}{hint}。运行 pioneer-ledger {command} --help 查看可用的选项",
    en: "Unknown option {name}{hint}. Run pioneer-ledger {command} --help for the options",
  },
  unknownCommand: {
    "zh-CN": "没有 {name} 这个命令{hint}。可用的命令：{commands}",
    en: "There is no command {name}{hint}. The commands: {commands}",
  },
  tooManyArguments: {
    "zh-CN": "参数太多。运行 pioneer-ledger {command} --help 查看用法",
    en: "Too many arguments. Run pioneer-ledger {command} --help for usage",
  },
  badArgument: {
    "zh-CN": "参数有误：{name}。运行 pioneer-ledger {command} --help 查看用法",
    en: "Invalid argument: {name}. Run pioneer-ledger {command} --help for usage",
  },
  didYouMean: { "zh-CN": "（是不是想用 {name}？）", en: " (did you mean {name}?)" },
});

export const argErrorText = translator(ARG_ERROR_TEXTS);

/** The words commander prints in --help. */
export const HELP_WORDS = textOf({
  "Usage:": { "zh-CN": "用法：", en: "Usage:" },
  "Arguments:": { "zh-CN": "参数：", en: "Arguments:" },
  "Options:": { "zh-CN": "选项：", en: "Options:" },
  "Commands:": { "zh-CN": "命令：", en: "Commands:" },
  "Global Options:": { "zh-CN": "通用选项：", en: "Global Options:" },
  "[options]": { "zh-CN": "[选项]", en: "[options]" },
  "[command]": { "zh-CN": "[命令]", en: "[command]" },
  default: { "zh-CN": "默认：{value}", en: "default: {value}" },
  help: { "zh-CN": "显示帮助", en: "display help" },
  helpCommand: { "zh-CN": "显示某个命令的帮助", en: "display help for a command" },
  size: { "zh-CN": "规模：small（小）或 district（全区）", en: "small | district" },
});

export const helpWord = translator(HELP_WORDS);

/** The value names in --help (`--as-of <日期>`). */
export const PLACEHOLDERS = textOf({
  ledger: { "zh-CN": "台账.xlsx", en: "ledger.xlsx" },
  files: { "zh-CN": "文件或文件夹...", en: "files-or-folders..." },
  file: { "zh-CN": "文件", en: "file" },
  folder: { "zh-CN": "文件夹", en: "folder" },
  date: { "zh-CN": "日期", en: "date" },
  MB: { "zh-CN": "MB", en: "MB" },
  lang: { "zh-CN": "语言", en: "lang" },
  size: { "zh-CN": "规模", en: "size" },
});

export type Placeholder = keyof typeof PLACEHOLDERS;
export const placeholder = translator(PLACEHOLDERS);
