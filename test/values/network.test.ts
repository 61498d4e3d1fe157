// Hand-written IPv4/IPv6 parsing and containment.
import { networkWithin, parseNetwork } from '../../core/values/network';

const net = (text: string) => {
  const n = parseNetwork(text);
  return n && { family: n.family, base: n.base.toString(16), prefix: n.prefix };
};

describe('parseNetwork', () => {
  test.each<[string, ReturnType<typeof net>]>([
    ['10.0.0.1', { family: 4, base: 'a000001', prefix: 32 }],
    ['0.0.0.0/0', { family: 4, base: '0', prefix: 0 }],
    ['255.255.255.255', { family: 4, base: 'ffffffff', prefix: 32 }],
    ['10.1.2.3/8', { family: 4, base: 'a000000', prefix: 8 }],
    ['192.168.1.0/24', { family: 4, base: 'c0a80100', prefix: 24 }],
    ['::', { family: 6, base: '0', prefix: 128 }],
    ['::/0', { family: 6, base: '0', prefix: 0 }],
    ['::1', { family: 6, base: '1', prefix: 128 }],
    ['2001:db8::', { family: 6, base: '20010db8000000000000000000000000', prefix: 128 }],
    ['2001:DB8::/32', { family: 6, base: '20010db8000000000000000000000000', prefix: 32 }],
    ['2001:db8:0:0:0:0:0:1', { family: 6, base: '20010db8000000000000000000000001', prefix: 128 }],
    ['fe80::1:2', { family: 6, base: 'fe800000000000000000000000010002', prefix: 128 }],
    ['64:ff9b::192.0.2.33', { family: 6, base: '64ff9b0000000000000000c0000221', prefix: 128 }],
    ['::ffff:10.0.0.1', { family: 4, base: 'a000001', prefix: 32 }],
    ['::ffff:10.0.0.0/104', { family: 4, base: 'a000000', prefix: 8 }],
    [' 10.0.0.1 ', { family: 4, base: 'a000001', prefix: 32 }],
  ])('%s', (text, expected) => {
    expect(net(text)).toEqual(expected);
  });

  test.each([
    '',
    'localhost',
    '10.0.0',
    '10.0.0.0.0',
    '10.0.0.256',
    '010.0.0.1',
    '10.0.0.-1',
    '10.0.0.1/',
    '10.0.0.1/33',
    '10.0.0.1/-1',
    '10.0.0.1/8/8',
    '1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    '1:2:3:4:5:6:7::8',
    '12345::',
    'g::1',
    '::1/129',
    'fe80::1%eth0',
    '::ffff:10.0.0.1/64',
  ])('refuses %j', (text) => {
    expect(parseNetwork(text)).toBeUndefined();
  });
});

describe('networkWithin', () => {
  test.each<[string, string, boolean]>([
    ['10.1.2.3', '10.0.0.0/8', true],
    ['10.0.0.0/8', '10.0.0.0/8', true],
    ['10.0.0.0/7', '10.0.0.0/8', false],
    ['11.0.0.0', '10.0.0.0/8', false],
    ['0.0.0.0/0', '0.0.0.0/0', true],
    ['0.0.0.0/1', '0.0.0.0/0', true],
    ['0.0.0.0/0', '0.0.0.0/1', false],
    ['2001:db8:1::/48', '2001:db8::/32', true],
    ['::ffff:192.168.0.1', '192.168.0.0/16', true],
    ['::1', '0.0.0.0/0', false],
  ])('%s within %s → %j', (inner, outer, within) => {
    expect(networkWithin(parseNetwork(inner)!, parseNetwork(outer)!)).toBe(within);
  });
});
