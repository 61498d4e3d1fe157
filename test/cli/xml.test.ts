// XML escaping for the JUnit report: markup characters escaped, characters XML cannot hold dropped.
import { xmlEscape } from '../../cli/report/xml';

test.each([
  ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
  [`a & "b" 'c'`, 'a &amp; &quot;b&quot; &apos;c&apos;'],
  ['tab\tnew\nline', 'tab\tnew\nline'],
  ['bell\u0007 nul\u0000', 'bell nul'],
  ['lone \uD800 surrogate, emoji 😀', 'lone  surrogate, emoji 😀'],
])('%j → %j', (input, expected) => {
  expect(xmlEscape(input)).toBe(expected);
});
