/**
 * `npm stop`: removes the desktop Excel sideload that `npm start` registered (Windows, macOS).
 * The dev server itself stops with Ctrl+C in the terminal running `npm start`.
 */
import { join } from "node:path";
import { ROOT } from "./webpack.config";

async function main(): Promise<void> {
  if (process.platform !== "win32" && process.platform !== "darwin") {
    console.log("Nothing was sideloaded on this platform; stop `npm start` with Ctrl+C.");
    return;
  }
  const { stopDebugging } = await import("office-addin-debugging");
  await stopDebugging(join(ROOT, "manifest.xml"));
}

main().catch((error: unknown) => {
  console.error(`npm stop failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
