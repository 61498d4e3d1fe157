// jsdom lacks what Fluent UI measures with: ResizeObserver (MessageBar reflow) and scrollIntoView (listboxes).
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const w = window as unknown as { ResizeObserver?: unknown };
if (!w.ResizeObserver) w.ResizeObserver = NoopResizeObserver;
if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = function scrollIntoView() {};
export {};
