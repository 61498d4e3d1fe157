// The operator table as a whole: every operator of PRODUCT.md §3, no word naming two, docs filled in.
import {
  lookupOperator,
  normalizeOperatorWord,
  OPERATOR_NAMES,
  OPERATOR_WORDS,
  OPERATORS,
} from '../../core/operators';

// PRODUCT.md §3, with what a missing value gives ("Missing values").
const PRODUCT_OPERATORS: [name: string, onMissing: 'pass' | 'fail'][] = [
  ['equals', 'fail'],
  ['does not equal', 'pass'],
  ['greater than', 'fail'],
  ['at least', 'fail'],
  ['less than', 'fail'],
  ['at most', 'fail'],
  ['contains', 'fail'],
  ['does not contain', 'pass'],
  ['starts with', 'fail'],
  ['ends with', 'fail'],
  ['does not start with', 'pass'],
  ['does not end with', 'pass'],
  ['is one of', 'fail'],
  ['is not one of', 'pass'],
  ['matches', 'fail'],
  ['does not match', 'pass'],
  ['matches pattern', 'fail'],
  ['is empty', 'pass'],
  ['is not empty', 'fail'],
  ['exists', 'fail'],
  ['does not exist', 'pass'],
  ['is true', 'fail'],
  ['is false', 'fail'],
  ['older than', 'fail'],
  ['newer than', 'fail'],
  ['expires within', 'fail'],
  ['within network', 'fail'],
  ['not within network', 'pass'],
  ['includes', 'fail'],
  ['includes any of', 'fail'],
  ['includes none of', 'pass'],
  ['includes all of', 'fail'],
  ['count at least', 'fail'],
  ['count at most', 'pass'],
];

// Beyond PRODUCT.md's "at least": each written into docs/rule-language.md with why (Across resources: selectors).
const ADDED_OPERATORS: [name: string, onMissing: 'pass' | 'fail'][] = [
  ['selects', 'fail'],
  ['is selected by', 'fail'],
];

describe('the operator table', () => {
  test.each(PRODUCT_OPERATORS)('has %s, which gives %s on a missing value', (name, onMissing) => {
    const op = OPERATORS.find((o) => o.name === name);
    expect(op).toBeDefined();
    expect(op?.onMissing).toBe(onMissing);
  });

  // §3 says "at least"; beyond it are the selectors (Across resources) and the `… matching case` twins of the
  // operators that compare text, each written into docs/rule-language.md with why.
  test('has no operator beyond PRODUCT.md §3 but the selectors and the matching-case twins', () => {
    const twins = OPERATOR_NAMES.filter((n) => n.endsWith(' matching case'));
    const known = [...PRODUCT_OPERATORS, ...ADDED_OPERATORS];
    expect(OPERATOR_NAMES.filter((n) => !twins.includes(n)).sort()).toEqual(known.map(([n]) => n).sort());
    for (const [name, onMissing] of ADDED_OPERATORS) expect(lookupOperator(name)?.onMissing).toBe(onMissing);
    expect(twins.map((n) => n.replace(/ matching case$/, '')).sort()).toEqual(
      [
        'equals',
        'does not equal',
        'contains',
        'does not contain',
        'starts with',
        'ends with',
        'does not start with',
        'does not end with',
        'is one of',
        'is not one of',
        'includes',
        'includes any of',
        'includes none of',
        'includes all of',
      ].sort(),
    );
  });

  test('no word or symbol names two operators', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const op of OPERATORS) {
      for (const word of [op.name, ...op.aliases, ...op.symbols]) {
        const key = normalizeOperatorWord(word);
        const before = owner.get(key);
        if (before !== undefined) clashes.push(`${word}: ${before} and ${op.name}`);
        owner.set(key, op.name);
      }
    }
    expect(clashes).toEqual([]);
    expect(OPERATOR_WORDS).toHaveLength(owner.size);
  });

  test.each(OPERATORS.map((op) => [op.name, op] as const))(
    '%s has meaning, coercion and an example',
    (_, op) => {
      expect(op.meaning.length).toBeGreaterThan(5);
      expect(op.coercion.length).toBeGreaterThan(20);
      expect(op.example.field).not.toBe('');
      if (op.expected === 'none') expect(op.example.expected).toBe('');
      else expect(op.example.expected).not.toBe('');
    },
  );

  test.each(OPERATORS.map((op) => [op.name, op] as const))(
    "%s's own example prepares without problems",
    (_, op) => {
      const items = op.example.expected === '' ? [] : [op.example.expected];
      const listItems = op.expected === 'list' ? op.example.expected.split(',').map((s) => s.trim()) : items;
      expect(op.prepare(listItems).problems).toEqual([]);
    },
  );

  test('names and aliases are lower-case words with single spaces', () => {
    for (const op of OPERATORS) {
      for (const word of [op.name, ...op.aliases]) expect(word).toBe(normalizeOperatorWord(word));
    }
  });

  test.each([
    ['=', 'equals'],
    ['==', 'equals'],
    ['IS', 'equals'],
    ['Equal To', 'equals'],
    ['!=', 'does not equal'],
    ['<>', 'does not equal'],
    ['is not', 'does not equal'],
    ['>', 'greater than'],
    ['>=', 'at least'],
    ['min', 'at least'],
    ['<', 'less than'],
    ['<=', 'at most'],
    ['max', 'at most'],
    ['in', 'is one of'],
    ['not in', 'is not one of'],
    ['regex', 'matches'],
    ['not matches', 'does not match'],
    ['like', 'matches pattern'],
    ['glob', 'matches pattern'],
    ['is present', 'exists'],
    ['is missing', 'does not exist'],
    ['within last days', 'newer than'],
    ['in cidr', 'within network'],
    ['not in network', 'not within network'],
    ['has', 'includes'],
    ['Does  Not   Equal', 'does not equal'],
  ])('%s names %s', (word, name) => {
    expect(lookupOperator(word)?.name).toBe(name);
  });

  test('the list operators judge a list value whole', () => {
    const whole = OPERATORS.filter((op) => op.wholeList).map((op) => op.name);
    expect(whole).toEqual(
      expect.arrayContaining([
        'includes',
        'includes any of',
        'count at least',
        'is empty',
        'exists',
        'does not exist',
      ]),
    );
    expect(whole).not.toContain('equals');
    expect(whole).not.toContain('matches');
  });
});
