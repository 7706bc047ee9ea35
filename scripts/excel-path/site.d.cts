import type { Browser } from "playwright-core";

export interface ExcelPathStep<T> {
  value: T;
  ms: number;
  /** The longest main-thread task over 50 ms (0: none). */
  longest: number;
  /** Main-thread tasks over 50 ms. */
  count: number;
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
  workers: number;
}

export function runExcelPath(
  browser: Browser,
  xlsx: string,
  asOf: string,
): Promise<{
  validate: ExcelPathStep<Counts>;
  recheck: ExcelPathStep<Counts>;
  evaluate: ExcelPathStep<{ sheets: string[]; rows: number }>;
  here: ExcelPathStep<number>;
}>;
