/** Runs the project's TypeScript scripts in a child Node process (through tsx), and fetches over https. */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { get } from "node:https";
import { join } from "node:path";

export const ROOT = join(__dirname, "../..");

export interface ScriptResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `node --import tsx <script> ...args`, resolved when it exits (whatever the exit code). */
export function runScript(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<ScriptResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", join(ROOT, script), ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Starts a long-running script; its output accumulates in `output()`. */
export function spawnScript(script: string, args: string[]): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, script), ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout?.on("data", (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (text += chunk.toString()));
  return { child, output: () => text };
}

/** Resolves with the output once `pattern` appears; rejects when the process exits first or on timeout. */
export function waitForOutput(
  proc: { child: ChildProcess; output: () => string },
  pattern: RegExp,
  timeoutMs: number,
): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const match = pattern.exec(proc.output());
      if (match) {
        clearInterval(timer);
        resolve(match);
      } else if (proc.child.exitCode !== null || Date.now() > deadline) {
        clearInterval(timer);
        reject(new Error(`no ${String(pattern)} in output (exit ${proc.child.exitCode}):\n${proc.output()}`));
      }
    }, 100);
    const deadline = Date.now() + timeoutMs;
  });
}

export interface HttpsResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

/**
 * GET over https, trusting only the given CA (the development CA: its self-signed chain is accepted in
 * tests only). `rawPath` is sent as is, without the URL normalisation that would remove "..".
 */
export function httpsGet(url: string, ca: Buffer, rawPath?: string): Promise<HttpsResponse> {
  return new Promise((resolve, reject) => {
    const options = { ca, timeout: 10_000, ...(rawPath !== undefined ? { path: rawPath } : {}) };
    const req = get(url, options, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers["content-type"] ?? "",
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on("timeout", () => req.destroy(new Error(`timeout fetching ${url}`)));
    req.on("error", reject);
  });
}
