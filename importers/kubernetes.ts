// Kubernetes import: YAML manifests (several documents, List kinds) into `k8s:<Kind>` resource rows.
import { parseAllDocuments } from 'yaml';
import { depthError, valueTooDeep } from './depth';
import { isObject, routingFromTags, RowBuilder, type Json } from './row-builder';
import type { ImportedResource, ImportOptions, ImportOutput } from './types';

/** Kinds that live outside namespaces; their Resource ID is the bare name. */
const CLUSTER_SCOPED = new Set(
  [
    'Namespace',
    'Node',
    'PersistentVolume',
    'ClusterRole',
    'ClusterRoleBinding',
    'CustomResourceDefinition',
    'StorageClass',
    'PriorityClass',
    'IngressClass',
    'RuntimeClass',
    'PodSecurityPolicy',
    'CSIDriver',
    'CSINode',
    'VolumeAttachment',
    'APIService',
    'ValidatingWebhookConfiguration',
    'MutatingWebhookConfiguration',
    'ValidatingAdmissionPolicy',
    'ValidatingAdmissionPolicyBinding',
    'CertificateSigningRequest',
    'ComponentStatus',
    'FlowSchema',
    'PriorityLevelConfiguration',
    'ClusterIssuer',
  ].map((k) => k.toLowerCase()),
);

/** Where each workload kind keeps its pod spec. */
const POD_SPEC_PATH: Record<string, string[]> = {
  pod: ['spec'],
  deployment: ['spec', 'template', 'spec'],
  statefulset: ['spec', 'template', 'spec'],
  daemonset: ['spec', 'template', 'spec'],
  replicaset: ['spec', 'template', 'spec'],
  replicationcontroller: ['spec', 'template', 'spec'],
  job: ['spec', 'template', 'spec'],
  cronjob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export function importKubernetes(text: string, fileName: string, _options: ImportOptions = {}): ImportOutput {
  const rows: ImportedResource[] = [];
  const errors: string[] = [];
  const lineOf = lineCounter(text);
  for (const doc of parseAllDocuments(text)) {
    const line = doc.range ? lineOf(doc.range[0]) : 1;
    if (doc.errors.length) {
      const e = doc.errors[0];
      const at = e.linePos?.[0]?.line ?? line;
      errors.push(`${fileName} line ${at}: cannot read the YAML: ${yamlReason(e.message)}`);
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
    } catch (e) {
      errors.push(
        `${fileName} line ${line}: cannot read the YAML: ${yamlReason(String((e as Error).message ?? e))}`,
      );
      continue;
    }
    if (value === null || value === undefined) continue;
    if (valueTooDeep(value)) {
      errors.push(depthError(`${fileName} line ${line}`));
      continue;
    }
    collect(value, undefined, `${fileName} line ${line}`, rows, errors);
  }
  return { rows, errors };
}

/**
 * Aliases a document may expand, counted as the yaml package counts them (each alias times the nodes it
 * stands for): a few anchors in a real manifest stay far below it; a "billion laughs" file passes it at once.
 */
const MAX_ALIAS_COUNT = 1000;

/** The yaml package's message in a user's words: its position is given apart, its stack overflow means depth. */
function yamlReason(message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (/Maximum call stack size exceeded/i.test(first)) return 'it is nested too deeply to read';
  if (/Excessive alias count/i.test(first))
    return `its aliases (*name) expand past the limit of ${MAX_ALIAS_COUNT.toLocaleString('en-US')}; write the repeated parts out, or use fewer aliases`;
  return first;
}

/** Walks a document: a List's items, or one object. */
function collect(
  value: unknown,
  itemKind: string | undefined,
  where: string,
  rows: ImportedResource[],
  errors: string[],
) {
  if (!isObject(value)) {
    errors.push(
      `${where}: expected a Kubernetes object with kind and metadata, found ${Array.isArray(value) ? 'a list' : 'a plain value'}.`,
    );
    return;
  }
  const kind = typeof value.kind === 'string' ? value.kind : itemKind;
  if (Array.isArray(value.items) && (!kind || kind.endsWith('List'))) {
    const inner = kind && kind !== 'List' ? kind.slice(0, -'List'.length) : undefined;
    value.items.forEach((item, i) => collect(item, inner, `${where} item ${i + 1}`, rows, errors));
    return;
  }
  if (!kind) {
    errors.push(`${where}: the document has no kind; is it a Kubernetes manifest?`);
    return;
  }
  const metadata = isObject(value.metadata) ? value.metadata : {};
  const name =
    typeof metadata.name === 'string'
      ? metadata.name
      : typeof metadata.generateName === 'string'
        ? metadata.generateName
        : '';
  if (!name) {
    errors.push(`${where}: the ${kind} has no metadata.name.`);
    return;
  }
  const clusterScoped = CLUSTER_SCOPED.has(kind.toLowerCase());
  const namespace = clusterScoped
    ? undefined
    : typeof metadata.namespace === 'string'
      ? metadata.namespace
      : 'default';
  const b = new RowBuilder(`k8s:${kind}`, namespace ? `${namespace}/${name}` : name, where);
  const labels = isObject(metadata.labels) ? metadata.labels : undefined;
  b.set('Name', name).set('Namespace', namespace);
  for (const [col, v] of Object.entries(routingFromTags(labels))) b.set(col, v);
  b.set('apiVersion', typeof value.apiVersion === 'string' ? value.apiVersion : undefined);
  b.setJson('metadata.labels', labels ?? {});
  const podPath = POD_SPEC_PATH[kind.toLowerCase()];
  if (podPath) {
    const podSpec = walk(value, podPath);
    b.setJson('podSpec', podSpec ?? {});
    const containers = allContainers(podSpec);
    b.setJson('allContainers', containers);
    b.setJson('imageRegistries', registries(containers));
    // The pod template's metadata sits beside its spec (a Pod's own metadata beside its spec).
    b.setJson('podMetadata', podMetadata(walk(value, [...podPath.slice(0, -1), 'metadata'])));
  }
  b.setJson('Document', withoutNoise({ ...value, kind }));
  const row = b.build();
  if (row) rows.push(row);
  for (const e of b.errors) errors.push(e);
}

function walk(value: Json, path: string[]): Json | undefined {
  let cur: Json | undefined = value;
  for (const key of path) cur = isObject(cur) ? cur[key] : undefined;
  return cur;
}

/** The labels and annotations a pod carries, `{}` each when absent, so one label rule covers Pods and every controller. */
function podMetadata(metadata: Json | undefined): Json {
  const labels = isObject(metadata) && isObject(metadata.labels) ? metadata.labels : {};
  const annotations: { [key: string]: Json } =
    isObject(metadata) && isObject(metadata.annotations) ? { ...metadata.annotations } : {};
  delete annotations[LAST_APPLIED];
  return { labels, annotations };
}

/** containers, initContainers and ephemeralContainers in one list, so one rule covers all three. */
function allContainers(podSpec: Json | undefined): Json[] {
  if (!isObject(podSpec)) return [];
  const out: Json[] = [];
  for (const key of ['containers', 'initContainers', 'ephemeralContainers']) {
    const list = podSpec[key];
    if (Array.isArray(list)) for (const item of list) out.push(item);
  }
  return out;
}

/** The registries every container pulls from, once each: `docker.io` for short names like `nginx`. */
function registries(containers: Json[]): string[] {
  const out = new Set<string>();
  for (const c of containers) {
    if (!isObject(c) || typeof c.image !== 'string' || !c.image.trim()) continue;
    const first = c.image.trim().split('/')[0];
    const isHost =
      c.image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
    out.add(isHost ? first.toLowerCase() : 'docker.io');
  }
  return [...out];
}

/** Drops managedFields and kubectl's last-applied copy: bookkeeping that often alone passes the cell limit. */
function withoutNoise(obj: { [key: string]: Json }): Json {
  if (!isObject(obj.metadata)) return obj;
  const metadata: { [key: string]: Json } = { ...obj.metadata };
  delete metadata.managedFields;
  if (isObject(metadata.annotations) && LAST_APPLIED in metadata.annotations) {
    const annotations = { ...metadata.annotations };
    delete annotations[LAST_APPLIED];
    metadata.annotations = annotations;
  }
  return { ...obj, metadata };
}

/** Offset → 1-based line, for document positions. */
function lineCounter(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
