// The functions that look inside one value: entries of a map, and small text functions (split, before, after, image parts).

/** Functions added for reading inside one resource; each takes the arguments ARITY says. */
export type InsideFunctionName =
  'entries' | 'split' | 'before' | 'after' | 'registry' | 'repository' | 'tag' | 'digest';

/** How many arguments each takes, and in words for a message. */
export const INSIDE_FUNCTIONS: Record<InsideFunctionName, { args: number; words: string }> = {
  entries: { args: 1, words: 'a field path: entries(metadata.labels)' },
  split: { args: 2, words: 'a value and a separator: split(allowedHosts, ",")' },
  before: { args: 2, words: 'a value and a separator: before(image, "@")' },
  after: { args: 2, words: 'a value and a separator: after(image, "@")' },
  registry: { args: 1, words: 'an image reference: registry(podSpec.containers[*].image)' },
  repository: { args: 1, words: 'an image reference: repository(podSpec.containers[*].image)' },
  tag: { args: 1, words: 'an image reference: tag(podSpec.containers[*].image)' },
  digest: { args: 1, words: 'an image reference: digest(podSpec.containers[*].image)' },
};

export const INSIDE_FUNCTION_NAMES = Object.keys(INSIDE_FUNCTIONS) as InsideFunctionName[];

/** Words that start a path from elsewhere when written bare and followed by `.` or `[`: `resource.spec`, `outer.name`. */
export const PATH_STARTS = ['resource', 'outer'] as const;
