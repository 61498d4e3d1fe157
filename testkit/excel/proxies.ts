// Proxies of the fake Excel API: worksheets, ranges, formats, conditional formats, validation, charts, freeze panes.
import { formatBox, MAX_COLS, MAX_ROWS, parseAddress, type Box } from './address';
import type { FakeRequestContext, Loadable } from './context';
import { FakeRichApiError, notLoaded } from './errors';
import type { ChartRecord, FakeSheet, PageLayoutRecord } from './workbook';

type Props = string | string[] | { select?: string | string[] } | undefined;

/** `'values, numberFormat'`, `['values']`, `'items/name'` → property names (collections drop `items/`). */
function propNames(props: Props): string[] {
  const raw =
    props === undefined
      ? []
      : typeof props === 'string' || Array.isArray(props)
        ? props
        : (props.select ?? []);
  const list = Array.isArray(raw) ? raw : raw.split(',');
  return list.map((p) => p.trim().replace(/^items\//, '')).filter((p) => p !== '');
}

/** Something that properties can be loaded into; reading a property that was not loaded and synced throws. */
abstract class ClientObject implements Loadable {
  protected loaded: Record<string, unknown> = {};
  private nullChecked = false;
  private isNull = false;

  constructor(
    protected readonly ctx: FakeRequestContext,
    readonly path: string,
    /** For `…OrNullObject` proxies: whether the target exists, asked at the next sync. */
    nullable?: () => boolean,
  ) {
    if (nullable)
      ctx.loadInto(
        path,
        { snapshot: () => ({ isNull: !nullable() }), deliver: (v) => this.setNull(v.isNull === true) },
        ['isNullObject'],
      );
  }

  private setNull(isNull: boolean): void {
    this.nullChecked = true;
    this.isNull = isNull;
  }

  get isNullObject(): boolean {
    if (!this.nullChecked) throw notLoaded('isNullObject');
    return this.isNull;
  }

  load(props?: Props): this {
    this.ctx.loadInto(this.path, this, propNames(props));
    return this;
  }

  deliver(values: Record<string, unknown>): void {
    this.loaded = { ...this.loaded, ...values };
  }

  abstract snapshot(props: string[]): Record<string, unknown>;

  protected read<T>(prop: string): T {
    if (!(prop in this.loaded)) throw notLoaded(prop);
    return this.loaded[prop] as T;
  }

  protected command(op: string, args: unknown, run: () => void): void {
    this.ctx.enqueue({ op, target: this.path, args }, run);
  }
}

function missing(what: string): FakeRichApiError {
  return new FakeRichApiError('ItemNotFound', `The requested resource doesn't exist (${what}).`);
}

type SheetRef = () => FakeSheet | undefined;

export class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;
  constructor(ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
  }
}

/** Workbook.settings: the add-in's key-value entries saved in the document, shared by the ribbon and the task pane. */
export class FakeSettingCollection extends ClientObject {
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'settings');
  }
  snapshot(): Record<string, unknown> {
    return {};
  }
  add(key: string, value: unknown): FakeSetting {
    this.command('settings.add', { key, value }, () => void this.ctx.book.settings.set(key, value));
    return this.getItemOrNullObject(key);
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key);
  }
}

export class FakeSetting extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly key: string,
  ) {
    super(ctx, `settings(${key})`, () => ctx.book.settings.has(key));
  }
  snapshot(props: string[]): Record<string, unknown> {
    const all = { key: this.key, value: this.ctx.book.settings.get(this.key) };
    return this.ctx.book.settings.has(this.key) ? pick(all, props.length ? props : ['key', 'value']) : {};
  }
  get value(): unknown {
    return this.read('value');
  }
  delete(): void {
    this.command('settings.delete', this.key, () => void this.ctx.book.settings.delete(this.key));
  }
}

export class FakeWorksheetCollection extends ClientObject {
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'worksheets');
  }

  get items(): FakeWorksheet[] {
    return this.read<FakeWorksheet[]>('items');
  }

  snapshot(props: string[]): Record<string, unknown> {
    const want = props.length === 0 ? ['name', 'id', 'visibility'] : props;
    return { items: this.ctx.book.sheets.map((s) => pick(sheetProps(s, this.ctx.book), want)) };
  }

  override deliver(values: Record<string, unknown>): void {
    const items = (values.items as Record<string, unknown>[]).map((v) => {
      const name = String(v.name ?? '');
      const id = v.id;
      const ws = new FakeWorksheet(
        this.ctx,
        () => (id !== undefined ? this.ctx.book.sheets.find((s) => s.id === id) : this.ctx.book.sheet(name)),
        name,
      );
      ws.deliver(v);
      return ws;
    });
    super.deliver({ items });
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.book.sheet(name), name);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.book.sheet(name), name, true);
  }

  add(name: string): FakeWorksheet {
    this.command('add', { name }, () => {
      if (this.ctx.book.sheet(name))
        throw new FakeRichApiError('ItemAlreadyExists', `A sheet named ${name} exists.`);
      try {
        this.ctx.book.addSheet(name);
      } catch (err) {
        throw new FakeRichApiError('InvalidArgument', (err as Error).message);
      }
    });
    return this.getItem(name);
  }

  getActiveWorksheet(): FakeWorksheet {
    const book = this.ctx.book;
    return new FakeWorksheet(
      this.ctx,
      () => (book.activeSheet ? book.sheet(book.activeSheet) : book.sheets[0]),
      'active',
    );
  }
}

function sheetProps(s: FakeSheet, book?: { sheets: FakeSheet[] }): Record<string, unknown> {
  const position = book ? book.sheets.indexOf(s) : undefined;
  return { name: s.name, id: s.id, visibility: s.visibility, tabColor: s.tabColor, position };
}

function pick(all: Record<string, unknown>, props: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of props) {
    if (!(p in all)) throw new FakeRichApiError('InvalidArgument', `unknown property ${p}`);
    out[p] = all[p];
  }
  return out;
}

export class FakeWorksheet extends ClientObject {
  readonly charts: FakeChartCollection;
  readonly freezePanes: { freezeRows(n: number): void; unfreeze(): void };
  readonly autoFilter: { apply(range: FakeRange): void; remove(): void };
  readonly pageLayout: {
    orientation: string;
    zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
    setPrintTitleRows(address: string): void;
  };

  constructor(
    ctx: FakeRequestContext,
    private readonly ref: SheetRef,
    label: string,
    nullable = false,
  ) {
    super(ctx, `worksheet(${label})`, nullable ? () => ref() !== undefined : undefined);
    this.charts = new FakeChartCollection(ctx, () => this.sheet(), `${this.path}.charts`);
    this.freezePanes = {
      freezeRows: (n: number) => this.command('freezeRows', n, () => void (this.sheet().frozenRows = n)),
      unfreeze: () => this.command('unfreeze', null, () => void (this.sheet().frozenRows = 0)),
    };
    this.autoFilter = {
      apply: (range: FakeRange) =>
        this.command(
          'autoFilter.apply',
          range.path,
          () => void (this.sheet().autoFilter = range.target().box),
        ),
      remove: () => this.command('autoFilter.remove', null, () => void (this.sheet().autoFilter = undefined)),
    };
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const worksheet = this;
    this.pageLayout = {
      set orientation(v: string) {
        worksheet.command(
          'set pageLayout.orientation',
          v,
          () => void (worksheet.sheet().pageLayout.orientation = v),
        );
      },
      get orientation(): string {
        throw notLoaded('pageLayout.orientation');
      },
      set zoom(v: NonNullable<PageLayoutRecord['zoom']>) {
        worksheet.command('set pageLayout.zoom', v, () => void (worksheet.sheet().pageLayout.zoom = v));
      },
      get zoom(): NonNullable<PageLayoutRecord['zoom']> {
        throw notLoaded('pageLayout.zoom');
      },
      setPrintTitleRows: (address: string) =>
        this.command('pageLayout.setPrintTitleRows', address, () => {
          this.sheet().pageLayout.printTitleRows = address;
        }),
    };
  }

  sheet(): FakeSheet {
    const s = this.ref();
    if (!s) throw missing(this.path);
    return s;
  }

  snapshot(props: string[]): Record<string, unknown> {
    const s = this.ref();
    return s ? pick(sheetProps(s, this.ctx.book), props.length ? props : ['name', 'id', 'visibility']) : {};
  }

  get name(): string {
    return this.read('name');
  }
  get id(): string {
    return this.read('id');
  }
  get visibility(): string {
    return this.read('visibility');
  }
  set visibility(v: string) {
    this.command('set visibility', v, () => void (this.sheet().visibility = v));
  }
  set tabColor(v: string) {
    this.command('set tabColor', v, () => void (this.sheet().tabColor = v));
  }
  set name(v: string) {
    this.command('set name', v, () => {
      const sheet = this.sheet();
      const other = this.ctx.book.sheet(v);
      if (other && other !== sheet)
        throw new FakeRichApiError('InvalidArgument', `A sheet named ${v} exists.`);
      sheet.name = v;
    });
  }
  /** The 0-based tab position, as Worksheet.position. */
  set position(v: number) {
    this.command('set position', v, () => {
      const sheets = this.ctx.book.sheets;
      const sheet = this.sheet();
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(Math.min(v, sheets.length), 0, sheet);
    });
  }
  get position(): number {
    return this.read('position');
  }

  activate(): void {
    this.command('activate', null, () => void (this.ctx.book.activeSheet = this.sheet().name));
  }

  delete(): void {
    this.command('delete', null, () => {
      const book = this.ctx.book;
      book.sheets.splice(book.sheets.indexOf(this.sheet()), 1);
    });
  }

  getRange(address?: string): FakeRange {
    const box =
      address === undefined ? { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } : parseAddress(address);
    return new FakeRange(
      this.ctx,
      () => ({ sheet: this.sheet(), box }),
      `${this.path}.range(${address ?? '*'})`,
    );
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    if (rows < 1 || cols < 1) throw new FakeRichApiError('InvalidArgument', 'empty range');
    const box = { r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 };
    return new FakeRange(
      this.ctx,
      () => ({ sheet: this.sheet(), box }),
      `${this.path}.range(${formatBox(box)})`,
    );
  }

  /** As in Excel: an empty sheet's used range is A1. */
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const sheet = this.sheet();
        return { sheet, box: sheet.usedBox(valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
      },
      `${this.path}.usedRange(${valuesOnly})`,
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const target = () => {
      const sheet = this.sheet();
      const box = sheet.usedBox(valuesOnly);
      return box ? { sheet, box } : undefined;
    };
    return new FakeRange(
      this.ctx,
      target,
      `${this.path}.usedRangeOrNull(${valuesOnly})`,
      () => target() !== undefined,
    );
  }
}

type RangeRef = () => { sheet: FakeSheet; box: Box } | undefined;

function dims(box: Box): [number, number] {
  return [box.r1 - box.r0 + 1, box.c1 - box.c0 + 1];
}

export class FakeRange extends ClientObject {
  readonly format: {
    columnWidth: number;
    font: { bold: boolean; color: string };
    fill: { color: string };
    wrapText: boolean;
    horizontalAlignment: string;
    verticalAlignment: string;
    autofitColumns(): void;
  };
  readonly conditionalFormats: { add(type: string): FakeConditionalFormat; clearAll(): void };
  readonly dataValidation: {
    clear(): void;
    rule: ValidationRule;
    errorAlert: ValidationAlert;
  };

  constructor(
    ctx: FakeRequestContext,
    private readonly ref: RangeRef,
    path: string,
    nullable?: () => boolean,
  ) {
    super(ctx, path, nullable);
    // Setters inside the object literals below need this proxy, not the literal.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const range = this;
    const styled = (
      field: 'bold' | 'fill' | 'fontColor' | 'wrapText' | 'horizontalAlignment' | 'verticalAlignment',
      v: unknown,
    ) =>
      this.command(`set format.${field}`, v, () => {
        const { sheet, box } = this.target();
        sheet.rangeFormats.push({ box, [field]: v });
      });
    this.format = {
      set columnWidth(points: number) {
        range.command('set format.columnWidth', points, () => {
          const { sheet, box } = range.target();
          for (let c = box.c0; c <= box.c1; c++) sheet.columnWidths.set(c, points);
        });
      },
      get columnWidth(): number {
        throw notLoaded('format.columnWidth');
      },
      font: {
        set bold(v: boolean) {
          styled('bold', v);
        },
        get bold(): boolean {
          throw notLoaded('format.font.bold');
        },
        set color(v: string) {
          styled('fontColor', v);
        },
        get color(): string {
          throw notLoaded('format.font.color');
        },
      },
      fill: {
        set color(v: string) {
          styled('fill', v);
        },
        get color(): string {
          throw notLoaded('format.fill.color');
        },
      },
      set wrapText(v: boolean) {
        styled('wrapText', v);
      },
      get wrapText(): boolean {
        throw notLoaded('format.wrapText');
      },
      set horizontalAlignment(v: string) {
        styled('horizontalAlignment', v);
      },
      get horizontalAlignment(): string {
        throw notLoaded('format.horizontalAlignment');
      },
      set verticalAlignment(v: string) {
        styled('verticalAlignment', v);
      },
      get verticalAlignment(): string {
        throw notLoaded('format.verticalAlignment');
      },
      autofitColumns: () => this.command('autofitColumns', null, () => undefined),
    };
    this.conditionalFormats = {
      add: (type: string) => new FakeConditionalFormat(this, type),
      clearAll: () =>
        this.command('conditionalFormats.clearAll', null, () => {
          const { sheet, box } = this.target();
          sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => !overlaps(f.box, box));
        }),
    };
    this.dataValidation = {
      clear: () =>
        this.command('dataValidation.clear', null, () => {
          const { sheet, box } = this.target();
          sheet.validations = sheet.validations.filter((v) => !overlaps(v.box, box));
        }),
      set rule(rule: ValidationRule) {
        range.command('set dataValidation.rule', rule, () => {
          const { sheet, box } = range.target();
          // Excel refuses a second rule over cells that already have one: clear first.
          if (sheet.validations.some((v) => overlaps(v.box, box)))
            throw new FakeRichApiError(
              'InvalidOperation',
              'The range already has data validation; clear it first.',
            );
          sheet.validations.push({ box, rule });
        });
      },
      get rule(): ValidationRule {
        throw notLoaded('dataValidation.rule');
      },
      set errorAlert(alert: ValidationAlert) {
        range.command('set dataValidation.errorAlert', alert, () => {
          const { sheet, box } = range.target();
          const v = sheet.validations.find((x) => overlaps(x.box, box));
          if (!v) throw new FakeRichApiError('InvalidOperation', 'No data validation rule to alert on.');
          v.errorAlert = alert;
        });
      },
      get errorAlert(): ValidationAlert {
        throw notLoaded('dataValidation.errorAlert');
      },
    };
  }

  /** The whole columns of this range, every row. */
  getEntireColumn(): FakeRange {
    const ref = this.ref;
    return new FakeRange(
      this.ctx,
      () => {
        const t = ref();
        return t && { sheet: t.sheet, box: { ...t.box, r0: 0, r1: MAX_ROWS - 1 } };
      },
      `${this.path}.entireColumn`,
    );
  }

  target(): { sheet: FakeSheet; box: Box } {
    const t = this.ref();
    if (!t) throw missing(this.path);
    return t;
  }

  snapshot(props: string[]): Record<string, unknown> {
    const t = this.ref();
    if (!t) return {};
    const { sheet, box } = t;
    const [rows, cols] = dims(box);
    const all: Record<string, () => unknown> = {
      values: () => sheet.values(box),
      numberFormat: () => sheet.formats(box),
      rowIndex: () => box.r0,
      columnIndex: () => box.c0,
      rowCount: () => rows,
      columnCount: () => cols,
      address: () => `${sheet.name}!${formatBox(box)}`,
    };
    const want = props.length ? props : Object.keys(all);
    const out: Record<string, unknown> = {};
    for (const p of want) {
      if (!all[p]) throw new FakeRichApiError('InvalidArgument', `unknown property ${p}`);
      if ((p === 'values' || p === 'numberFormat') && rows * cols > 5_000_000)
        throw new FakeRichApiError('RangeExceedsLimit', 'The range is too large to read.');
      out[p] = all[p]();
    }
    return out;
  }

  get values(): unknown[][] {
    return this.read('values');
  }
  set values(v: unknown[][]) {
    this.setCells('values', v, (sheet, r, c, x) => sheet.setValue(r, c, x));
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.setCells('numberFormat', v, (sheet, r, c, x) => sheet.setFormat(r, c, x));
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get address(): string {
    return this.read('address');
  }

  private setCells(
    prop: string,
    v: unknown[][],
    put: (sheet: FakeSheet, r: number, c: number, x: unknown) => void,
  ): void {
    this.command(`set ${prop}`, v, () => {
      const { sheet, box } = this.target();
      const [rows, cols] = dims(box);
      if (
        !Array.isArray(v) ||
        v.length !== rows ||
        v.some((row) => !Array.isArray(row) || row.length !== cols)
      )
        throw new FakeRichApiError(
          'InvalidArgument',
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${prop}).`,
        );
      v.forEach((row, i) => row.forEach((x, j) => put(sheet, box.r0 + i, box.c0 + j, x)));
    });
  }

  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this.command('clear', applyTo, () => {
      const { sheet, box } = this.target();
      sheet.clear(box, applyTo);
    });
  }

  select(): void {
    this.command('select', null, () => {
      const { sheet, box } = this.target();
      this.ctx.book.selection = { sheet: sheet.name, address: formatBox(box) };
    });
  }
}

function overlaps(a: Box, b: Box): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

interface ValidationRule {
  list?: { inCellDropDown?: boolean; source?: string };
}
interface ValidationAlert {
  showAlert?: boolean;
  style?: string;
  title?: string;
  message?: string;
}

export class FakeConditionalFormat {
  readonly textComparison: {
    rule: { operator: string; text: string };
    format: { fill: { color: string }; font: { color: string } };
  };

  constructor(range: FakeRange, type: string) {
    const record = { box: { r0: 0, c0: 0, r1: 0, c1: 0 }, type } as {
      box: Box;
      type: string;
      rule?: { operator?: string; text?: string };
      fill?: string;
      font?: string;
    };
    const cmd = (op: string, args: unknown, run: () => void) => range['command'](op, args, run);
    cmd('conditionalFormats.add', type, () => {
      const { sheet, box } = range.target();
      if (type !== 'ContainsText')
        throw new FakeRichApiError('NotImplemented', `fake: conditional format ${type}`);
      record.box = box;
      sheet.conditionalFormats.push(record);
    });
    this.textComparison = {
      set rule(rule: { operator: string; text: string }) {
        cmd('set textComparison.rule', rule, () => void (record.rule = { ...rule }));
      },
      get rule(): { operator: string; text: string } {
        throw notLoaded('textComparison.rule');
      },
      format: {
        fill: {
          set color(v: string) {
            cmd('set textComparison.format.fill.color', v, () => void (record.fill = v));
          },
          get color(): string {
            throw notLoaded('fill.color');
          },
        },
        font: {
          set color(v: string) {
            cmd('set textComparison.format.font.color', v, () => void (record.font = v));
          },
          get color(): string {
            throw notLoaded('font.color');
          },
        },
      },
    };
  }
}

export class FakeChartCollection extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
    path: string,
  ) {
    super(ctx, path);
  }

  get items(): FakeChart[] {
    return this.read('items');
  }

  snapshot(): Record<string, unknown> {
    return { items: this.sheet().charts.map((c) => ({ name: c.name })) };
  }

  override deliver(values: Record<string, unknown>): void {
    const items = (values.items as { name: string }[]).map((v) => {
      const chart = this.getItem(v.name);
      chart.deliver(v);
      return chart;
    });
    super.deliver({ items });
  }

  add(type: string, source: FakeRange, seriesBy = 'Auto'): FakeChart {
    const holder: { record?: ChartRecord } = {};
    this.command('charts.add', { type, source: source.path, seriesBy }, () => {
      const { box } = source.target();
      const record: ChartRecord = {
        name: `Chart ${this.sheet().charts.length + 1}`,
        type,
        source: formatBox(box),
        seriesBy,
        title: '',
      };
      this.sheet().charts.push(record);
      holder.record = record;
    });
    return new FakeChart(this.ctx, () => holder.record, this.sheet, `${this.path}.added`);
  }

  getItem(name: string): FakeChart {
    return new FakeChart(
      this.ctx,
      () => this.sheet().charts.find((c) => c.name === name),
      this.sheet,
      `${this.path}(${name})`,
    );
  }
}

export class FakeChart extends ClientObject {
  readonly title: { text: string };

  constructor(
    ctx: FakeRequestContext,
    private readonly ref: () => ChartRecord | undefined,
    private readonly sheet: () => FakeSheet,
    path: string,
  ) {
    super(ctx, path);
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const chart = this;
    this.title = {
      set text(v: string) {
        chart.command('set title.text', v, () => void (chart.record().title = v));
      },
      get text(): string {
        throw notLoaded('title.text');
      },
    };
  }

  private record(): ChartRecord {
    const r = this.ref();
    if (!r) throw missing(this.path);
    return r;
  }

  snapshot(props: string[]): Record<string, unknown> {
    const r = this.ref();
    return r ? pick({ name: r.name, chartType: r.type }, props.length ? props : ['name']) : {};
  }

  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    this.command('set name', v, () => void (this.record().name = v));
  }

  setPosition(start: string, end?: string): void {
    this.command(
      'setPosition',
      { start, end },
      () => void (this.record().position = end ? `${start}:${end}` : start),
    );
  }

  delete(): void {
    this.command('delete', null, () => {
      const charts = this.sheet().charts;
      charts.splice(charts.indexOf(this.record()), 1);
    });
  }
}
