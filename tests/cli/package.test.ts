/**
 * What `npm install <tarball or folder>` gives a user of the library and the `iom` command: the
 * packed files (the compiled library and CLI, their data, the docs the README links for them; no
 * sources, tests or add-in UI) and dependencies enough to run them (the pane's React and Fluent
 * are bundled at build time, so they are not installed for a library user).
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  name: string;
  main: string;
  types: string;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
};

/** The package (not the subpath) each bare import or require of a file names. */
function packagesImported(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [
    ...text.matchAll(
      /(?:^\s*(?:import|export)\b[^;"]*?\bfrom\s+|^\s*\}\s*from\s+|^\s*import\s+|\bimport\s*\(\s*|\brequire\s*\(\s*)"([^"./][^"]*)"/gm,
    ),
  ].map((m) => m[1]!);
  return specs
    .filter((s) => /^[@\w][\w@/.-]*$/.test(s)) // a module name, not a message's words
    .filter((s) => !s.startsWith("node:") && !builtinModules.includes(s.split("/")[0]!))
    .map((s) => (s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : s.split("/")[0]!));
}

/** Every .ts file under the folders the library build compiles (tsconfig.lib.json's module graph lives there). */
function libSources(): string[] {
  const dirs = ["src/cli", "src/core", "src/i18n", "src/sheets", "src/import"];
  return [
    ...dirs.flatMap((dir) =>
      readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
        .map((f) => join(ROOT, dir, f)),
    ),
    join(ROOT, "src/index.ts"),
    join(ROOT, "data/index.ts"),
    join(ROOT, "data/presentations.ts"),
  ];
}

describe("the installed package", () => {
  it("depends on every package the library and the CLI load (types only and iom check's solver aside)", () => {
    const missing = new Set<string>();
    const imported = libSources().flatMap(packagesImported);
    // The scan finds the imports it is meant to (a static one, a lazy one, a scoped one).
    expect(imported).toEqual(expect.arrayContaining(["commander", "exceljs", "@zip.js/zip.js", "highs"]));
    for (const file of libSources())
      for (const name of packagesImported(file))
        if (!(name in pkg.dependencies) && name !== pkg.name)
          missing.add(`${name} (${file.slice(ROOT.length + 1)})`);
    // `iom check` rebuilds the data with the importer and HiGHS, and says so where they are missing.
    const devOnly = [...missing].filter((m) => !/^(highs|@types\/[^ ]+) /.test(m));
    expect(devOnly).toEqual([]);
  });

  it("does not install the task pane's UI libraries (they are bundled into the add-in at build time)", () => {
    for (const ui of ["react", "react-dom", "@fluentui/react-components"])
      expect(pkg.dependencies).not.toHaveProperty(ui);
  });

  it("packs the compiled library, the command, the data and the docs, and no sources or tests", () => {
    const listing = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    const files = (JSON.parse(listing) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining([
        pkg.main,
        pkg.types,
        ...Object.values(pkg.bin),
        "lib/src/cli/main.js",
        "lib/data/2011/runtime.json",
        "README.md",
        "docs/cli.md",
        "docs/functions.md",
        "package.json",
      ]),
    );
    expect(files.filter((f) => /^(src|tests|bench|scripts|node_modules)\//.test(f))).toEqual([]);
  });
});
