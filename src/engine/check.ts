// Producers of findings and the shape of a check (architecture.md, "Checks are pure"). Every finding
// code has exactly one producer that declares it: a read step or a check.
import type { FindingCode } from "./catalogue";
import { type Finding, FindingSink } from "./findings";
import type { IndexedLedger } from "./ledger";

export interface Producer {
  /** Stable name, for tests and docs. */
  readonly id: string;
  /** Every code the producer can raise. */
  readonly codes: readonly FindingCode[];
}

/** A check: reads the indexed ledger, returns findings, changes nothing. */
export interface Check extends Producer {
  run(ledger: IndexedLedger): Finding[];
}

/** A check whose body can only raise the codes it declares (the sink's type says so). */
export function defineCheck<const C extends FindingCode>(
  id: string,
  codes: readonly C[],
  body: (ledger: IndexedLedger, sink: FindingSink<C>) => void,
): Check {
  return {
    id,
    codes,
    run(ledger) {
      const sink = new FindingSink<C>();
      body(ledger, sink);
      return sink.items;
    },
  };
}
