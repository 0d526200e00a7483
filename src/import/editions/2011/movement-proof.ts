import type {
  CellValue,
  Discrepancy,
  ManualFix,
  ProvedCell,
  Table,
  UndeterminedCell,
} from "../../../core/model";
import { prove, type CellKey, type ProofResult } from "../../solver/proof";
import type { SourceText } from "../../source-text";
import { buildMovementModel, type MovementLinks } from "./movement-model";
import { table1Readings } from "./movements";
import { importTable2WithReadings } from "./table2";

/**
 * Tables 1 and 2 as the solver proves them (movement-model.ts, solver/proof.ts): every cell gets
 * the status the proof establishes, and its value follows the serving rule (printed and forced
 * cells hold their value, contradicted cells the printed one, undetermined cells "undetermined"
 * with their exact range and, where a total leaves it, the certain combined figure).
 */

export interface MovementProof {
  discrepancies: Discrepancy[];
  timing: ProofResult["timing"] & { buildMs: number };
  stats: ProofResult["stats"];
}

const keyOf = (table: string, row: string, column: string): CellKey => `${table}|${row}|${column}`;

export async function proveMovementTables(
  src: SourceText,
  fixes: ManualFix[],
  tables: Table[],
  links: MovementLinks,
): Promise<MovementProof> {
  const t0 = performance.now();
  const byId = (id: string): Table => {
    const t = tables.find((x) => x.id === id);
    if (!t) throw new Error(`movement proof: no ${id}`);
    return t;
  };
  const [t1, t2, t3] = [byId("table1"), byId("table2"), byId("table3")];
  const readings = [...table1Readings(src), ...importTable2WithReadings(src, fixes).readings];
  const model = buildMovementModel({ t1, t2, t3 }, readings, fixes, links);
  const targets = [t1, t2].flatMap((t) =>
    t.rows.flatMap((r) => t.columns.map((c) => keyOf(t.id, r.key, c.key))),
  );
  const buildMs = performance.now() - t0;
  const proof = await prove(model, targets);
  const relaxed = new Map(proof.relaxed.map((r) => [r.key, r]));
  const discrepancies: Discrepancy[] = [];
  const varName = (v: number): string => model.lp.vars[v]?.name ?? "";

  for (const t of [t1, t2]) {
    const proved: ProvedCell[] = [];
    const undetermined: UndeterminedCell[] = [];
    const fixOf = new Map(
      fixes
        .filter((f) => f.table === t.id)
        .flatMap((f) => f.cells.map((c) => [`${c.row}|${c.column}`, f] as const)),
    );
    const label = (row: string, column: string): string => {
      const r = t.rows.find((x) => x.key === row);
      const c = t.columns.find((x) => x.key === column);
      // Table 2's programme rows without their service (the programme names it), as the constraints do.
      const path = r ? (r.path.length === 3 ? r.path.slice(1) : r.path) : [row];
      return `${path.join(" › ")} / ${c?.label ?? column}`;
    };
    for (const r of t.rows) {
      t.columns.forEach((c, ci) => {
        const key = keyOf(t.id, r.key, c.key);
        const b = proof.bounds.get(key);
        if (!b) throw new Error(`movement proof: no bounds for ${key}`);
        const rel = relaxed.get(key);
        const free = model.free.has(key);
        // The line a number stands on, as the proof's reading places it (the other half, a fix's line).
        const at = rel?.line ?? b.line;
        if (at !== undefined && at !== r.line && !free) r.cellLines = { ...r.cellLines, [c.key]: at };
        if (rel && rel.printed !== null) {
          // The text prints a number here that cannot stand with the others and the totals.
          const id = `${t.id}-${r.key}-${c.key}-contradicted`.replace(/[._]/g, "-");
          r.cells[ci] = rel.printed;
          proved.push({
            row: r.key,
            column: c.key,
            status: "contradicted",
            min: b.min,
            max: b.max,
            printed: rel.printed,
            because: rel.conflict,
            discrepancy: id,
          });
          discrepancies.push({
            id,
            code: "contradicted",
            table: t.id,
            row: r.key,
            column: c.key,
            line: rel.line,
            printed: rel.printed,
            computed: b.min,
            message: `${t.number}, ${label(r.key, c.key)} prints ${rel.printed}; the report's totals allow only ${b.min === b.max ? String(b.min) : `${b.min} to ${b.max}`} there once the figures they conflict with are set aside`,
            explanation: `Proved by the solver (HiGHS) over Tables 1, 2 and 3: this figure, as printed, cannot stand together with the other printed figures and totals of a minimal conflicting set (${rel.conflict.length} constraints, listed under "Cells the solver proves"); the range is what every integer solution allows with this figure and the others of equal standing left open. The data keeps the printed figure and warns at the cell.`,
          });
          return;
        }
        if (b.min === b.max) {
          const pinnedByText = !rel && !free;
          r.cells[ci] = pinnedByText && b.placed === null && b.min === 0 ? null : b.min;
          if (!pinnedByText) {
            proved.push({
              row: r.key,
              column: c.key,
              status: "forced",
              min: b.min,
              max: b.max,
              because: proof.binding.get(key) ?? [],
            });
          }
          return;
        }
        r.cells[ci] = "undetermined";
        const fix = fixOf.get(`${r.key}|${c.key}`);
        const reason = fix
          ? `the text at line ${fix.line} is garbled and its numbers cannot be assigned to this cell (manual fix ${fix.id})`
          : rel
            ? `the text prints nothing here at line ${rel.line}, but the totals require a number that they do not fix`
            : `line ${b.line ?? r.line} can be read in more than one way that satisfies every printed total`;
        undetermined.push({ row: r.key, column: c.key, reason, min: b.min, max: b.max });
      });
    }
    // The certain combined figure: the smallest printed total whose other parts are all certain.
    // Contradicted cells are served as printed, but their value is not certain: they count as open.
    const contradicted = new Set(
      proved.filter((p) => p.status === "contradicted").map((p) => keyOf(t.id, p.row, p.column)),
    );
    const status = new Map<CellKey, "certain" | "open">();
    for (const r of t.rows)
      t.columns.forEach((c, ci) => {
        const key = keyOf(t.id, r.key, c.key);
        status.set(key, r.cells[ci] === "undetermined" || contradicted.has(key) ? "open" : "certain");
      });
    const valueOf = (key: CellKey): number => {
      const [, row, column] = key.split("|") as [string, string, string];
      const r = t.rows.find((x) => x.key === row);
      const v: CellValue | undefined = r?.cells[t.columns.findIndex((x) => x.key === column)];
      return typeof v === "number" ? v : 0;
    };
    for (const u of undetermined) {
      const key = keyOf(t.id, u.row, u.column);
      const v = model.cells.get(key) as number;
      let best: UndeterminedCell["combined"] | undefined;
      for (const con of model.lp.constraints) {
        if (!/= the sum/.test(con.name) || !con.terms.some(([x]) => x === v)) continue;
        const keys = con.terms.map(([x, coef]) => [varName(x), coef] as const);
        if (keys.some(([k]) => !status.has(k))) continue;
        const open = keys.filter(([k]) => status.get(k) === "open");
        const sign = open.find(([k]) => k === key)?.[1] ?? 0;
        if (open.length < 2 || open.some(([, coef]) => coef !== sign)) continue;
        const value =
          -keys
            .filter(([k]) => status.get(k) === "certain")
            .reduce((s, [k, coef]) => s + coef * valueOf(k), 0) * sign;
        if (best && best.cells.length <= open.length) continue;
        const line = Number(/\(line (\d+)\)$/.exec(con.name)?.[1] ?? 0);
        best = {
          cells: open.map(([k]) => {
            const [, row, column] = k.split("|") as [string, string, string];
            return { row, column };
          }),
          value,
          line,
        };
      }
      if (best) u.combined = best;
    }
    t.undetermined = undetermined;
    t.proved = proved;
  }
  return { discrepancies, timing: { ...proof.timing, buildMs }, stats: proof.stats };
}
