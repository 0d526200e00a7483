/** The read-only commands: list, tables, table, facts, source. Each prints to `io` and returns an exit code. */
import { iom } from "../../core";
import { IomError } from "../../core";
import { CLI_LABELS } from "../../i18n/cli";
import { localName } from "../../i18n/glossary";
import { hostLanguage } from "../../i18n/host";
import { formatNumber } from "../../i18n/lang";
import { UserError } from "../errors";
import {
  columns,
  LISTING_FORMATS,
  SOURCE_FORMATS,
  tableText,
  TABLE_FORMATS,
  type ListingFormat,
} from "../formats";
import { chooseFormat, delimited, withOutput, type Emit, type OutputOptions } from "../output";
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

/** Rows of fields in a listing format: aligned columns for reading, CSV or TSV, or JSON records. */
function listing(rows: string[][], format: ListingFormat, records: () => unknown, emit: Emit): void {
  if (format === "json") emit.data(`${JSON.stringify(records(), null, 2)}\n`);
  else if (format === "text") emit.data(columns(rows));
  else emit.data(delimited(rows, format));
}

export function runList(dimension: string | undefined, opts: OutputOptions, io: Io): number {
  const format = chooseFormat(opts, LISTING_FORMATS, "text");
  const names = withCore(() => iom().list(dimension ?? null, hostLanguage()));
  return withOutput(opts, format, io, (emit) => {
    if (format === "json") emit.data(`${JSON.stringify(names, null, 2)}\n`);
    else if (format === "text")
      emit.data(
        `${dimension === undefined ? `${CLI_LABELS[hostLanguage()].dimensions}\n` : ""}${names.join("\n")}\n`,
      );
    else emit.data(delimited([[dimension ?? "dimension"], ...names.map((n) => [n])], format));
    return EXIT.ok;
  });
}

export function runTables(opts: OutputOptions, io: Io): number {
  const format = chooseFormat(opts, LISTING_FORMATS, "text");
  const tables = iom().edition.tables;
  const rows = [
    [...CLI_LABELS[hostLanguage()].tablesColumns],
    ...tables.map((t) => [
      t.id,
      localName("table", t.number, hostLanguage()),
      `${t.rows.length}×${t.columns.length}`,
      t.unit,
      t.title,
    ]),
  ];
  const records = () =>
    tables.map((t) => ({
      id: t.id,
      number: t.number,
      title: t.title,
      unit: t.unit,
      rows: t.rows.length,
      columns: t.columns.length,
      lines: t.lines,
      excelTable: tableNameFor(t.id),
    }));
  return withOutput(opts, format, io, (emit) => (listing(rows, format, records, emit), EXIT.ok));
}

export function runTable(id: string, opts: OutputOptions, io: Io): number {
  const format = chooseFormat(opts, TABLE_FORMATS, "tsv");
  const table = withCore(() => iom().resolveTable(id));
  return withOutput(
    opts,
    format,
    io,
    (emit) => (emit.data(tableText(table, iom().edition, format)), EXIT.ok),
  );
}

export function runFacts(search: string | undefined, opts: OutputOptions, io: Io): number {
  const format = chooseFormat(opts, LISTING_FORMATS, "text");
  const facts = withCore(() => iom().facts(search ?? ""));
  const lang = hostLanguage();
  // The text listing reads like the report ("approximately 30"); CSV and TSV keep the number a number.
  const rows = [
    [...CLI_LABELS[lang].factsColumns],
    ...facts.map((f) => [
      f.key,
      format === "text"
        ? `${f.qualifier ? `${f.qualifier} ` : ""}${formatNumber(f.value, lang)}`
        : String(f.value),
      f.unit,
      String(f.paragraph),
      f.label,
    ]),
  ];
  return withOutput(opts, format, io, (emit) => (listing(rows, format, () => facts, emit), EXIT.ok));
}

export function runSource(formula: string[], opts: OutputOptions, io: Io): number {
  const format = chooseFormat(opts, SOURCE_FORMATS, "text");
  // `iom source STAFF P-4 F` and `iom source '=IOM.STAFF("P-4","F")'` both work.
  const [first = "", ...rest] = formula;
  const traced = withCore(() => iom().trace(hostLanguage(), first, ...rest));
  return withOutput(opts, format, io, (emit) => {
    emit.data(
      format === "json"
        ? `${JSON.stringify({ value: traced.answer.value, edition: traced.edition, source: traced.line, provenance: traced.answer.provenance }, null, 2)}\n`
        : `${traced.line}\n`,
    );
    return EXIT.ok;
  });
}
