// HTML escaping: every value from a rulebook is shown as text, never as markup.

export function h(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
