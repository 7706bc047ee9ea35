// Shared CLI plumbing: options, reading a ledger file, exit codes, one-line errors (never a stack).
import type { Lang } from "../i18n/text";
import { maskIdCard } from "../report/mask";
import { parseISO, type Day } from "../engine/dates";
import { t } from "../i18n/cli";

export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;

export interface CommonOptions {
  asOf?: string;
  json?: boolean;
  lang?: string;
}

/** A user-facing failure: one line on stderr, then the exit code. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.unusable,
  ) {
    super(message);
  }
}

export function langOf(o: CommonOptions): Lang {
  if (o.lang === undefined || o.lang === "zh-CN" || o.lang === "zh") return "zh-CN";
  if (o.lang === "en") return "en";
  throw new CliFailure(t("zh-CN", "badLang"));
}

export function asOfOf(o: CommonOptions, lang: Lang): Day | undefined {
  if (o.asOf === undefined) return undefined;
  const day = parseISO(o.asOf);
  if (day === undefined) throw new CliFailure(t(lang, "badDate"));
  return day;
}

/** Progress on stderr, only when stderr is a terminal (cli.md). */
export function progress(msg: string): void {
  if (process.stderr.isTTY) process.stderr.write(maskIdCard(msg) + "\n");
}

/** Every line the CLI prints goes through here: 身份证号 masked as in the sheets. */
export function printOut(text: string): void {
  process.stdout.write(maskIdCard(text) + "\n");
}

/** JSON output: every string value masked (numbers are left alone: a float's digits are no ID). */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(masked(value), null, 1) + "\n");
}

function masked(value: unknown): unknown {
  if (typeof value === "string") return maskIdCard(value);
  if (Array.isArray(value)) return value.map(masked);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, masked(v)]));
  return value;
}

export function printErr(text: string): void {
  process.stderr.write(maskIdCard(text) + "\n");
}
