// Bundles the CLI (engine + xlsx host + commands) into one file; npm packages stay external.
// Also bundles the benchmark task runner used by `npm run bench`.
import { build } from "esbuild";

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
};
await build({ ...common, entryPoints: ["src/cli/main.ts"], outfile: "dist/cli.js" });
await build({ ...common, entryPoints: ["src/bench/task.ts"], outfile: "dist/bench-task.js" });
await build({ ...common, entryPoints: ["test/bench/office-task.ts"], outfile: "dist/bench-office.js" });
