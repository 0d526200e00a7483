import type { Answer } from "../answer";
import { isAll, nameArg, type Arg } from "../args";
import { Dimension, type Named } from "../dimension";
import type { EditionIndex } from "../edition";
import type { Table } from "../model";

const GENDERS: Named<string>[] = [
  { name: "F", aliases: ["Female", "Women", "Woman", "W"], value: "female" },
  { name: "M", aliases: ["Male", "Men", "Man"], value: "male" },
];

/** Migrants moved in the report's year by age group and gender. */
export class MigrantsQuery {
  readonly ageGroup: Dimension<string>;
  readonly gender = new Dimension("gender", GENDERS);
  private readonly table: Table | undefined;

  constructor(private readonly index: EditionIndex) {
    this.table = index.role("migrantsByAgeAndGender");
    this.ageGroup = new Dimension(
      "age_group",
      index.withAliases(
        "age_group",
        (this.table?.rows ?? []).map((r): Named<string> => {
          const range = /^(\d+)-(\d+)$/.exec(r.label);
          const aliases = range
            ? [`${range[1]} to ${range[2]}`, `${range[1]}–${range[2]}`, `aged ${range[1]}-${range[2]}`]
            : [];
          // "> 90" is shown as ">90", as an Excel user types it.
          return {
            name: r.label.replace(/^([<>]) (\d)/, "$1$2"),
            aliases: [r.label, ...aliases],
            value: r.key,
          };
        }),
      ),
    );
  }

  answer(ageArg: Arg, genderArg: Arg): Answer {
    const age = nameArg(ageArg, "age_group", "18-29");
    const genderName = nameArg(genderArg, "gender", "F");
    const row = isAll(age) ? "total" : this.ageGroup.resolve(age as string).value;
    const column = isAll(genderName) ? "total" : this.gender.resolve(genderName as string).value;
    const table = this.table ?? this.index.requireRole("migrantsByAgeAndGender");
    return this.index.cell(this.index.ref(table.id, row, column));
  }
}
