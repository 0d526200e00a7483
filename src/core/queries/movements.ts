import type { Localized } from "../../i18n/lang";
import { msg } from "../../i18n/messages";
import type { Answer } from "../answer";
import { isAll, nameArg, type Arg } from "../args";
import { translations } from "../../i18n/glossary";
import { countryAliases, countryNamed, countryTranslations } from "../countries";
import { Dimension, type Named } from "../dimension";
import type { CellRef, EditionIndex } from "../edition";
import { normalizeName } from "../normalize";
import type { Row, Table } from "../model";
import { mostPrecise, noFigure, sumOf } from "./common";

/** Where persons went: a Table 2 column, a Table 1 destination column, or a narrative figure. */
type Place =
  | { kind: "all" }
  | { kind: "t2"; column: string }
  | { kind: "t1"; column: string }
  | { kind: "fact"; key: string; why: Localized };

/** A Table 2 programme (its rows share a key prefix) or a service classification (several programmes). */
interface Programme {
  name: string;
  /** A service classification groups programmes; a programme is one block of Table 2's rows. */
  kind: "service" | "programme";
  /** The row printing its total: a programme's Subtotal or a service's "… total". */
  totalRow: string;
  /** Key prefixes of its programmes' rows. */
  programmes: string[];
}

/** A departure region as each table names it; a name may exist in one table only. */
interface From {
  name: string;
  /** Table 1 departure row (area or region total). */
  t1Row?: string;
  /** Table 2 region-of-departure label within each programme ("Europe"). */
  t2Region?: string;
  /** Table 3 budgetary region (its row-key prefix). */
  t3Region?: string;
}

const last = (path: readonly string[]): string => path[path.length - 1] ?? "";
const withoutTotal = (label: string): string => label.replace(/\s+total$/i, "");

/**
 * Movements, from the edition's three movement tables: by region of departure and destination
 * area (t1), by service, programme and region of departure × destination country (t2), and by
 * budgetary region (t3). An edition may lack any of them; the names they would give are then
 * simply not there, and a question only that table answers is #N/A.
 */
export class MovementsQuery {
  readonly place: Dimension<Place>;
  readonly programme: Dimension<Programme>;
  readonly from: Dimension<From>;
  private readonly t1: Table | undefined;
  private readonly t2: Table | undefined;
  private readonly t3: Table | undefined;

  constructor(private readonly index: EditionIndex) {
    this.t1 = index.role("movementsByRegion");
    this.t2 = index.role("movementsByService");
    this.t3 = index.role("movementsByBudgetaryRegion");
    const countries = new Set<string>();
    this.place = new Dimension("place", index.withAliases("place", this.placeEntries(countries)), (name) => [
      ...translations("place", name),
      ...(countries.has(name) ? countryTranslations(name) : []),
    ]);
    this.programme = new Dimension("programme", index.withAliases("programme", this.programmeEntries()));
    this.from = new Dimension("from", this.fromEntries());
  }

  /** The movement table answering a question; without it, #N/A saying the edition has none. */
  private need(
    t: Table | undefined,
    role: "movementsByRegion" | "movementsByService" | "movementsByBudgetaryRegion",
  ): Table {
    return t ?? this.index.requireRole(role);
  }

  /** The places; `countries` collects the names that are countries (named in French and Spanish too). */
  private placeEntries(countries: Set<string>): Named<Place>[] {
    const out: Named<Place>[] = [
      { name: "All", aliases: ["Total", "Grand total", "World", "Total migrants"], value: { kind: "all" } },
    ];
    for (const c of this.t2?.columns ?? []) {
      if (c.key === "total") continue;
      const isOther = c.key.startsWith("other.");
      const name = isOther ? `Other countries in ${c.label}` : c.label;
      const aliases = isOther
        ? [`Other ${c.label}`, `Other countries in the ${c.label}`]
        : countryAliases(c.label);
      if (!isOther) countries.add(name);
      out.push({ name, aliases, value: { kind: "t2", column: c.key } });
    }
    for (const c of this.t1?.columns ?? []) {
      if (c.key === "total_migrants") continue;
      const label = last(c.path);
      out.push({
        name: withoutTotal(label),
        aliases: label === withoutTotal(label) ? [] : [label],
        value: { kind: "t1", column: c.key },
      });
    }
    for (const p of this.index.edition.meta.narrativePlaces) {
      countries.add(p.name);
      out.push({
        name: p.name,
        aliases: countryAliases(p.name),
        value: { kind: "fact", key: p.fact, why: p.reason },
      });
    }
    return out;
  }

  private programmeEntries(): Named<Programme>[] {
    const services = new Map<string, Programme>();
    const programmes = new Map<string, Programme>();
    for (const r of this.t2?.rows ?? []) {
      const [service, programme] = r.path;
      if (r.key === "grand_total") continue; // every programme: a blank or "All" programme, not a name
      if (r.key.endsWith("_total") && service && r.path.length === 1) {
        const s = services.get(withoutTotal(service)) ?? {
          name: withoutTotal(service),
          kind: "service" as const,
          totalRow: r.key,
          programmes: [],
        };
        s.totalRow = r.key;
        services.set(s.name, s);
        continue;
      }
      if (!service || !programme) continue;
      const prefix = r.key.slice(0, r.key.indexOf("."));
      const p = programmes.get(prefix) ?? {
        name: programme,
        kind: "programme" as const,
        totalRow: `${prefix}.subtotal`,
        programmes: [prefix],
      };
      programmes.set(prefix, p);
      const s = services.get(service) ?? {
        name: service,
        kind: "service" as const,
        totalRow: "",
        programmes: [],
      };
      if (!s.programmes.includes(prefix)) s.programmes.push(prefix);
      services.set(service, s);
    }
    return [
      ...[...services.values()].map((s) => ({ name: s.name, value: s })),
      ...[...programmes.values()].map((p) => ({ name: p.name, value: p })),
    ];
  }

  private fromEntries(): Named<From>[] {
    const byName = new Map<string, From>();
    const entry = (name: string): From => {
      const k = normalizeName(name);
      const e = byName.get(k) ?? { name };
      byName.set(k, e);
      return e;
    };
    for (const r of this.t1?.rows ?? []) {
      if (r.key === "grand_total") continue;
      entry(withoutTotal(last(r.path))).t1Row = r.key;
    }
    for (const r of this.t2?.rows ?? []) {
      if (r.path.length === 3 && last(r.path) !== "Subtotal") entry(last(r.path)).t2Region = last(r.path);
    }
    const t3Names: string[] = [];
    for (const r of this.t3?.rows ?? []) {
      const region = r.path[0];
      if (!region || r.path.length !== 2 || t3Names.includes(region)) continue;
      t3Names.push(region);
      const prefix = r.key.slice(0, r.key.indexOf("."));
      // Table 3's budgetary regions are not departure regions: a name both use needs the qualifier.
      const plain = byName.get(normalizeName(region));
      if (!plain) entry(region).t3Region = prefix;
      entry(`${region} (budgetary region)`).t3Region = prefix;
    }
    return [...byName.values()].map((value) => ({
      name: value.name,
      aliases: value.name.endsWith("(budgetary region)")
        ? [`budget ${value.name.replace(" (budgetary region)", "")}`]
        : [],
      value,
    }));
  }

  /** The programmes (not the service classifications), in the table's order. */
  programmeNames(): string[] {
    return this.programme.entries.filter((e) => e.value.kind === "programme").map((e) => e.name);
  }

  /** The regions of departure Table 2 breaks each destination's movements down by. */
  departureRegions(): string[] {
    return this.from.entries.filter((e) => e.value.t2Region !== undefined).map((e) => e.name);
  }

  /** The canonical name of the destination country `name` denotes (a country column or a narrative place), if any. */
  countryNamed(name: string): string | undefined {
    const hit = this.place.find(name);
    if (!hit) return undefined;
    const v = hit.value;
    return v.kind === "fact" || (v.kind === "t2" && !v.column.startsWith("other.")) ? hit.name : undefined;
  }

  answer(placeArg: Arg, programmeArg: Arg, fromArg: Arg): Answer {
    const placeName = nameArg(placeArg, "place", "Kenya");
    const programmeName = nameArg(programmeArg, "programme", "Resettlement Assistance");
    const fromName = nameArg(fromArg, "from", "Africa");
    const place = isAll(placeName) ? ({ kind: "all" } as const) : this.resolvePlace(placeName as string);
    const programme = isAll(programmeName)
      ? undefined
      : this.programme.resolve(programmeName as string).value;
    const from = isAll(fromName) ? undefined : this.from.resolve(fromName as string).value;

    if (place.kind === "fact") {
      if (programme || from)
        throw noFigure(
          msg("narrative_no_breakdown", {
            input: placeName as string,
            why: msg("edition_text", { text: place.why }),
          }),
        );
      const a = this.index.fact(place.key);
      return { value: a.value, provenance: { ...a.provenance, notes: [place.why, ...a.provenance.notes] } };
    }
    if (from?.t3Region !== undefined && !from.t1Row && !from.t2Region)
      return this.byBudgetaryRegion(place, programme, from);
    if (place.kind === "t1") return this.byRegion(place.column, programme, from, placeName as string);
    return this.byService(place.kind === "all" ? "total" : place.column, programme, from);
  }

  private resolvePlace(name: string): Place {
    const hit = this.place.find(name);
    if (hit) return hit.value;
    const country = countryNamed(name);
    if (country) {
      throw noFigure(
        msg("not_destination", { input: name, country, ...(this.t2 ? { table: this.t2.number } : {}) }),
      );
    }
    return this.place.resolve(name).value;
  }

  private byRegion(
    column: string,
    programme: Programme | undefined,
    from: From | undefined,
    placeName: string,
  ): Answer {
    if (programme) {
      throw noFigure(
        msg("no_programme_breakdown", {
          place: placeName,
          byRegion: this.need(this.t1, "movementsByRegion").number,
          ...(this.t2 ? { byService: this.t2.number } : {}),
        }),
      );
    }
    const t1 = this.need(this.t1, "movementsByRegion");
    if (from && !from.t1Row)
      throw noFigure(msg("from_not_t1", { from: from.name, place: placeName, table: t1.number }));
    return this.index.cell(this.index.ref(t1.id, from?.t1Row ?? "grand_total", column));
  }

  private byService(column: string, programme: Programme | undefined, from: From | undefined): Answer {
    if (!from) {
      if (!programme) {
        if (column !== "total")
          return this.index.cell(
            this.index.ref(this.need(this.t2, "movementsByService").id, "grand_total", column),
          );
        return this.grandTotal();
      }
      return this.index.cell(
        this.index.ref(this.need(this.t2, "movementsByService").id, programme.totalRow, column),
      );
    }
    if (!programme && column === "total" && from.t1Row && this.t1) {
      return this.index.cell(this.index.ref(this.t1.id, from.t1Row, "total_migrants"));
    }
    if (!from.t2Region) {
      throw noFigure(
        msg("from_not_t2", { from: from.name, table: this.need(this.t2, "movementsByService").number }),
      );
    }
    const t2 = this.need(this.t2, "movementsByService");
    const prefixes = programme ? programme.programmes : this.allProgrammePrefixes();
    const rows = t2.rows.filter(
      (r) =>
        prefixes.includes(r.key.slice(0, r.key.indexOf("."))) &&
        r.path.length === 3 &&
        last(r.path) === from.t2Region,
    );
    if (rows.length === 0) {
      throw noFigure(
        msg("t2_no_row", {
          from: from.name,
          table: t2.number,
          ...(programme ? { programme: programme.name } : {}),
        }),
      );
    }
    const what = `${from.name} departures${programme ? ` under ${programme.name}` : " across all programmes"}`;
    const answer = sumOf(
      this.index,
      rows.map((r) => this.index.ref(t2.id, r.key, column)),
      what,
    );
    return withLabelNotes(answer, rows, t2);
  }

  /** Every movement table prints the grand total: the most precise answers, the others are cited. */
  private grandTotal(): Answer {
    const refs: CellRef[] = [
      ...(this.t1 ? [this.index.ref(this.t1.id, "grand_total", "total_migrants")] : []),
      ...(this.t2 ? [this.index.ref(this.t2.id, "grand_total", "total")] : []),
      ...(this.t3 ? [this.index.ref(this.t3.id, "grand_total", "total_migrants")] : []),
    ];
    if (refs.length === 0) throw this.index.missing("movementsByService");
    return mostPrecise(refs.map((r) => this.index.cell(r)));
  }

  private allProgrammePrefixes(): string[] {
    return [...new Set(this.programme.entries.flatMap((e) => e.value.programmes))];
  }

  private byBudgetaryRegion(place: Place, programme: Programme | undefined, from: From): Answer {
    if (place.kind !== "all") {
      throw noFigure(
        msg("t3_no_destination", {
          from: from.name,
          table: this.need(this.t3, "movementsByBudgetaryRegion").number,
        }),
      );
    }
    const region = from.t3Region as string;
    const t3 = this.need(this.t3, "movementsByBudgetaryRegion");
    if (!programme) return this.index.cell(this.index.ref(t3.id, `${region}_total`, "total_migrants"));
    const rows = t3.rows.filter(
      (r) => r.key.startsWith(`${region}.`) && programme.programmes.includes(r.key.slice(region.length + 1)),
    );
    if (rows.length === 0)
      throw noFigure(
        msg("t3_no_programme", { programme: programme.name, from: from.name, table: t3.number }),
      );
    return sumOf(
      this.index,
      rows.map((r) => this.index.ref(t3.id, r.key, "total_migrants")),
      `${programme.name} in the ${from.name} budgetary region`,
    );
  }
}

/** A table may print two rows with one label (two "Europe" rows in one programme): say so when both are counted. */
function withLabelNotes(answer: Answer, rows: Row[], table: Table): Answer {
  const dup = rows.filter((r) => /_\d+$/.test(r.key));
  if (dup.length === 0) return answer;
  return {
    ...answer,
    provenance: {
      ...answer.provenance,
      notes: [
        ...answer.provenance.notes,
        `${table.number} prints more than one row with this label (${dup.map((r) => `line ${r.line}`).join(", ")}); all are counted, as printed`,
      ],
    },
  };
}
