/**
 * The part of Excel's Office Scripts API (namespace ExcelScript) that the generated scripts use,
 * declared from Microsoft's reference so the scripts can be type-checked outside Excel (tests and
 * lint). Excel on the web supplies the real, complete API; this file is never uploaded.
 */
declare namespace ExcelScript {
  enum HorizontalAlignment {
    general = "General",
    left = "Left",
    center = "Center",
    right = "Right",
    centerAcrossSelection = "CenterAcrossSelection",
  }

  enum BorderIndex {
    edgeTop = "EdgeTop",
  }

  enum BorderLineStyle {
    continuous = "Continuous",
  }

  interface Workbook {
    getTable(name: string): Table | undefined;
    getWorksheet(name: string): Worksheet | undefined;
    addWorksheet(name?: string): Worksheet;
  }

  interface Worksheet {
    getName(): string;
    activate(): void;
    getRange(address?: string): Range;
    getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range;
    addTable(address: Range | string, hasHeaders: boolean): Table;
  }

  interface Range {
    getRowCount(): number;
    getColumnCount(): number;
    getFormulas(): string[][];
    setFormulas(formulas: string[][]): void;
    setValues(values: (string | number | boolean)[][]): void;
    setNumberFormat(numberFormat: string): void;
    setNumberFormats(numberFormats: string[][]): void;
    getFormat(): RangeFormat;
  }

  interface RangeFormat {
    getFont(): RangeFont;
    getFill(): RangeFill;
    getRangeBorder(index: BorderIndex): RangeBorder;
    setHorizontalAlignment(horizontalAlignment: HorizontalAlignment): void;
    setWrapText(wrapText: boolean): void;
    autofitColumns(): void;
  }

  interface RangeFont {
    setBold(bold: boolean): void;
    setItalic(italic: boolean): void;
    setSize(size: number): void;
    setName(name: string): void;
    setColor(color: string): void;
  }

  interface RangeFill {
    setColor(color: string): void;
  }

  interface RangeBorder {
    setStyle(style: BorderLineStyle): void;
  }

  interface Table {
    setName(name: string): void;
    setPredefinedTableStyle(predefinedTableStyle: string): void;
    setShowFilterButton(showFilterButton: boolean): void;
    getRangeBetweenHeaderAndTotal(): Range;
  }
}

/** Office Scripts show console.log output in the script editor's output pane. */
declare const console: { log(...data: unknown[]): void };
