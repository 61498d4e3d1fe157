// IPv4 and IPv6 addresses and CIDR networks, parsed and compared by hand (BigInt), for `within network`.

export interface Network {
  /** 4 or 6. An IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) is read as IPv4. */
  family: 4 | 6;
  /** The network's first address (host bits cleared). */
  base: bigint;
  /** Prefix length: 32 or 128 for a single address. */
  prefix: number;
}

const BITS = { 4: 32, 6: 128 } as const;

/**
 * An address (`10.0.0.1`, `2001:db8::1`) or a CIDR network (`10.0.0.0/8`, `2001:db8::/32`);
 * undefined when the text is neither. Host bits in a CIDR are ignored (`10.1.2.3/8` is `10.0.0.0/8`).
 * Octets with leading zeros (`010.0.0.1`) are refused: some tools read them as octal.
 */
export function parseNetwork(text: string): Network | undefined {
  const t = text.trim();
  const slash = t.indexOf('/');
  const addressText = slash < 0 ? t : t.slice(0, slash);
  const address = parseAddress(addressText);
  if (!address) return undefined;
  let prefix: number = BITS[address.family];
  if (slash >= 0) {
    const prefixText = t.slice(slash + 1);
    if (!/^\d{1,3}$/.test(prefixText)) return undefined;
    prefix = Number(prefixText);
    if (address.mappedV4) prefix -= 96;
    if (prefix < 0 || prefix > BITS[address.family]) return undefined;
  }
  return { family: address.family, base: address.value & mask(address.family, prefix), prefix };
}

// Masks are computed once: parsing runs for every value a network rule checks.
const MASKS = { 4: makeMasks(32), 6: makeMasks(128) };

function makeMasks(bits: number): bigint[] {
  const all = (1n << BigInt(bits)) - 1n;
  const masks: bigint[] = [];
  for (let prefix = 0; prefix <= bits; prefix++) masks.push((all >> BigInt(prefix)) ^ all);
  return masks;
}

function mask(family: 4 | 6, prefix: number): bigint {
  return MASKS[family][prefix];
}

/** Is `inner` (an address or a whole network) inside `outer`? Different families never nest. */
export function networkWithin(inner: Network, outer: Network): boolean {
  return (
    inner.family === outer.family &&
    inner.prefix >= outer.prefix &&
    (inner.base & mask(outer.family, outer.prefix)) === outer.base
  );
}

interface Address {
  family: 4 | 6;
  value: bigint;
  mappedV4: boolean;
}

function parseAddress(text: string): Address | undefined {
  if (text.includes(':')) return parseV6(text);
  const v4 = parseV4(text);
  return v4 === undefined ? undefined : { family: 4, value: BigInt(v4), mappedV4: false };
}

// By hand rather than split and regular expressions: four decimal octets, no leading zeros.
function parseV4(text: string): number | undefined {
  let value = 0;
  let octets = 0;
  let i = 0;
  while (octets < 4) {
    const start = i;
    let octet = 0;
    while (i < text.length && i - start < 3) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      octet = octet * 10 + (c - 48);
      i++;
    }
    const digits = i - start;
    if (digits === 0 || octet > 255 || (digits > 1 && text.charCodeAt(start) === 48)) return undefined;
    value = value * 256 + octet;
    octets++;
    if (octets < 4) {
      if (text.charCodeAt(i) !== 46) return undefined;
      i++;
    }
  }
  return i === text.length ? value : undefined;
}

function parseV6(text: string): Address | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] === '' ? [] : halves[0].split(':');
  const tail = halves.length === 2 && halves[1] !== '' ? halves[1].split(':') : [];
  const groups: number[] = [];
  const read = (parts: string[], isLast: boolean): boolean => {
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (isLast && i === parts.length - 1 && part.includes('.')) {
        const v4 = parseV4(part);
        if (v4 === undefined) return false;
        groups.push(Math.floor(v4 / 65536), v4 % 65536);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) {
        groups.push(parseInt(part, 16));
      } else {
        return false;
      }
    }
    return true;
  };
  if (!read(head, halves.length === 1)) return undefined;
  const headCount = groups.length;
  if (!read(tail, true)) return undefined;
  const missing = 8 - groups.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [
    ...groups.slice(0, headCount),
    ...new Array<number>(halves.length === 1 ? 0 : missing).fill(0),
    ...groups.slice(headCount),
  ];
  let value = 0n;
  for (const g of all) value = (value << 16n) | BigInt(g);
  // ::ffff:a.b.c.d is an IPv4 address written as IPv6.
  if (value >> 32n === 0xffffn) return { family: 4, value: value & 0xffffffffn, mappedV4: true };
  return { family: 6, value, mappedV4: false };
}
