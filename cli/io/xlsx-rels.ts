// A package's relationships (`.rels` parts): read, written, and their targets resolved to part names.

/** One relationship; an external one (TargetMode="External", a link) has `#external` after its type. */
export interface Rel {
  id: string;
  type: string;
  target: string;
}

/** The relationships of a `.rels` part; an external one (a link) has `#external` after its type. */
export function parseRels(xml: string): Rel[] {
  const out: Rel[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1], 'Id');
    const type = attr(m[1], 'Type');
    const target = attr(m[1], 'Target');
    if (
      id !== undefined &&
      type !== undefined &&
      target !== undefined &&
      attr(m[1], 'TargetMode') !== 'External'
    ) {
      out.push({ id, type, target: unescapeXml(target) });
    } else if (id !== undefined && type !== undefined && target !== undefined) {
      out.push({ id, type: `${type}#external`, target: unescapeXml(target) });
    }
  }
  return out;
}

/** A `.rels` part holding `list`. */
export function relsXml(list: Rel[]): string {
  const items = list.map((r) => {
    const external = r.type.endsWith('#external');
    const type = external ? r.type.slice(0, -'#external'.length) : r.type;
    return `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(type)}" Target="${escapeXml(r.target)}"${external ? ' TargetMode="External"' : ''}/>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target as a path inside the package, from the part that holds the relationship. */
export function resolve(source: string, target: string): string {
  const parts = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const p of target.replace(/^\//, '').split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/** An attribute's value, as written, from a tag's attribute text (`name` may be a pattern: `(?:\\w+:)?id`). */
export function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*"([^"]*)"`).exec(attrs);
  return m?.[1];
}

/** The five predefined entities decoded (`&amp;` last, so `&amp;lt;` stays `&lt;`). */
export function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Text safe inside a double-quoted attribute. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
