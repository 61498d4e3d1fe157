// Suggesting the next Rule ID from those in use: `S3-004` after `S3-003`, `RULE-001` in an empty rulebook.

/** The id after the highest-numbered id of the most used prefix, keeping its zero padding; never one in use. */
export function nextRuleId(used: readonly string[]): string {
  const taken = new Set(used.map((id) => id.trim().toLowerCase()));
  const byPrefix = new Map<string, { uses: number; max: number; width: number }>();
  for (const id of used) {
    const m = /^(.*?)(\d+)$/.exec(id.trim());
    if (!m) continue;
    const entry = byPrefix.get(m[1]) ?? { uses: 0, max: 0, width: m[2].length };
    entry.uses++;
    entry.max = Math.max(entry.max, Number(m[2]));
    entry.width = Math.max(entry.width, m[2].length);
    byPrefix.set(m[1], entry);
  }
  let best: [string, { uses: number; max: number; width: number }] = ['RULE-', { uses: 0, max: 0, width: 3 }];
  for (const e of byPrefix) if (e[1].uses > best[1].uses) best = e;
  const [prefix, { max, width }] = best;
  for (let n = max + 1; ; n++) {
    const id = `${prefix}${String(n).padStart(width, '0')}`;
    if (!taken.has(id.toLowerCase())) return id;
  }
}
