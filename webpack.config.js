// The Excel add-in build: the task pane and the ribbon commands, their HTML pages (office.js in <head>
// from PL_OFFICE_JS_URL), the icons and dist/manifest.xml for PL_BASE_URL (scripts/addin-config.cjs).
// TypeScript goes through esbuild-loader; ExcelJS (only for browser preview's sample and downloads)
// stays in a lazy chunk: `exceljs` is aliased to its prebuilt browser file, not parsed and not
// re-minified. `npm run build:addin` then checks the initial task-pane JS size (scripts/size-report.mjs).
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { EsbuildPlugin } = require("esbuild-loader");
const { addinSettings, renderManifest } = require("./scripts/addin-config.cjs");

const DIST = path.resolve(__dirname, "dist");
const EXCELJS_BROWSER = require.resolve("exceljs/dist/exceljs.bare.min.js");

/** The ES5 old-webview check inlined at the start of both pages, and its message (src/i18n). */
const oldWebview = {
  script: fs.readFileSync(path.resolve(__dirname, "src/taskpane/old-webview.es5.js"), "utf8"),
  text: JSON.parse(fs.readFileSync(path.resolve(__dirname, "src/i18n/old-webview.json"), "utf8")),
};

/** Web Worker entries: loaded by their fixed names (js/<name>.js). */
const WORKERS = ["submission-worker", "check-worker"];
/** Files of the add-in build in dist/ (the CLI's dist/cli.js and friends are left alone). */
const OWN =
  /^(js\/|assets\/icon-|taskpane\.html$|commands\.html$|support\.html$|manifest\.xml$|size-report\.json$)/;

/**
 * The dev server's certificate from office-addin-dev-certs. Where it cannot install its CA into the
 * system store (no sudo, containers), the certificates it generated are still used; trust ca.crt
 * by hand (docs/deploy.md).
 */
async function devHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const dir = path.join(os.homedir(), ".office-addin-dev-certs");
    const [ca, cert, key] = ["ca.crt", "localhost.crt", "localhost.key"].map((f) => path.join(dir, f));
    if (![ca, cert, key].every((f) => fs.existsSync(f))) throw e;
    console.warn(
      `office-addin-dev-certs could not install its CA (${String(e.message).split("\n")[0]}).\n` +
        `Serving with the certificates in ${dir}; trust ${ca} yourself (see docs/deploy.md).`,
    );
    return { ca: fs.readFileSync(ca), cert: fs.readFileSync(cert), key: fs.readFileSync(key) };
  }
}

module.exports = async (_env, argv) => {
  const mode = argv.mode === "development" ? "development" : "production";
  const dev = mode === "development";
  const { baseUrl, officeJsUrl } = addinSettings(process.env);
  const serving = process.env.WEBPACK_SERVE === "true";

  const config = {
    mode,
    target: "web",
    devtool: dev ? "eval-cheap-module-source-map" : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      // the Web Worker that reads and validates submitted workbooks (汇总报送); loaded by its fixed name
      "submission-worker": "./src/app/submissions/submission-worker.ts",
      // the Web Worker that reads and checks the preview's workbook (校验台账, issue 12); fixed name too
      "check-worker": "./src/app/check/check-worker.ts",
    },
    output: {
      path: DIST,
      filename: (data) =>
        WORKERS.includes(data.chunk?.name) ? `js/${data.chunk.name}.js` : "js/[name].[contenthash:8].js",
      chunkFilename: "js/[name].[contenthash:8].js",
      publicPath: "",
      clean: { keep: (file) => !OWN.test(file.replace(/\\/g, "/")) },
    },
    resolve: {
      extensions: [".tsx", ".ts", ".mjs", ".js"],
      alias: { exceljs$: EXCELJS_BROWSER },
    },
    module: {
      noParse: (file) => file === EXCELJS_BROWSER,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "esbuild-loader",
          options: { target: "es2020", jsx: "automatic" },
        },
      ],
    },
    optimization: {
      minimizer: [new EsbuildPlugin({ target: "es2020", exclude: /exceljs/ })],
      splitChunks: {
        cacheGroups: {
          // ExcelJS's prebuilt (already minified) file in its own named lazy chunk, not re-minified.
          exceljs: {
            test: (m) => m.resource === EXCELJS_BROWSER,
            name: "exceljs-lib",
            chunks: "async",
            enforce: true,
          },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { officeJsUrl, oldWebview },
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters: { officeJsUrl, oldWebview },
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "support.html",
        template: "./src/taskpane/support.html",
        chunks: [],
        templateParameters: {},
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icons/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => renderManifest(content.toString("utf8"), baseUrl),
          },
        ],
      }),
    ],
    stats: "errors-warnings",
  };

  if (serving) {
    // `npm start`: https://localhost:3000 with the office-addin-dev-certs certificate (created on
    // first use in ~/.office-addin-dev-certs; see docs/deploy.md to trust it).
    const port = Number(process.env.PL_PORT || 3000);
    config.devServer = {
      port,
      host: "localhost",
      hot: false,
      liveReload: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await devHttpsOptions() },
      static: false,
      client: { overlay: { warnings: false, errors: true } },
    };
  }
  return config;
};
