// lookup(…) and others(…) as written, as read back (Reads As), and what a mistake in them says, with its position.
import { parseExpression, renderExpression } from '../../core/lang';
import { formatProblem } from '../../core/problems';

describe('written → Reads As', () => {
  it.each([
    [
      'lookup(metadata.annotations.owner from k8s:Namespace where Name = Namespace) exists',
      'lookup(metadata.annotations.owner from k8s:Namespace where Name equals Namespace) exists',
    ],
    [
      'LOOKUP (image FROM k8s:Deployment WHERE Name = Name AND Environment = "staging") = image',
      'lookup(image from k8s:Deployment where Name equals Name and Environment equals "staging") equals image',
    ],
    [
      'others("k8s:*" where runAsUser = runAsUser) is empty',
      'others("k8s:*" where runAsUser equals runAsUser) is empty',
    ],
    [
      'count(others(k8s:PodDisruptionBudget where Namespace = Namespace and spec.selector selects spec.template.metadata.labels)) >= 1',
      'count(others(k8s:PodDisruptionBudget where Namespace equals Namespace and spec.selector selects spec.template.metadata.labels)) at least 1',
    ],
    [
      'others(k8s:Pod where metadata.labels is selected by spec.selector) is not empty',
      'others(k8s:Pod where metadata.labels is selected by spec.selector) is not empty',
    ],
    [
      'all(podSpec.volumes[*], lookup(Name from k8s:Secret where Name = secret.secretName) exists)',
      'all(podSpec.volumes[*], lookup(Name from k8s:Secret where Name equals secret.secretName) exists)',
    ],
  ])('%s', (written, readsAs) => {
    const parsed = parseExpression(written);
    expect(parsed.problems).toEqual([]);
    const text = renderExpression(parsed.value!);
    expect(text).toBe(readsAs);
    expect(parseExpression(text).value).toEqual(parsed.value);
  });
});

describe('mistakes are problems with a position, never a throw', () => {
  it.each([
    ['lookup(x k8s:Namespace where Name = Namespace) exists', 'character 10: expected "from"'],
    ['lookup(x from k8s:Namespace) exists', 'character 28: expected "where"'],
    ['lookup(x from "" where a = b) exists', 'character 15: expected a resource type'],
    ['others(k8s:Pod where a contains b) is empty', '"contains" cannot tie two resources'],
    ['others(k8s:Pod where "a" = b) is empty', 'expected a field of the other resource'],
    ['others(k8s:Pod where [*].a = b) is empty', 'cannot start with [*]'],
    ['others(k8s:Pod where a = b', 'expected ")"'],
    ['lookupp(x from T where a = b) exists', "Did you mean 'lookup'?"],
  ])('%s → %s', (written, says) => {
    const parsed = parseExpression(written);
    expect(parsed.value).toBeUndefined();
    expect(parsed.problems.map(formatProblem).join('\n')).toContain(says);
  });
});
