// within network / not within network: addresses and CIDRs against Expected networks.
import { check, type Row } from './check';

describe('network operators', () => {
  test.each<Row>([
    ['10.1.2.3', 'within network', '10.0.0.0/8', true],
    ['11.1.2.3', 'within network', '10.0.0.0/8', false],
    ['192.168.4.1', 'within network', '10.0.0.0/8, 192.168.0.0/16', true],
    ['172.16.0.1', 'in network', '10.0.0.0/8\n192.168.0.0/16', false],
    ['10.0.0.0/16', 'within network', '10.0.0.0/8', true],
    ['10.0.0.0/7', 'within network', '10.0.0.0/8', false],
    ['10.0.0.0/8', 'within network', '10.0.0.0/8', true],
    ['10.1.2.3', 'within network', '10.1.2.3', true],
    ['10.1.2.4', 'within network', '10.1.2.3', false],
    ['10.1.2.3/32', 'in cidr', '10.1.2.3', true],
    ['0.0.0.0/0', 'within network', '0.0.0.0/0', true],
    ['0.0.0.0/0', 'within network', '10.0.0.0/8, 0.0.0.0/1', false],
    ['8.8.8.8', 'within network', '0.0.0.0/0', true],
    ['10.200.0.1', 'within network', '10.1.2.3/8', true], // host bits of Expected ignored
    [' 10.1.2.3 ', 'within network', '10.0.0.0/8', true],
    ['2001:db8::1', 'within network', '2001:db8::/32', true],
    ['2001:DB9::1', 'within network', '2001:db8::/32', false],
    ['::/0', 'within network', '::/0', true],
    ['::1', 'within network', '0.0.0.0/0', false], // families never nest
    ['10.0.0.1', 'within network', '::/0', false],
    ['::ffff:10.0.0.1', 'within network', '10.0.0.0/8', true], // IPv4-mapped reads as IPv4
    ['localhost', 'within network', '10.0.0.0/8', 'is not an IP address or network'],
    ['10.0.0.256', 'within network', '10.0.0.0/8', 'is not an IP address or network'],
    ['010.0.0.1', 'within network', '10.0.0.0/8', 'is not an IP address or network'],
    ['10.0.0.0/33', 'within network', '10.0.0.0/8', 'is not an IP address or network'],
    [167772161, 'within network', '10.0.0.0/8', 'is not an IP address or network'],
    [['10.0.0.1'], 'within network', '10.0.0.0/8', 'is a list of 1 item, not an IP address'],
    // not within network
    ['0.0.0.0/0', 'not within network', '10.0.0.0/8', true],
    ['10.0.0.0/24', 'not within network', '10.0.0.0/8', false],
    ['203.0.113.9', 'not in network', '10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16', true],
    ['172.20.1.1', 'not in cidr', '10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16', false],
    ['any', 'not within network', '10.0.0.0/8', 'is not an IP address or network'],
  ])('%j %s %j → %j', (actual, op, expected, verdict) => {
    expect(check(actual, op, expected)).toBe(verdict);
  });
});
