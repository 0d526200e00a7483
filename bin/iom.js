#!/usr/bin/env node
// The `iom` command: runs the compiled CLI (lib/, built by `npm run build:lib` on install).
// A plain CommonJS shim so it runs without a loader; the compiled CLI is CommonJS too.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require("../lib/src/cli/main.js");
