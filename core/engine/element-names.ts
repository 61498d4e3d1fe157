// How a list check names an element in its message: `container "falco"` (its name field), else `container 2`.
import type { Operand, Path, Segment } from '../lang/ast';
import { INSIDE_FUNCTION_NAMES } from '../lang/functions';
import { pathText } from '../lang/path';
import { renderOperand } from '../lang/render';
import type { Resource } from '../rulebook/model';
import type { Value } from '../types';
import { displayValue } from '../values/display';
import { compilePath, type Resolved, type Scope, Unreadable } from './resolve';

/** Words for the elements of one list: what one is called, several, and the path within an element. */
export interface ElementWords {
  noun: string;
  plural: string;
  /** The rest of the path inside an element (`securityContext.privileged`), '' when the element is the value. */
  within: string;
  /** Elements are plain values (`imageRegistries[*]`): messages say `image registry is "docker.io"`. */
  scalar: boolean;
}

/** A list check's naming: its words, and each element's label for one resource. */
export interface ElementNaming extends ElementWords {
  labels(res: Resource, scope: Scope): (i: number) => string;
}

/** `allContainers` → container / containers; `access_keys` → access key; `imageRegistries` → image registry. */
export function wordsFor(listKey: string, within: string, scalar = false): ElementWords {
  const words = listKey
    .replace(/^all(?=[A-Z])/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  const plural = words || 'elements';
  const noun = !words
    ? 'element'
    : /ies$/.test(words)
      ? words.replace(/ies$/, 'y')
      : /(ss|us)$/.test(words)
        ? words
        : words.replace(/s$/, '');
  return { noun, plural, within, scalar };
}

/** `container "falco"` when the element is an object with a name, else `container 3`. */
export function elementLabel(noun: string, element: Resolved | undefined, i: number): string {
  const name = nameOf(element);
  return name === undefined ? `${noun} ${i + 1}` : `${noun} ${displayValue(name)}`;
}

/** `annotation "team"`: a map entry by its key. */
export function entryLabel(noun: string, entry: Resolved | undefined, i: number): string {
  const key =
    entry !== null && typeof entry === 'object' && !(entry instanceof Unreadable)
      ? (entry as { key?: Value }).key
      : undefined;
  return typeof key === 'string' ? `${noun} ${displayValue(key)}` : `${noun} ${i + 1}`;
}

function nameOf(element: Resolved | undefined): Value | undefined {
  if (element === null || typeof element !== 'object' || Array.isArray(element) || element instanceof Date)
    return undefined;
  if (element instanceof Unreadable) return undefined;
  const key = Object.keys(element).find((k) => k.toLowerCase() === 'name');
  const v = key === undefined ? undefined : element[key];
  return typeof v === 'string' ? (v.trim() === '' ? undefined : v) : typeof v === 'number' ? v : undefined;
}

/**
 * The naming of a list operand: a path with one `[*]` followed by more of the path, or `first(…)` led by one.
 * Anything else (several `[*]`, a list of plain values) keeps the numbered wording.
 */
export function elementNaming(operand: Operand): ElementNaming | undefined {
  // `tag(podSpec.containers[*].image)`: the elements are containers, and within each one it is `tag(image)`.
  if (
    operand.kind === 'call' &&
    operand.name !== 'entries' &&
    INSIDE_FUNCTION_NAMES.includes(operand.name as never)
  ) {
    const [lead, ...more] = operand.args;
    const inner = lead?.kind === 'path' ? elementNaming(lead) : undefined;
    if (!inner || inner.scalar) return undefined;
    return {
      ...inner,
      within: `${operand.name}(${[inner.within, ...more.map((m) => renderOperand(m))].join(', ')})`,
    };
  }
  const path =
    operand.kind === 'path'
      ? operand.path
      : operand.kind === 'call' && operand.name === 'first'
        ? operand.args.find(
            (a): a is Extract<Operand, { kind: 'path' }> => a.kind === 'path' && hasWildcard(a.path),
          )?.path
        : undefined;
  // `resource.…` and `outer.…` lists are read from elsewhere: their elements keep numbers.
  if (!path || path.from !== undefined) return undefined;
  const at = path.segments.findIndex((s) => 'wildcard' in s);
  if (at < 1 || path.segments.slice(at + 1).some((s) => 'wildcard' in s)) return undefined;
  const rest = path.segments.slice(at + 1);
  const list = path.segments[at - 1];
  if (!('key' in list)) return undefined;
  const prefix: Path = {
    text: pathText(path.segments.slice(0, at + 1)),
    segments: path.segments.slice(0, at + 1),
  };
  const reader = compilePath(prefix);
  const words = wordsFor(list.key, rest.length ? pathText(rest as Segment[]) : '', rest.length === 0);
  return {
    ...words,
    labels: (res, scope) => {
      let elements: Resolved[] | undefined;
      return (i) => {
        if (elements === undefined) {
          const got = reader.many(res, scope);
          elements = got instanceof Unreadable ? [] : got;
        }
        return elementLabel(words.noun, elements[i], i);
      };
    },
  };
}

function hasWildcard(path: Path): boolean {
  return path.segments.some((s) => 'wildcard' in s);
}
