#!/usr/bin/env node
// The `iom` command: runs the compiled CLI (lib/, built by `npm run build:lib` on install).
require("../lib/src/cli/main.js");
