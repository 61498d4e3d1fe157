// The fake's services: LockService, ScriptApp triggers, the Ui, HtmlService and Session.
import { FakeObject, type CallLog } from './calls';

/** One lock for the document, shared by every getDocumentLock() call, as across executions in Apps Script. */
export class LockState {
  holder: FakeLock | 'other' | null = null;
}

export class FakeLock extends FakeObject {
  readonly kind = 'Lock';
  constructor(
    log: CallLog,
    private readonly state: LockState,
  ) {
    super(log);
  }
  tryLock(_timeoutMs: number): boolean {
    if (this.state.holder !== null && this.state.holder !== this) return false;
    this.state.holder = this;
    return true;
  }
  waitLock(timeoutMs: number): void {
    if (!this.tryLock(timeoutMs))
      throw new Error('Lock timeout: another process was holding the lock for too long.');
  }
  hasLock(): boolean {
    return this.state.holder === this;
  }
  releaseLock(): void {
    if (this.state.holder === this) this.state.holder = null;
  }
}

export class FakeLockService extends FakeObject {
  readonly kind = 'LockService';
  readonly _state = new LockState();
  getDocumentLock(): FakeLock {
    return new FakeLock(this.log, this._state);
  }
  getScriptLock(): FakeLock {
    return new FakeLock(this.log, this._state);
  }
}

export class FakeTrigger extends FakeObject {
  readonly kind = 'Trigger';
  constructor(
    log: CallLog,
    readonly handler: string,
    readonly id: string,
    readonly _schedule: { everyDays?: number; atHour?: number },
  ) {
    super(log);
  }
  getHandlerFunction(): string {
    return this.handler;
  }
  getUniqueId(): string {
    return this.id;
  }
  getEventType(): string {
    return 'CLOCK';
  }
}

export class FakeClockTriggerBuilder extends FakeObject {
  readonly kind = 'ClockTriggerBuilder';
  private schedule: { everyDays?: number; atHour?: number } = {};
  constructor(
    log: CallLog,
    private readonly app: FakeScriptApp,
    private readonly handler: string,
  ) {
    super(log);
  }
  everyDays(n: number): this {
    this.schedule.everyDays = n;
    return this;
  }
  atHour(h: number): this {
    if (h < 0 || h > 23) throw new Error('Hour must be between 0 and 23.');
    this.schedule.atHour = h;
    return this;
  }
  create(): FakeTrigger {
    if (this.schedule.everyDays === undefined) throw new Error('A time-based trigger needs a frequency.');
    const t = new FakeTrigger(this.log, this.handler, `trigger-${++this.app._nextId}`, { ...this.schedule });
    this.app._triggers.push(t);
    return t;
  }
}

export class FakeTriggerBuilder extends FakeObject {
  readonly kind = 'TriggerBuilder';
  constructor(
    log: CallLog,
    private readonly app: FakeScriptApp,
    private readonly handler: string,
  ) {
    super(log);
  }
  timeBased(): FakeClockTriggerBuilder {
    return new FakeClockTriggerBuilder(this.log, this.app, this.handler);
  }
}

export class FakeScriptApp extends FakeObject {
  readonly kind = 'ScriptApp';
  _triggers: FakeTrigger[] = [];
  _nextId = 0;
  newTrigger(handler: string): FakeTriggerBuilder {
    return new FakeTriggerBuilder(this.log, this, handler);
  }
  getProjectTriggers(): FakeTrigger[] {
    return [...this._triggers];
  }
  deleteTrigger(trigger: FakeTrigger): void {
    this._triggers = this._triggers.filter((t) => t !== trigger);
  }
}

export class FakeMenu extends FakeObject {
  readonly kind = 'Menu';
  readonly _items: { caption: string; functionName: string }[] = [];
  constructor(
    log: CallLog,
    private readonly ui: FakeUi,
    readonly caption: string,
  ) {
    super(log);
  }
  addItem(caption: string, functionName: string): this {
    this._items.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    this._items.push({ caption: '---', functionName: '' });
    return this;
  }
  addToUi(): void {
    this.ui._menus.push(this);
  }
}

export class FakeHtmlOutput extends FakeObject {
  readonly kind = 'HtmlOutput';
  title = '';
  constructor(
    log: CallLog,
    readonly content: string,
  ) {
    super(log);
  }
  setTitle(title: string): this {
    this.title = title;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  getContent(): string {
    return this.content;
  }
  setWidth(_px: number): this {
    return this;
  }
}

export class FakeUi extends FakeObject {
  readonly kind = 'Ui';
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO' };
  readonly Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };
  readonly _menus: FakeMenu[] = [];
  readonly _alerts: string[] = [];
  readonly _sidebars: FakeHtmlOutput[] = [];
  /** Answers the next prompt() calls give, in order; an empty list answers Cancel. */
  _promptAnswers: string[] = [];
  createMenu(caption: string): FakeMenu {
    return new FakeMenu(this.log, this, caption);
  }
  alert(titleOrPrompt: string, prompt?: string, _buttons?: string): string {
    this._alerts.push(prompt ?? titleOrPrompt);
    return this.Button.OK;
  }
  prompt(
    _title: string,
    _prompt?: string,
    _buttons?: string,
  ): { getSelectedButton(): string; getResponseText(): string } {
    const answer = this._promptAnswers.shift();
    return {
      getSelectedButton: () => (answer === undefined ? this.Button.CANCEL : this.Button.OK),
      getResponseText: () => answer ?? '',
    };
  }
  showSidebar(html: FakeHtmlOutput): void {
    this._sidebars.push(html);
  }
}

export class FakeHtmlService extends FakeObject {
  readonly kind = 'HtmlService';
  constructor(
    log: CallLog,
    readonly _files: Record<string, string>,
  ) {
    super(log);
  }
  private file(name: string): string {
    const content = this._files[name] ?? this._files[`${name}.html`];
    if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
    return content;
  }
  createHtmlOutputFromFile(name: string): FakeHtmlOutput {
    return new FakeHtmlOutput(this.log, this.file(name));
  }
  createHtmlOutput(html = ''): FakeHtmlOutput {
    return new FakeHtmlOutput(this.log, html);
  }
  createTemplateFromFile(name: string): { evaluate(): FakeHtmlOutput } {
    const content = this.file(name);
    return { evaluate: () => new FakeHtmlOutput(this.log, content) };
  }
}

export class FakeSession extends FakeObject {
  readonly kind = 'Session';
  constructor(
    log: CallLog,
    private readonly timeZone: string,
    private readonly email: string,
  ) {
    super(log);
  }
  getScriptTimeZone(): string {
    return this.timeZone;
  }
  getActiveUser(): { getEmail(): string } {
    return { getEmail: () => this.email };
  }
  getEffectiveUser(): { getEmail(): string } {
    return { getEmail: () => this.email };
  }
}
