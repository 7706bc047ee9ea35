// Shared CLI plumbing: options, reading a ledger file, exit codes, one-line errors (never a stack).
import { isLedgerFileError } from "../hosts/xlsx/errors";
import { render, type Lang } from "../i18n/text";
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
  if (process.stderr.isTTY) process.stderr.write(msg + "\n");
}

export function describeFailure(e: unknown, lang: Lang, file: string): string {
  if (e instanceof CliFailure) return e.message;
  if (isLedgerFileError(e)) return render(e.text, lang);
  const why = e instanceof Error ? e.message : String(e);
  return t(lang, "internal", { file, why });
}

export function exitCodeOf(e: unknown): number {
  return e instanceof CliFailure ? e.exitCode : EXIT.unusable;
}
