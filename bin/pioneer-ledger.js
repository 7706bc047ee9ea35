#!/usr/bin/env node
// Thin launcher: the CLI is built into dist/ by `npm install` (the prepare script).
require("../dist/cli.js");
