// selects / is selected by: a Kubernetes label selector against a set of labels.
import { problem } from '../problems';
import type { Value } from '../types';
import { readLabels, readSelector, selects, type Labels, type Selector } from '../values/selector';
import { define, single, type Prepared } from './define';
import type { OperatorSpec, Verdict } from './types';

/** A JSON object written in a cell is read as one, so Expected may hold `{"app": "web"}`. */
function parsed(v: Value): Value {
  if (typeof v !== 'string' || !v.trim().startsWith('{')) return v;
  try {
    return JSON.parse(v) as Value;
  } catch {
    return v;
  }
}

function prepareWith<P>(operator: string, read: (v: Value) => P | string) {
  return (items: Value[]): Prepared<P> => {
    const one = single(operator, items, undefined, false);
    if (one.value === undefined) return { problems: one.problems };
    const got = read(parsed(one.value));
    if (typeof got === 'string')
      return { problems: [problem('invalid_selector', { operator, value: String(one.value), reason: got })] };
    return { value: got, problems: [] };
  };
}

function selectorSelects(actual: Value, labels: Labels): Verdict {
  const selector = readSelector(actual);
  return typeof selector === 'string' ? selector : selects(selector, labels);
}

function selectedBy(actual: Value, selector: Selector): Verdict {
  const labels = readLabels(actual);
  return typeof labels === 'string' ? labels : selects(selector, labels);
}

const COERCION =
  'A selector is a Kubernetes label selector: matchLabels (label → value) and matchExpressions with the operators ' +
  "In, NotIn, Exists and DoesNotExist, all of which must hold; or a plain map of label → value, as a Service's " +
  'selector is; or text app=web, tier=front. An empty selector selects everything, as in Kubernetes. Labels are an ' +
  'object of label → value, or text app=web. Label keys and values compare ignoring case. Anything else fails ' +
  'with a message saying why.';

export const SELECTOR_OPERATORS: OperatorSpec[] = [
  define<Labels>({
    name: 'selects',
    aliases: [],
    symbols: [],
    expected: 'value',
    onMissing: 'fail',
    wholeList: true,
    meaning: 'is a label selector that selects the labels Expected.',
    coercion: COERCION,
    example: { field: 'spec.selector', expected: 'app=web, tier=front' },
    prepare: prepareWith('selects', readLabels),
    test: selectorSelects,
  }),
  define<Selector>({
    name: 'is selected by',
    aliases: ['selected by'],
    symbols: [],
    expected: 'value',
    onMissing: 'fail',
    wholeList: true,
    meaning: 'is a set of labels that the label selector Expected selects.',
    coercion: COERCION,
    example: { field: 'metadata.labels', expected: 'app=web' },
    prepare: prepareWith('is selected by', readSelector),
    test: selectedBy,
  }),
];
