import type { Answer } from "../answer";
import { isAll, nameArg, type Arg } from "../args";
import { countryAliases, countryNamed } from "../countries";
import { Dimension, type Named } from "../dimension";
import type { CellRef, EditionIndex } from "../edition";
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

const T5 = "table5";
const T6 = "table6";
const T7 = "table7";
const S12 = "annex1_s12";

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
  readonly nationality: Dimension<string>;

  constructor(private readonly index: EditionIndex) {
    const t5 = index.table(T5);
    const grades: Named<Category>[] = t5.rows.map((r) => {
      const aliases: Record<string, string[]> = {
        ug: ["Ungraded"],
        short_term_officials: ["STO", "Short term officials", "Short-term"],
        associate_experts: ["AE", "Associate Expert", "JPO", "Junior Professional Officers"],
        total: ["Officials", "Official", "All officials", "Total officials"],
      };
      // "P4" for "P-4": the hyphen is often left out.
      const compact = /^[A-Z]-\d$/.test(r.label) ? [r.label.replace("-", "")] : [];
      return {
        name: r.key === "total" ? "Officials" : r.label,
        aliases: [...compact, ...(aliases[r.key] ?? [])],
        value: { kind: "officials", row: r.key },
      };
    });
    this.category = new Dimension("category", [
      ...grades,
      {
        name: "Employees",
        aliases: ["Employee", "All employees"],
        value: { kind: "employees", group: "all" },
      },
      {
        name: "General Service",
        aliases: ["GS", "G.S.", "General Service employees"],
        value: { kind: "employees", group: "gs" },
      },
      {
        name: "National Officers",
        aliases: ["NO", "N.O.", "National Officer", "NPO"],
        value: { kind: "employees", group: "no" },
      },
      { name: "All", aliases: ["Total", "Staff", "All staff", "Everyone"], value: { kind: "all" } },
    ]);
    const countries = new Map<string, string>();
    for (const id of [T6, T7]) {
      for (const r of index.table(id).rows) if (r.key !== "total") countries.set(r.key, r.label);
    }
    this.nationality = new Dimension(
      "nationality",
      [...countries].map(([key, label]) => ({
        name: label,
        aliases: [key, ...countryAliases(label)],
        value: key,
      })),
    );
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

  private resolveNationality(name: string): string {
    const hit = this.nationality.find(name);
    if (hit) return hit.value;
    const country = countryNamed(name);
    if (country)
      throw noFigure(
        `nationality "${name}": Tables 6 and 7 list no staff member of ${country}'s nationality`,
      );
    return this.nationality.resolve(name).value;
  }

  /** Table 5 by grade; for all officials Annex I §12 prints the same head-counts too. */
  private officials(row: string, gender: Gender | undefined, location: Location | undefined): Answer {
    const cols = (location ? [location === "hq" ? "hq" : "field"] : ["total"]).flatMap((l) =>
      gender ? [`${l}_${gender}`] : l === "total" ? ["total"] : [`${l}_f`, `${l}_m`],
    );
    const what = `${row === "total" ? "officials" : this.index.describe(T5, row, "total").split(" / ")[0]} at ${location === "hq" ? "Headquarters" : "the Field"}`;
    const main = sumOf(
      this.index,
      cols.map((c) => this.index.ref(T5, row, c)),
      what,
    );
    if (row !== "total") return main;
    return mostPrecise([main, this.annex12(["officials"], gender, location)]);
  }

  private employees(
    group: "all" | "gs" | "no",
    gender: Gender | undefined,
    location: Location | undefined,
  ): Answer {
    if (group === "all") {
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
        `the report splits employees into General Service and National Officers only in the field (Table 7); Headquarters employees are counted together`,
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
    return sumOf(
      this.index,
      cols.map((c) => this.index.ref(T7, row, c)),
      `employees (Table 7, ${row})`,
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
    const refs: CellRef[] = cols.map((c) => this.index.ref(S12, row, c));
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
    nationality: string,
  ): Answer {
    const name = this.nationality.entries.find((e) => e.value === nationality)?.name ?? nationality;
    const officials = (): Answer => {
      if (gender)
        throw noFigure(
          `the report does not break down officials by both nationality and gender (Table 6 has no gender, Table 5 no nationality)`,
        );
      if (location)
        throw noFigure(
          `the report does not break down officials by both nationality and location (Table 6 has no location, Table 5 no nationality)`,
        );
      const row = category.kind === "officials" ? category.row : "total";
      if (!this.hasRow(T6, nationality)) throw noFigure(`Table 6 lists no official of ${name}'s nationality`);
      return this.index.cell(this.index.ref(T6, nationality, row));
    };
    const employees = (group: "all" | "gs" | "no"): Answer => {
      if (!this.hasRow(T7, nationality)) throw noFigure(`Table 7 lists no employee of ${name}'s nationality`);
      return this.table7Row(nationality, group, gender, location);
    };
    switch (category.kind) {
      case "officials":
        return officials();
      case "employees":
        return employees(category.group);
      case "all": {
        if (gender || location) {
          throw noFigure(
            `the report does not break down all staff by nationality and ${gender ? "gender" : "location"}: officials by nationality (Table 6) have neither`,
          );
        }
        const refs: CellRef[] = [];
        if (this.hasRow(T6, nationality)) refs.push(this.index.ref(T6, nationality, "total"));
        if (this.hasRow(T7, nationality)) refs.push(this.index.ref(T7, nationality, "total"));
        return sumOf(
          this.index,
          refs,
          `staff of ${name}'s nationality (officials in Table 6 and employees in Table 7)`,
        );
      }
    }
  }

  private hasRow(table: string, key: string): boolean {
    return this.index.table(table).rows.some((r) => r.key === key);
  }
}
