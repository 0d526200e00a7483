#!/usr/bin/env node
// The `iom` command: runs the CLI bundled into lib/cli.js by `npm run build:lib` (on install).
// A plain CommonJS shim so it runs without a loader; the bundle is CommonJS too.
// Node 22 and later keep V8's compiled code between runs; Node 20 has no such call.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require("node:module").enableCompileCache?.();
// eslint-disable-next-line @typescript-eslint/no-require-imports
require("../lib/cli.js");
