import { msg } from "../../i18n/messages";
import type { Answer } from "../answer";
import { isAll, nameArg, type Arg } from "../args";
import { countryAliases, countryNamed, countryTranslations, isoCodeOf } from "../countries";
import { Dimension, type Named } from "../dimension";
import type { CellRef, EditionIndex } from "../edition";
import type { Table } from "../model";
import { mostPrecise, noFigure, sumOf } from "./common";

type Gender = "f" | "m";
type Location = "hq" | "field";

/**
 * Who is counted: officials (a Table 5 row: a grade, Short-term Officials, Associate
 * Experts or all officials), employees (all, or the field's General Service / National
 * Officers columns of Table 7), or everyone.
 */
type Category =
  { kind: "officials"; row: string } | { kind: "employees"; group: "all" | "gs" | "no" } | { kind: "all" };

/** A nationality's rows in Table 6 (officials) and Table 7 (employees), which may spell it differently. */
interface Nationality {
  t6?: string;
  t7?: string;
}

const GENDERS: Named<Gender>[] = [
  { name: "F", aliases: ["Female", "Women", "Woman", "W"], value: "f" },
  { name: "M", aliases: ["Male", "Men", "Man"], value: "m" },
];
const LOCATIONS: Named<Location>[] = [
  { name: "Headquarters", aliases: ["HQ", "Geneva", "Head office"], value: "hq" },
  { name: "Field", aliases: ["Field offices", "Country offices", "Outside headquarters"], value: "field" },
];

const GENDER_WORD: Record<Gender, string> = { f: "female", m: "male" };

export class StaffQuery {
  readonly category: Dimension<Category>;
  readonly gender = new Dimension("gender", GENDERS);
  readonly location = new Dimension("location", LOCATIONS);
  readonly nationality: Dimension<Nationality>;

  /** Grades × location and gender; nationality × grade; nationality × employee group; the staff summary. */
  private readonly t5: Table | undefined;
  private readonly t6: Table | undefined;
  private readonly t7: Table | undefined;
  private readonly s12: Table | undefined;

  constructor(private readonly index: EditionIndex) {
    this.t5 = index.role("officialsByGrade");
    this.t6 = index.role("officialsByNationality");
    this.t7 = index.role("employeesByNationality");
    this.s12 = index.role("staffByLocationAndGender");
    const grades: Named<Category>[] = (this.t5?.rows ?? []).map((r) => {
      // "P4" for "P-4": the hyphen is often left out.
      const compact = /^[A-Z]-\d$/.test(r.label) ? [r.label.replace("-", "")] : [];
      return {
        name: r.key === "total" ? "Officials" : r.label,
        aliases: r.key === "total" ? [r.label, ...compact] : compact,
        value: { kind: "officials", row: r.key },
      };
    });
    this.category = new Dimension(
      "category",
      index.withAliases("category", [
        ...grades,
        {
          name: "Employees",
          aliases: ["Employee", "All employees"],
          value: { kind: "employees", group: "all" },
        },
        {
          name: "General Service",
          // Table 7 heads the column "General Services".
          aliases: ["GS", "G.S.", "General Services", "General Service employees"],
          value: { kind: "employees", group: "gs" },
        },
        {
          name: "National Officers",
          aliases: ["NO", "N.O.", "National Officer", "NPO"],
          value: { kind: "employees", group: "no" },
        },
        { name: "All", aliases: ["Total", "Staff", "All staff", "Everyone"], value: { kind: "all" } },
      ]),
    );
    // One entry per country: Table 7 spells "The former Yugoslav Republic of Macedonia" in full
    // where Table 6 abbreviates it, and both name one nationality.
    const countries = new Map<string, { name: string; aliases: string[]; value: Nationality }>();
    for (const [which, table] of [
      ["t6", this.t6],
      ["t7", this.t7],
    ] as const) {
      for (const r of table?.rows ?? []) {
        if (r.key === "total") continue;
        const group = isoCodeOf(r.label) ?? r.key;
        const c = countries.get(group) ?? { name: r.label, aliases: countryAliases(r.label), value: {} };
        c.aliases.push(r.key, r.label);
        c.value[which] = r.key;
        countries.set(group, c);
      }
    }
    this.nationality = new Dimension("nationality", [...countries.values()], countryTranslations);
  }

  /** The grades of the officials' table (its rows but the total), as STAFF names them. */
  gradeNames(): string[] {
    return this.category.entries
      .filter((e) => e.value.kind === "officials" && e.value.row !== "total")
      .map((e) => e.name);
  }

  answer(categoryArg: Arg, genderArg: Arg, locationArg: Arg, nationalityArg: Arg): Answer {
    const categoryName = nameArg(categoryArg, "category", "P-4");
    const genderName = nameArg(genderArg, "gender", "F");
    const locationName = nameArg(locationArg, "location", "Field");
    const nationalityName = nameArg(nationalityArg, "nationality", "France");
    const category = isAll(categoryName)
      ? ({ kind: "all" } as const)
      : this.category.resolve(categoryName as string).value;
    const gender = isAll(genderName) ? undefined : this.gender.resolve(genderName as string).value;
    const location = isAll(locationName) ? undefined : this.location.resolve(locationName as string).value;
    const nationality = isAll(nationalityName)
      ? undefined
      : this.resolveNationality(nationalityName as string);

    if (nationality !== undefined) return this.byNationality(category, gender, location, nationality);
    switch (category.kind) {
      case "officials":
        return this.officials(category.row, gender, location);
      case "employees":
        return this.employees(category.group, gender, location);
      case "all":
        return this.annex12(["employees", "officials"], gender, location);
    }
  }

  private resolveNationality(name: string): Nationality {
    const hit = this.nationality.find(name);
    if (hit) return hit.value;
    const country = countryNamed(name);
    if (country) {
      const tables = [this.t6, this.t7].filter((t): t is Table => t !== undefined).map((t) => t.number);
      throw noFigure(msg("nationality_none", { input: name, country, tables }));
    }
    return this.nationality.resolve(name).value;
  }

  /** Table 5 by grade; for all officials Annex I §12 prints the same head-counts too. */
  private officials(row: string, gender: Gender | undefined, location: Location | undefined): Answer {
    const cols = (location ? [location === "hq" ? "hq" : "field"] : ["total"]).flatMap((l) =>
      gender ? [`${l}_${gender}`] : l === "total" ? ["total"] : [`${l}_f`, `${l}_m`],
    );
    const t5 = this.t5 ?? this.index.requireRole("officialsByGrade");
    const what = `${row === "total" ? "officials" : this.index.describe(t5.id, row, "total").split(" / ")[0]} at ${location === "hq" ? "Headquarters" : "the Field"}`;
    const main = sumOf(
      this.index,
      cols.map((c) => this.index.ref(t5.id, row, c)),
      what,
    );
    if (row !== "total" || !this.s12) return main;
    return mostPrecise([main, this.annex12(["officials"], gender, location)]);
  }

  private employees(
    group: "all" | "gs" | "no",
    gender: Gender | undefined,
    location: Location | undefined,
  ): Answer {
    if (group === "all") {
      if (!this.t7) return this.annex12(["employees"], gender, location);
      if (!this.s12) return this.table7Total("all", gender, location);
      const annex = this.annex12(["employees"], gender, location);
      return mostPrecise([annex, this.table7Total("all", gender, location)]);
    }
    return this.table7Total(group, gender, location);
  }

  /** Employees from Table 7's TOTAL row: HQ F/M, Field G.S. F/M, Field N.O. F/M. */
  private table7Total(
    group: "all" | "gs" | "no",
    gender: Gender | undefined,
    location: Location | undefined,
  ): Answer {
    return this.table7Row("total", group, gender, location);
  }

  private table7Row(
    row: string,
    group: "all" | "gs" | "no",
    gender: Gender | undefined,
    location: Location | undefined,
  ): Answer {
    if (group !== "all" && location === "hq") {
      throw noFigure(
        msg("employees_split_hq", {
          table: (this.t7 ?? this.index.requireRole("employeesByNationality")).number,
        }),
      );
    }
    const places =
      group === "all"
        ? location === "hq"
          ? ["hq"]
          : location === "field"
            ? ["field_gs", "field_no"]
            : ["hq", "field_gs", "field_no"]
        : [`field_${group}`];
    const cols =
      row !== "total" && group === "all" && !location && !gender
        ? ["total"]
        : places.flatMap((p) => (gender ? [`${p}_${gender}`] : [`${p}_f`, `${p}_m`]));
    const t7 = this.t7 ?? this.index.requireRole("employeesByNationality");
    return sumOf(
      this.index,
      cols.map((c) => this.index.ref(t7.id, row, c)),
      `employees (${t7.number}, ${row})`,
    );
  }

  /** Annex I §12: employees and officials by location (HQ/Field) and gender. */
  private annex12(
    kinds: ("employees" | "officials")[],
    gender: Gender | undefined,
    location: Location | undefined,
  ): Answer {
    const row = gender ? GENDER_WORD[gender] : "total";
    const everyone = kinds.length === 2 && !location;
    const cols = everyone
      ? ["total"]
      : kinds.flatMap((k) => (location ? [`${location}_${k}`] : [`hq_${k}`, `field_${k}`]));
    const s12 = this.s12 ?? this.index.requireRole("staffByLocationAndGender");
    const refs: CellRef[] = cols.map((c) => this.index.ref(s12.id, row, c));
    return sumOf(
      this.index,
      refs,
      `${kinds.join(" and ")}${location ? ` at ${location === "hq" ? "Headquarters" : "the Field"}` : ""}`,
    );
  }

  private byNationality(
    category: Category,
    gender: Gender | undefined,
    location: Location | undefined,
    nationality: Nationality,
  ): Answer {
    const name = this.nationality.entries.find((e) => e.value === nationality)?.name ?? "";
    const { t6, t7 } = nationality;
    const officials = (): Answer => {
      const tables = { byNationality: this.t6?.number ?? "", byGrade: this.t5?.number ?? "" };
      if (gender) throw noFigure(msg("officials_nationality_gender", tables));
      if (location) throw noFigure(msg("officials_nationality_location", tables));
      const row = category.kind === "officials" ? category.row : "total";
      if (!t6 || !this.t6)
        throw noFigure(
          msg("t6_no_official", {
            nationality: name,
            table: (this.t6 ?? this.index.requireRole("officialsByNationality")).number,
          }),
        );
      return this.index.cell(this.index.ref(this.t6.id, t6, row));
    };
    const employees = (group: "all" | "gs" | "no"): Answer => {
      if (!t7 || !this.t7)
        throw noFigure(
          msg("t7_no_employee", {
            nationality: name,
            table: (this.t7 ?? this.index.requireRole("employeesByNationality")).number,
          }),
        );
      return this.table7Row(t7, group, gender, location);
    };
    switch (category.kind) {
      case "officials":
        return officials();
      case "employees":
        return employees(category.group);
      case "all": {
        if (gender || location) {
          throw noFigure(
            msg("all_staff_nationality", {
              by: gender ? "gender" : "location",
              table: this.t6?.number ?? "",
            }),
          );
        }
        const refs: CellRef[] = [];
        if (t6 && this.t6) refs.push(this.index.ref(this.t6.id, t6, "total"));
        if (t7 && this.t7) refs.push(this.index.ref(this.t7.id, t7, "total"));
        return sumOf(
          this.index,
          refs,
          `staff of ${name}'s nationality (officials in Table 6 and employees in Table 7)`,
        );
      }
    }
  }
}
