// Peak memory of this process: RSS sampled on an interval (async work) plus the kernel's maxRSS (synchronous work blocks the timer).

const MB = 1024 * 1024;

export function rssMB(): number {
  return process.memoryUsage.rss() / MB;
}

export interface RssSampler {
  /** Stops sampling; the peak RSS in MB seen since the process started. */
  stop(): number;
}

export function sampleRss(intervalMs = 20): RssSampler {
  let peak = rssMB();
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMB());
  }, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      // maxRSS is in kilobytes on Linux and macOS.
      return Math.max(peak, rssMB(), (process.resourceUsage().maxRSS * 1024) / MB);
    },
  };
}
