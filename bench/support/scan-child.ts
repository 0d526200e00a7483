/**
 * The scan baseline's first pass in a process of its own, cold like the functions' one:
 * `node --import tsx bench/support/scan-child.ts INPUT` reads the edition id and the recipes from
 * INPUT, normalises the tables' labels (setup), then times one pass over the recipes.
 */
import { readFileSync } from "node:fs";
import { BUNDLED_EDITIONS } from "../../data";
import { expandEdition } from "../../src/core/runtime-format";
import { outcome, weigh } from "./bundle-host";
import { Scanner, type Recipe } from "./scan";

const inputFile = process.argv[2];
if (!inputFile) throw new Error("usage: scan-child.ts INPUT");
const input = JSON.parse(readFileSync(inputFile, "utf8")) as { edition: string; recipes: Recipe[] };
const runtime = BUNDLED_EDITIONS.find((e) => e.edition === input.edition);
if (!runtime) throw new Error(`no bundled edition ${input.edition}`);
const scanner = new Scanner(expandEdition(runtime));
// One closure per cell, made before the timing, as the functions' calls are (bundle-host.ts).
const calls = input.recipes.map((r) => Scanner.prepared(r)).map((r) => () => scanner.run(r));
let sink = 0;
const started = process.hrtime.bigint();
for (const call of calls) sink += weigh(outcome(call));
const ns = Number(process.hrtime.bigint() - started) / calls.length;
process.stdout.write(`${JSON.stringify({ firstNs: ns, sink: sink % 1 })}\n`);
