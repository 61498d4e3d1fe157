// Small integer ids for resources, so per-resource facts (business unit, sort rank, checked cells) live in arrays.
import type { Resource } from '../rulebook/model';

/**
 * Numbers resources 0, 1, 2 … in the order first met, the rulebook's own first. The rulebook's are found again by
 * sheet and row, checked by identity (two array reads, cheaper than a Map lookup when every result asks); any
 * other resource, and `undefined` (a broken rule's result), by a Map.
 */
export class ResourceIndex {
  readonly resources: (Resource | undefined)[] = [];
  private readonly bySheetRow: (Resource | undefined)[][] = [];
  private readonly idBySheetRow: number[][] = [];
  private readonly others = new Map<Resource | undefined, number>();

  constructor(resources: readonly Resource[] = []) {
    for (const resource of resources) {
      const sheet = resource.sheet.index;
      const rows = (this.bySheetRow[sheet] ??= []);
      if (rows[resource.row] !== undefined) {
        // Listed twice, or sharing a sheet and row with another (the reader makes neither): the latter goes in the Map.
        if (rows[resource.row] !== resource) this.id(resource);
        continue;
      }
      rows[resource.row] = resource;
      (this.idBySheetRow[sheet] ??= [])[resource.row] = this.resources.length;
      this.resources.push(resource);
    }
  }

  get size(): number {
    return this.resources.length;
  }

  id(resource: Resource | undefined): number {
    if (resource !== undefined) {
      const sheet = resource.sheet.index;
      const rows = this.bySheetRow[sheet];
      if (rows !== undefined && rows[resource.row] === resource)
        return this.idBySheetRow[sheet][resource.row];
    }
    let id = this.others.get(resource);
    if (id === undefined) {
      id = this.resources.length;
      this.resources.push(resource);
      this.others.set(resource, id);
    }
    return id;
  }
}
