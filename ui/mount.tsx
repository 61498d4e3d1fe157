// Renders the pane into a page element with a given host; shared by the Excel entry and test pages.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import type { HostActions, KeyValueStore } from './host-actions';
import { App } from './App';

/** window.localStorage when the page may use it, else a memory store (private modes, sandboxed frames). */
export function browserStorage(): KeyValueStore {
  try {
    const s = window.localStorage;
    s.getItem('rulesheet.probe');
    return s;
  } catch {
    const memory = new Map<string, string>();
    return { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v) };
  }
}

export function mountTaskpane(
  element: HTMLElement,
  host: HostActions,
  storage: KeyValueStore = browserStorage(),
): void {
  createRoot(element).render(<App host={host} storage={storage} />);
}
