// The `… matching case` operators: each operator that compares text, again, comparing it letter for letter with its case.
import { COMPARE_OPERATORS, prepareEquality } from './compare';
import { LIST_OPERATORS, prepareElement } from './lists';
import { MEMBERSHIP_OPERATORS, prepareSet } from './membership';
import { prepareNeedle, TEXT_OPERATORS } from './text';
import type { OperatorSpec } from './types';

/** The words after an operator's name that make it compare text with its case. */
export const MATCHING_CASE = 'matching case';

type Example = OperatorSpec['example'];

const exact = (name: string) => `${name} ${MATCHING_CASE}`;

// Base operator, how the twin reads Expected (the base's reading with case kept), an example row.
const TWINS: [string, OperatorSpec['prepare'], Example][] = [
  [
    'equals',
    prepareEquality(exact('equals'), exact('is one of'), true),
    { field: 'kind', expected: 'Deployment' },
  ],
  [
    'does not equal',
    prepareEquality(exact('does not equal'), exact('is not one of'), true),
    { field: 'spec.imagePullPolicy', expected: 'Never' },
  ],
  ['contains', prepareNeedle(exact('contains'), undefined, true), { field: 'description', expected: 'PCI' }],
  [
    'does not contain',
    prepareNeedle(exact('does not contain'), undefined, true),
    { field: 'policy', expected: '"Effect":"Allow"' },
  ],
  [
    'starts with',
    prepareNeedle(exact('starts with'), undefined, true),
    { field: 'image', expected: 'registry.example.com/' },
  ],
  ['ends with', prepareNeedle(exact('ends with'), undefined, true), { field: 'name', expected: '-PROD' }],
  [
    'does not start with',
    prepareNeedle(exact('does not start with'), undefined, true),
    { field: 'bucketName', expected: 'TMP-' },
  ],
  [
    'does not end with',
    prepareNeedle(exact('does not end with'), undefined, true),
    { field: 'image', expected: ':latest' },
  ],
  [
    'is one of',
    prepareSet(exact('is one of'), true),
    { field: 'securityContext.capabilities.add[*]', expected: 'NET_BIND_SERVICE, CHOWN' },
  ],
  [
    'is not one of',
    prepareSet(exact('is not one of'), true),
    { field: 'securityContext.capabilities.add[*]', expected: 'SYS_ADMIN, NET_ADMIN' },
  ],
  [
    'includes',
    prepareElement(exact('includes'), exact('includes any of'), true),
    { field: 'securityContext.capabilities.drop', expected: 'ALL' },
  ],
  [
    'includes any of',
    prepareSet(exact('includes any of'), true),
    { field: 'securityContext.capabilities.drop', expected: 'ALL, NET_RAW' },
  ],
  [
    'includes none of',
    prepareSet(exact('includes none of'), true),
    { field: 'securityContext.capabilities.add', expected: 'SYS_ADMIN, NET_ADMIN' },
  ],
  [
    'includes all of',
    prepareSet(exact('includes all of'), true),
    { field: 'securityContext.capabilities.drop', expected: 'ALL, NET_RAW' },
  ],
];

const BASES = [...COMPARE_OPERATORS, ...TEXT_OPERATORS, ...MEMBERSHIP_OPERATORS, ...LIST_OPERATORS];

function twin(baseName: string, prepare: OperatorSpec['prepare'], example: Example): OperatorSpec {
  const base = BASES.find((op) => op.name === baseName) as OperatorSpec;
  return {
    ...base,
    name: exact(base.name),
    aliases: [],
    symbols: [],
    meaning: `${base.meaning.replace(/\.$/, '')}, with text matching case: "ALL" is not "all".`,
    coercion:
      `As "${base.name}", except that text compares letter for letter, case included ("ALL" does not equal "all", ` +
      `"Registry/" does not start with "registry/"). Numbers, TRUE/FALSE and dates compare as values, as "${base.name}" ` +
      'compares them.',
    example,
    prepare,
  };
}

export const MATCHING_CASE_OPERATORS: OperatorSpec[] = TWINS.map(([name, prepare, example]) =>
  twin(name, prepare, example),
);
