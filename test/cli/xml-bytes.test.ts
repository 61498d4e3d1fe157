// XmlBytes: rows' ASCII markup gathered as bytes, handed over in buffers that are never written again.
import { XmlBytes } from '../../cli/io/xml-bytes';

test('gathers markup byte for byte and hands it over in buffers of its own', () => {
  const out = new XmlBytes(16);
  out.ascii('<row r="1">');
  out.ascii('<c r="A1" t="s"><v>0</v></c>');
  expect(out.length).toBe(39);
  const first = out.take();
  expect(first.toString('latin1')).toBe('<row r="1"><c r="A1" t="s"><v>0</v></c>');
  expect(out.length).toBe(0);
  out.ascii('</row>'.repeat(10));
  // What was handed over stays as it was while the next bytes are written.
  expect(first.toString('latin1')).toBe('<row r="1"><c r="A1" t="s"><v>0</v></c>');
  expect(out.take().toString('latin1')).toBe('</row>'.repeat(10));
});

test.each([
  ['shorter than the buffer', 5],
  ['exactly the buffer', 64],
  ['longer than the buffer', 1000],
  ['after bytes already gathered', 63],
])('a row %s: every byte is kept, the buffer grown when it must be', (_label, size) => {
  const out = new XmlBytes(64);
  out.ascii('x');
  const row = Array.from({ length: size }, (_, i) => String.fromCharCode(65 + (i % 26))).join('');
  out.ascii(row);
  expect(out.take().toString('latin1')).toBe(`x${row}`);
});
