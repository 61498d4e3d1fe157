// Progress on stderr while a run reads, checks and writes: a bar on a terminal, nothing elsewhere.
import { Presets, SingleBar } from 'cli-progress';
import type { OutStream } from './streams';

export const PHASES = ['reading', 'checking', 'writing'] as const;
export type Phase = (typeof PHASES)[number];

export class Phases {
  private bar?: SingleBar;

  constructor(stream: OutStream, enabled: boolean) {
    if (!enabled || !stream.isTTY) return;
    this.bar = new SingleBar(
      {
        stream: stream as NodeJS.WritableStream,
        format: 'rulesheet {bar} {phase}',
        clearOnComplete: true,
        hideCursor: true,
        barsize: 20,
      },
      Presets.shades_classic,
    );
    this.bar.start(PHASES.length, 0, { phase: '' });
  }

  /** Shows a phase now: the engine runs synchronously, so the bar is drawn before the work starts. */
  enter(phase: Phase): void {
    if (!this.bar) return;
    this.bar.update(PHASES.indexOf(phase), { phase: `${phase}…` });
    this.bar.render();
  }

  stop(): void {
    if (!this.bar) return;
    this.bar.update(PHASES.length, { phase: 'done' });
    this.bar.stop();
    this.bar = undefined;
  }
}
