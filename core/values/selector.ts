// Kubernetes label selectors: matchLabels, matchExpressions (In, NotIn, Exists, DoesNotExist) and plain maps.
import type { Value } from '../types';
import { isObject, toText } from './coerce';
import { splitList } from './list';

/** One requirement on a label: present (and one of `values`), absent, or not one of `values`. */
interface Requirement {
  key: string;
  op: 'in' | 'notin' | 'exists' | 'doesnotexist';
  /** Lower-cased values, for In and NotIn. */
  values: string[];
}

/** A selector read once: every requirement must hold. An empty selector selects everything, as in Kubernetes. */
export interface Selector {
  requirements: Requirement[];
}

/** Labels read once: lower-cased key → lower-cased value (text compares ignoring case, as everywhere). */
export type Labels = Map<string, string>;

/**
 * A selector from a value: `{matchLabels, matchExpressions}` (Deployments, PodDisruptionBudgets, NetworkPolicies),
 * else a plain map of label → value (a Service's `selector`), or text `app=web, tier=front`. A string says why not.
 */
export function readSelector(v: Value): Selector | string {
  if (typeof v === 'string') return selectorFromText(v);
  if (!isObject(v)) return 'is not a label selector';
  const keys = Object.keys(v).map((k) => k.toLowerCase());
  const structured = keys.includes('matchlabels') || keys.includes('matchexpressions');
  if (!structured) {
    const labels = readLabels(v);
    if (typeof labels === 'string') return 'is not a label selector';
    return { requirements: [...labels].map(([key, value]) => ({ key, op: 'in', values: [value] })) };
  }
  const requirements: Requirement[] = [];
  const matchLabels = field(v, 'matchLabels');
  if (matchLabels !== undefined) {
    const labels = readLabels(matchLabels);
    if (typeof labels === 'string') return 'has matchLabels that are not label → value pairs';
    for (const [key, value] of labels) requirements.push({ key, op: 'in', values: [value] });
  }
  const expressions = field(v, 'matchExpressions');
  if (expressions !== undefined) {
    if (!Array.isArray(expressions)) return 'has matchExpressions that are not a list';
    for (const e of expressions) {
      const req = readRequirement(e);
      if (typeof req === 'string') return req;
      requirements.push(req);
    }
  }
  return { requirements };
}

function readRequirement(e: Value): Requirement | string {
  if (!isObject(e)) return 'has a matchExpressions entry that is not an object';
  const key = toText(field(e, 'key'));
  const opText = toText(field(e, 'operator'));
  if (key === undefined || key.trim() === '') return 'has a matchExpressions entry without a key';
  const op = opText?.replace(/\s+/g, '').toLowerCase();
  if (op !== 'in' && op !== 'notin' && op !== 'exists' && op !== 'doesnotexist')
    return `has the selector operator "${opText ?? ''}"; expected In, NotIn, Exists or DoesNotExist`;
  const raw = field(e, 'values');
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const values = list.map((x) => toText(x)?.toLowerCase()).filter((x): x is string => x !== undefined);
  return { key: key.toLowerCase(), op, values };
}

/** `app=web, tier=front` (or `app: web`), and `app` alone for "has the label": the form written in a cell. */
function selectorFromText(text: string): Selector | string {
  const requirements: Requirement[] = [];
  for (const item of splitList(text)) {
    const m = /^([^=:]+)[=:](.*)$/.exec(item);
    if (m)
      requirements.push({ key: m[1].trim().toLowerCase(), op: 'in', values: [m[2].trim().toLowerCase()] });
    else requirements.push({ key: item.trim().toLowerCase(), op: 'exists', values: [] });
  }
  return { requirements };
}

/** Labels from an object of label → value, or text `app=web, tier=front`; a string says why not. */
export function readLabels(v: Value): Labels | string {
  if (typeof v === 'string') return labelsFromText(v);
  if (!isObject(v)) return 'is not a set of labels';
  const out: Labels = new Map();
  for (const k of Object.keys(v)) {
    const value = v[k];
    if (value === undefined) continue;
    const text = toText(value);
    if (text === undefined) return 'is not a set of labels';
    out.set(k.toLowerCase(), text.toLowerCase());
  }
  return out;
}

/** `app=web, tier=front`; a label written alone (`canary`) has the empty value. */
function labelsFromText(text: string): Labels {
  const out: Labels = new Map();
  for (const item of splitList(text)) {
    const m = /^([^=:]+)[=:](.*)$/.exec(item);
    if (m) out.set(m[1].trim().toLowerCase(), m[2].trim().toLowerCase());
    else out.set(item.trim().toLowerCase(), '');
  }
  return out;
}

/** Does the selector select these labels? */
export function selects(selector: Selector, labels: Labels): boolean {
  for (const r of selector.requirements) {
    const value = labels.get(r.key);
    switch (r.op) {
      case 'in':
        if (value === undefined || !r.values.includes(value)) return false;
        break;
      case 'notin':
        if (value !== undefined && r.values.includes(value)) return false;
        break;
      case 'exists':
        if (value === undefined) return false;
        break;
      case 'doesnotexist':
        if (value !== undefined) return false;
        break;
    }
  }
  return true;
}

/** A key of an object, ignoring case, as paths read keys. */
function field(obj: { [key: string]: Value }, key: string): Value {
  if (Object.prototype.hasOwnProperty.call(obj, key)) return obj[key];
  const lower = key.toLowerCase();
  for (const k of Object.keys(obj)) if (k.toLowerCase() === lower) return obj[k];
  return undefined;
}
