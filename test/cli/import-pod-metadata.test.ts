// podMetadata: the pod's labels and annotations for Pods and every controller, so a label rule is one row for all.
import { validate } from '../../core';
import { importKubernetes } from '../../importers/kubernetes';
import { mergeResources } from '../../importers/merge';

const template = (labels: string) => `
    metadata:
      labels: ${labels}
      annotations: { prometheus.io/scrape: "true" }
    spec:
      containers: [{ name: app, image: registry.acme.io/app:1 }]`;

const manifests = `
apiVersion: v1
kind: Pod
metadata:
  name: pod
  labels: { app.kubernetes.io/name: pod }
  annotations:
    prometheus.io/scrape: "true"
    kubectl.kubernetes.io/last-applied-configuration: "{}"
spec:
  containers: [{ name: app, image: registry.acme.io/app:1 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: deploy, labels: { app.kubernetes.io/name: not-the-pods } }
spec:
  template:${template('{ app.kubernetes.io/name: deploy }')}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: sts }
spec:
  template:${template('{ app.kubernetes.io/name: sts }')}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: ds }
spec:
  template:${template('{ team: infra }')}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: { name: rs }
spec:
  template:${template('{ app.kubernetes.io/name: rs }')}
---
apiVersion: batch/v1
kind: Job
metadata: { name: job }
spec:
  template:${template('{ app.kubernetes.io/name: job }')}
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: cron }
spec:
  jobTemplate:
    spec:
      template:${template('{ app.kubernetes.io/name: cron }').replace(/\n/g, '\n    ')}
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: bare }
spec:
  template:
    spec:
      containers: [{ name: app, image: registry.acme.io/app:1 }]
---
apiVersion: v1
kind: Service
metadata: { name: svc }
spec: { type: ClusterIP }
`;

const { rows, errors } = importKubernetes(manifests, 'workloads.yaml');

test('every workload kind gets the labels and annotations of its pods; other kinds get none', () => {
  expect(errors).toEqual([]);
  const meta = Object.fromEntries(
    rows.map((r) => [
      r.id,
      r.cells.podMetadata === undefined ? undefined : JSON.parse(String(r.cells.podMetadata)),
    ]),
  );
  const scraped = { 'prometheus.io/scrape': 'true' };
  expect(meta).toEqual({
    'default/pod': { labels: { 'app.kubernetes.io/name': 'pod' }, annotations: scraped },
    'default/deploy': { labels: { 'app.kubernetes.io/name': 'deploy' }, annotations: scraped },
    'default/sts': { labels: { 'app.kubernetes.io/name': 'sts' }, annotations: scraped },
    'default/ds': { labels: { team: 'infra' }, annotations: scraped },
    'default/rs': { labels: { 'app.kubernetes.io/name': 'rs' }, annotations: scraped },
    'default/job': { labels: { 'app.kubernetes.io/name': 'job' }, annotations: scraped },
    'default/cron': { labels: { 'app.kubernetes.io/name': 'cron' }, annotations: scraped },
    'default/bare': { labels: {}, annotations: {} },
    'default/svc': undefined,
  });
});

test('one rule row checks a pod label on Pods and every controller', () => {
  const resources = mergeResources([], rows).rows;
  const out = validate(
    [
      {
        name: 'Rules',
        rows: [
          ['Rule ID', 'Title', 'Resource Type', 'Field', 'Operator'],
          [
            'K8S-NAME',
            'Pods are named',
            'k8s:Pod, k8s:Deployment, k8s:StatefulSet, k8s:DaemonSet, k8s:ReplicaSet, k8s:Job, k8s:CronJob',
            'podMetadata.labels["app.kubernetes.io/name"]',
            'exists',
          ],
        ],
      },
      { name: 'Resources', rows: resources },
    ],
    { now: new Date('2026-11-28T12:00:00Z') },
  );
  expect(out.results.toArray().map((r) => `${r.resource?.id} ${r.status}`)).toEqual([
    'default/pod PASS',
    'default/deploy PASS',
    'default/bare FAIL',
    'default/sts PASS',
    'default/ds FAIL',
    'default/rs PASS',
    'default/job PASS',
    'default/cron PASS',
  ]);
});
