/**
 * `npm stop`: stops the `npm start` server (started in this or another terminal, found by the file
 * it records itself in) and removes the desktop Excel sideload that `npm start` registered
 * (Windows, macOS). Option: --state FILE, the file `npm start --state FILE` recorded itself in.
 */
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { STATE_FILE, clearState, isAlive, readState } from "./dev-server-state";
import { ROOT } from "./webpack.config";

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Stops the recorded server: SIGTERM, then SIGKILL if it has not exited within 5 seconds. */
async function stopServer(file: string): Promise<void> {
  const state = readState(file);
  if (!state) {
    console.log("No npm start server is running.");
    return;
  }
  process.kill(state.pid, "SIGTERM");
  for (let waited = 0; waited < 5000 && isAlive(state.pid); waited += 100) await sleep(100);
  if (isAlive(state.pid)) process.kill(state.pid, "SIGKILL");
  clearState(state.pid, file);
  console.log(`Stopped the npm start server at ${state.origin} (process ${state.pid}).`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { state: { type: "string" } } });
  await stopServer(resolve(values.state ?? STATE_FILE));
  if (process.platform !== "win32" && process.platform !== "darwin") return;
  const { stopDebugging } = await import("office-addin-debugging");
  await stopDebugging(join(ROOT, "manifest.xml"));
}

main().catch((error: unknown) => {
  console.error(`npm stop failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
