/** The `iom` command's own labels (column headings, headers) in each language; --lang chooses. */
import type { Lang } from "./lang";

export interface CliLabels {
  dimensions: string;
  tablesColumns: [string, string, string, string, string];
  factsColumns: [string, string, string, string, string];
}

export const CLI_LABELS: Record<Lang, CliLabels> = {
  en: {
    dimensions: "Dimensions (list the valid names of one with `iom list DIMENSION`):",
    tablesColumns: ["id", "table", "rows×cols", "unit", "title"],
    factsColumns: ["key", "value", "unit", "¶", "label"],
  },
  fr: {
    dimensions: "Dimensions (noms valides de l'une d'elles\u00a0: `iom list DIMENSION`)\u00a0:",
    tablesColumns: ["id", "tableau", "lignes×col.", "unité", "titre"],
    factsColumns: ["clé", "valeur", "unité", "¶", "libellé"],
  },
  es: {
    dimensions: "Dimensiones (nombres válidos de una de ellas: `iom list DIMENSIÓN`):",
    tablesColumns: ["id", "cuadro", "filas×col.", "unidad", "título"],
    factsColumns: ["clave", "valor", "unidad", "¶", "etiqueta"],
  },
};
