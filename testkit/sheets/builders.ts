// The fake's builders: data validation, conditional-format rules and embedded charts, kept as plain specs.
import { CallLog, FakeObject } from './calls';
import type { FakeRange } from './range';

export class FakeDataValidation extends FakeObject {
  readonly kind = 'DataValidation';
  constructor(
    log: CallLog,
    readonly _spec: { type: 'range' | 'list'; range?: FakeRange; values?: string[]; allowInvalid: boolean },
  ) {
    super(log);
  }
  getCriteriaType(): string {
    return this._spec.type === 'range' ? 'VALUE_IN_RANGE' : 'VALUE_IN_LIST';
  }
  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }
}

export class FakeDataValidationBuilder extends FakeObject {
  readonly kind = 'DataValidationBuilder';
  private spec: FakeDataValidation['_spec'] = { type: 'list', values: [], allowInvalid: true };
  requireValueInRange(range: FakeRange, _showDropdown?: boolean): this {
    this.spec = { ...this.spec, type: 'range', range };
    return this;
  }
  requireValueInList(values: string[], _showDropdown?: boolean): this {
    this.spec = { ...this.spec, type: 'list', values: [...values] };
    return this;
  }
  setAllowInvalid(allow: boolean): this {
    this.spec.allowInvalid = allow;
    return this;
  }
  setHelpText(_text: string): this {
    return this;
  }
  build(): FakeDataValidation {
    return new FakeDataValidation(this.log, { ...this.spec });
  }
}

export interface RuleSpec {
  startsWith?: string;
  equalTo?: string;
  background?: string;
  fontColor?: string;
  ranges: FakeRange[];
}

export class FakeConditionalFormatRule extends FakeObject {
  readonly kind = 'ConditionalFormatRule';
  constructor(
    log: CallLog,
    readonly _spec: RuleSpec,
  ) {
    super(log);
  }
  getRanges(): FakeRange[] {
    return [...this._spec.ranges];
  }
  copy(): FakeConditionalFormatRuleBuilder {
    const b = new FakeConditionalFormatRuleBuilder(this.log);
    b._spec = { ...this._spec, ranges: [...this._spec.ranges] };
    return b;
  }
}

export class FakeConditionalFormatRuleBuilder extends FakeObject {
  readonly kind = 'ConditionalFormatRuleBuilder';
  _spec: RuleSpec = { ranges: [] };
  whenTextStartsWith(text: string): this {
    this._spec.startsWith = text;
    return this;
  }
  whenTextEqualTo(text: string): this {
    this._spec.equalTo = text;
    return this;
  }
  setBackground(color: string): this {
    this._spec.background = color;
    return this;
  }
  setFontColor(color: string): this {
    this._spec.fontColor = color;
    return this;
  }
  setRanges(ranges: FakeRange[]): this {
    this._spec.ranges = [...ranges];
    return this;
  }
  build(): FakeConditionalFormatRule {
    if (this._spec.ranges.length === 0)
      throw new Error('A conditional format rule needs at least one range.');
    return new FakeConditionalFormatRule(this.log, { ...this._spec, ranges: [...this._spec.ranges] });
  }
}

export interface ChartSpec {
  type: string;
  title?: string;
  numHeaders?: number;
  ranges: FakeRange[];
  position?: { row: number; col: number };
  options: Record<string, unknown>;
}

export class FakeChart extends FakeObject {
  readonly kind = 'EmbeddedChart';
  constructor(
    log: CallLog,
    readonly _spec: ChartSpec,
  ) {
    super(log);
  }
  getRanges(): FakeRange[] {
    return [...this._spec.ranges];
  }
}

export class FakeChartBuilder extends FakeObject {
  readonly kind = 'EmbeddedChartBuilder';
  private spec: ChartSpec = { type: 'UNSET', ranges: [], options: {} };
  asLineChart(): this {
    this.spec.type = 'LINE';
    return this;
  }
  setChartType(type: string): this {
    this.spec.type = type;
    return this;
  }
  setTitle(title: string): this {
    this.spec.title = title;
    return this;
  }
  setNumHeaders(n: number): this {
    this.spec.numHeaders = n;
    return this;
  }
  addRange(range: FakeRange): this {
    this.spec.ranges.push(range);
    return this;
  }
  setOption(key: string, value: unknown): this {
    this.spec.options[key] = value;
    return this;
  }
  setPosition(row: number, col: number, _offsetX: number, _offsetY: number): this {
    this.spec.position = { row, col };
    return this;
  }
  build(): FakeChart {
    if (this.spec.ranges.length === 0) throw new Error('A chart needs at least one range.');
    return new FakeChart(this.log, { ...this.spec, ranges: [...this.spec.ranges] });
  }
}
