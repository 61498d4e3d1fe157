// The conditions the builder offers to insert: one per feature of the rule language that only a Condition can say.

export interface ConditionExample {
  /** Short label for the builder's menu (it must fit a 320 px panel). */
  label: string;
  /** The feature it shows, as docs/rule-language.md names it. */
  feature: string;
  /** The condition text, as written in the Condition column. */
  text: string;
}

/** Kept in the docs' order; test/builder parses every one. */
export const CONDITION_EXAMPLES: readonly ConditionExample[] = [
  {
    label: 'No label key matches a pattern',
    feature: 'entries(…)',
    text: 'none(entries(metadata.labels), key matches "^fluxcd\\.io/")',
  },
  {
    label: 'Count the elements that fit',
    feature: 'count(… where …)',
    text: 'count(spec.topologySpreadConstraints[*] where topologyKey = "kubernetes.io/hostname") = 1',
  },
  {
    label: 'Compare with the resource’s own fields',
    feature: 'resource. and outer.',
    text: 'all(podSpec.containers[*].volumeMounts[*], readOnly is true or none(resource.podSpec.volumes[*], hostPath exists and name = outer.name))',
  },
  {
    label: 'Arithmetic with units',
    feature: 'arithmetic and units',
    text: 'all(podSpec.containers[*], resources.limits.memory - resources.requests.memory at most 512Mi)',
  },
  {
    label: 'Look up another resource',
    feature: 'lookup(… from … where …)',
    text: 'lookup(metadata.annotations.owner from k8s:Namespace where Name = Namespace) exists',
  },
  {
    label: 'No other resource shares a value',
    feature: 'others(… where …)',
    text: 'others(k8s:Ingress where hosts[*] = hosts[*]) is empty',
  },
  {
    label: 'Another resource’s selector selects this one',
    feature: 'selects',
    text: 'others(k8s:PodDisruptionBudget where spec.selector selects metadata.labels) is not empty',
  },
  {
    label: 'Text functions',
    feature: 'split, before, after',
    text: 'after(owner, "@") = "example.com"',
  },
  {
    label: 'Image registry and tag',
    feature: 'registry, repository, tag, digest',
    text: 'registry(podSpec.containers[*].image) is one of "registry.example.com, ghcr.io" and tag(podSpec.containers[*].image) does not equal "latest"',
  },
  {
    label: 'Text that must match its case',
    feature: 'matching case',
    text: 'securityContext.capabilities.add[*] is not one of matching case "SYS_ADMIN, NET_ADMIN"',
  },
];
