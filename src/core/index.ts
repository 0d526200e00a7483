/**
 * The core's one door: everything the custom functions, the task pane, the CLI, the sheet layouts
 * and scripts use of the core comes from here (eslint's no-restricted-imports keeps it so).
 */
export type { Answer, Note, Provenance } from "./answer";
export { isAll, isBlank, plainArg, type Arg, type CellArg, type DataTypeArg } from "./args";
export {
  figureCard,
  statusOf,
  type Card,
  type CardField,
  type CardSection,
  type EntityCard,
  type FigureCard,
  type FigureStatus,
} from "./card";
export {
  cellValueOf,
  type CellValueJson,
  type CellValueOptions,
  type DoubleJson,
  type EntityJson,
  type PropertyJson,
} from "./cell-values";
export { countryCard } from "./country";
export { cellSources, type Call, type CellSource, type StaticReason } from "./cell-calls";
export { IomError, isIomError, type IomErrorKind } from "./errors";
export { parseFormula, type ParsedFormula } from "./formula";
export {
  tableGrid,
  padPath,
  isMissing,
  type Grid,
  type GridCell,
  type Missing,
  type TableGrid,
} from "./grid";
export { Iom, ARITY, VALUE_FUNCTIONS, describeProvenance, unknownFunction, type ValueFunction } from "./iom";
export { CallMemo, callKey, approxBytes, DEFAULT_MEMO_BUDGET, type MemoArg, type MemoOptions } from "./memo";
export { presentationOf, registerPresentation } from "./presentations";
export { normalizeName } from "./normalize";
export { checkTableSums, type SumMismatch } from "./proofs";
export type { RuntimeEdition } from "./runtime-format";
export {
  iom,
  editions,
  editionId,
  latestEdition,
  defaultEdition,
  useEdition,
  registerEdition,
  unregisterEdition,
  editionsVersion,
  type EditionInfo,
} from "./editions";
export type * from "./model";
