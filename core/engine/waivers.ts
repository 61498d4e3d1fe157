// Waivers: a matching, approved, unexpired exception turns FAIL into WAIVED; an expired one says so.
import type { Resource, Rule, Waiver } from '../rulebook/model';
import { dateInZone } from '../values/calendar';
import { compileGlob } from '../values/glob';

export interface WaiverMatch {
  /** The waiver that applies (unexpired), if any. */
  active?: Waiver;
  /** Else the latest expired waiver that would have applied. */
  expired?: Waiver;
}

/**
 * `today` is the run's calendar date (YYYY-MM-DD) in the rulebook's time zone; a waiver holds through its Expires
 * date, which the reader has already made a calendar date in that zone (a UTC-midnight Date).
 */
export function waiverMatcher(
  waivers: Waiver[],
  today: string,
): (rule: Rule, resource: Resource) => WaiverMatch {
  const usable = waivers
    .filter((w) => w.valid)
    .map((w) => ({
      waiver: w,
      rule: w.ruleId.trim().toLowerCase(),
      resource: compileGlob(w.resourceId.trim() === '' ? '*' : w.resourceId.trim()),
      until: w.expires ? w.expires.toISOString().slice(0, 10) : undefined,
    }));
  return (rule, resource) => {
    const id = rule.id.toLowerCase();
    const found: WaiverMatch = {};
    for (const u of usable) {
      if (u.rule !== '*' && u.rule !== id) continue;
      if (!u.resource(resource.id)) continue;
      if (u.until === undefined || u.until >= today) return { active: u.waiver };
      if (!found.expired || (found.expired.expires as Date) < (u.waiver.expires as Date))
        found.expired = u.waiver;
    }
    return found;
  };
}

/** The calendar date of `now` in a time zone, as YYYY-MM-DD. */
export function localDate(now: Date, timeZone: string): string {
  return dateInZone(now, timeZone);
}
