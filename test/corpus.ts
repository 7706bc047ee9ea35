// Where the real-world workbook corpus is: CI lays shared/ beside the clone; sessions have /work/shared.
import { existsSync } from "fs";
import * as path from "path";

const candidates = [
  path.resolve(__dirname, "../../shared/corpus/real-world"),
  "/work/shared/corpus/real-world",
];
const found = candidates.find((p) => existsSync(p));
if (!found) throw new Error(`the real-world corpus is missing: looked in ${candidates.join(", ")}`);

export const CORPUS_DIR: string = found;
