// Where a `resource.…` or `outer.…` path starts: the resource itself, or the scope the enclosing quantifier stood in.
import type { PathStart } from '../lang/ast';
import { ElementScope, ROOT, type Scope } from './resolve';

const atResource = (): Scope => ROOT;
// Outside every quantifier there is nothing further out than the resource.
const atOuter = (scope: Scope): Scope => (scope instanceof ElementScope ? scope.outer : ROOT);

/** The scope a path with this start reads from, given the current one; undefined for an ordinary path. */
export function scopeOf(from: PathStart | undefined): ((scope: Scope) => Scope) | undefined {
  return from === 'resource' ? atResource : from === 'outer' ? atOuter : undefined;
}

/** The scope a quantifier's body (or a `where`) reads one element in. */
export function elementScope(element: ElementScope['value'], outer: Scope): Scope {
  return new ElementScope(element, outer);
}
