// within network / not within network: an address or network inside one of Expected's CIDR networks.
import { problem, type Problem } from '../problems';
import type { Value } from '../types';
import { toText } from '../values/coerce';
import { displayText } from '../values/display';
import { splitList } from '../values/list';
import { networkWithin, parseNetwork, type Network } from '../values/network';
import { define, negate, presentItems, shapeReason, type Prepared } from './define';
import type { OperatorSpec, Verdict } from './types';

function prepareNetworks(operator: string) {
  return (items: Value[]): Prepared<Network[]> => {
    const networks: Network[] = [];
    const problems: Problem[] = [];
    for (const item of presentItems(items)) {
      const text = toText(item) ?? '';
      for (const part of typeof item === 'string' ? splitList(text) : [text]) {
        const network = parseNetwork(part);
        if (network) networks.push(network);
        else problems.push(problem('invalid_network', { operator, value: displayText(part) }));
      }
    }
    if (networks.length === 0 && problems.length === 0)
      problems.push(problem('expected_missing', { operator }));
    return problems.length > 0 ? { problems } : { value: networks, problems };
  };
}

function within(actual: Value, networks: Network[]): Verdict {
  const text = typeof actual === 'string' ? actual : undefined;
  const inner = text === undefined ? undefined : parseNetwork(text);
  if (!inner) return shapeReason(actual, 'an IP address') ?? 'is not an IP address or network';
  for (const outer of networks) if (networkWithin(inner, outer)) return true;
  return false;
}

const COERCION =
  'The value is an IPv4 or IPv6 address (10.1.2.3, 2001:db8::1) or a network in CIDR form (10.1.0.0/16); anything ' +
  'else fails with "is not an IP address or network". A network value holds only when the whole of it lies inside, ' +
  'so 0.0.0.0/0 is within 0.0.0.0/0 and nothing smaller. Expected is one network or a list of them; host bits in a ' +
  'network are ignored (10.1.2.3/8 means 10.0.0.0/8). IPv4 and IPv6 never contain each other, except that an ' +
  'IPv4-mapped address (::ffff:10.0.0.1) counts as IPv4. Octets with leading zeros (010.0.0.1) are refused.';

export const NETWORK_OPERATORS: OperatorSpec[] = [
  define<Network[]>({
    name: 'within network',
    aliases: ['in network', 'in cidr'],
    symbols: [],
    expected: 'network',
    onMissing: 'fail',
    wholeList: false,
    meaning: 'is an address or network inside one of the Expected networks.',
    coercion: COERCION,
    example: { field: 'ingress.cidr', expected: '10.0.0.0/8, 192.168.0.0/16' },
    prepare: prepareNetworks('within network'),
    test: within,
  }),
  define<Network[]>({
    name: 'not within network',
    aliases: ['not in network', 'not in cidr'],
    symbols: [],
    expected: 'network',
    onMissing: 'pass',
    wholeList: false,
    meaning: 'is an address or network not wholly inside any of the Expected networks.',
    coercion: COERCION,
    example: { field: 'ingress.cidr', expected: '0.0.0.0/0' },
    prepare: prepareNetworks('not within network'),
    test: (actual, networks) => negate(within(actual, networks)),
  }),
];
