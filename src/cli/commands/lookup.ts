/** The read-only commands: list, tables, table, facts, source. Each prints to `io` and returns an exit code. */
import { iom } from "../../core";
import { IomError } from "../../core";
import { CLI_LABELS } from "../../i18n/cli";
import { localName } from "../../i18n/glossary";
import { hostLanguage } from "../../i18n/host";
import { formatNumber } from "../../i18n/lang";
import { UserError } from "../errors";
import { columns, tableText, type TableFormat } from "../formats";
import { EXIT, type Io } from "../io";
import { tableNameFor } from "../../sheets/names";

/** The core's messages name the Excel functions; on the command line, name the commands. */
const cliWording = (message: string): string =>
  message
    .replace(/IOM\.LIST[EA]?\("([^"]*)"\)/g, (_, d: string) => `\`iom list ${d}\``)
    .replace(/IOM\.(?:FACTS|CHIFFRES|CIFRAS)\(""\)/g, "`iom facts`");

/** Runs `fn`, turning the core's typed errors into UserErrors with the documented exit codes. */
export function withCore<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof IomError)
      throw new UserError(
        cliWording(e.text(hostLanguage())),
        e.kind === "bad_argument" ? EXIT.usage : EXIT.notFound,
      );
    throw e;
  }
}

export function runList(dimension: string | undefined, io: Io): number {
  const names = withCore(() => iom().list(dimension ?? null, hostLanguage()));
  if (dimension === undefined) io.out(`${CLI_LABELS[hostLanguage()].dimensions}\n`);
  io.out(`${names.join("\n")}\n`);
  return EXIT.ok;
}

export function runTables(opts: { json?: boolean }, io: Io): number {
  const tables = iom().edition.tables;
  if (opts.json) {
    const rows = tables.map((t) => ({
      id: t.id,
      number: t.number,
      title: t.title,
      unit: t.unit,
      rows: t.rows.length,
      columns: t.columns.length,
      lines: t.lines,
      excelTable: tableNameFor(t.id),
    }));
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT.ok;
  }
  io.out(
    columns([
      CLI_LABELS[hostLanguage()].tablesColumns,
      ...tables.map((t) => [
        t.id,
        localName("table", t.number, hostLanguage()),
        `${t.rows.length}×${t.columns.length}`,
        t.unit,
        t.title,
      ]),
    ]),
  );
  return EXIT.ok;
}

export function runTable(id: string, format: TableFormat, io: Io): number {
  const table = withCore(() => iom().resolveTable(id));
  io.out(tableText(table, iom().edition, format));
  return EXIT.ok;
}

export function runFacts(search: string | undefined, opts: { json?: boolean }, io: Io): number {
  const facts = withCore(() => iom().facts(search ?? ""));
  if (opts.json) {
    io.out(`${JSON.stringify(facts, null, 2)}\n`);
    return EXIT.ok;
  }
  io.out(
    columns([
      CLI_LABELS[hostLanguage()].factsColumns,
      ...facts.map((f) => [
        f.key,
        `${f.qualifier ? `${f.qualifier} ` : ""}${formatNumber(f.value, hostLanguage())}`,
        f.unit,
        String(f.paragraph),
        f.label,
      ]),
    ]),
  );
  return EXIT.ok;
}

export function runSource(formula: string[], io: Io): number {
  // `iom source STAFF P-4 F` and `iom source '=IOM.STAFF("P-4","F")'` both work.
  const [first = "", ...rest] = formula;
  const line = withCore(() => iom().sourceIn(hostLanguage(), first, ...rest));
  io.out(`${line}\n`);
  return EXIT.ok;
}
