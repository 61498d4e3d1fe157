// Image references read as Docker reads them: registry, repository, tag, digest, with Docker Hub's defaults.
import fc from 'fast-check';
import { parseImageRef } from '../../core/values/image-ref';

test.each<[string, ReturnType<typeof parseImageRef>]>([
  ['nginx', { registry: 'docker.io', repository: 'library/nginx', tag: 'latest' }],
  ['nginx:1.25', { registry: 'docker.io', repository: 'library/nginx', tag: '1.25' }],
  ['bitnami/redis:7.2', { registry: 'docker.io', repository: 'bitnami/redis', tag: '7.2' }],
  ['docker.io/nginx', { registry: 'docker.io', repository: 'library/nginx', tag: 'latest' }],
  ['index.docker.io/library/nginx:1', { registry: 'docker.io', repository: 'library/nginx', tag: '1' }],
  ['ghcr.io/acme/api', { registry: 'ghcr.io', repository: 'acme/api', tag: 'latest' }],
  [
    'registry.example.com:5000/team/app:1.4@sha256:abc',
    { registry: 'registry.example.com:5000', repository: 'team/app', tag: '1.4', digest: 'sha256:abc' },
  ],
  ['registry:5000/app', { registry: 'registry:5000', repository: 'app', tag: 'latest' }],
  ['localhost/app@sha256:abc', { registry: 'localhost', repository: 'app', digest: 'sha256:abc' }],
  ['  Nginx:Latest ', { registry: 'docker.io', repository: 'library/Nginx', tag: 'Latest' }],
  ['', undefined],
  ['   ', undefined],
])('%j → %j', (text, parts) => {
  expect(parseImageRef(text)).toEqual(parts);
});

test('any text reads without throwing, and a reference built from parts reads back as those parts', () => {
  fc.assert(
    fc.property(fc.string(), (text) => {
      parseImageRef(text);
    }),
  );
  const part = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?$/);
  fc.assert(
    fc.property(
      fc.tuple(part, part, part, fc.option(part, { nil: undefined }), fc.option(part, { nil: undefined })),
      ([host, team, name, tag, digest]) => {
        const registry = `${host}.example.com`;
        const text = `${registry}/${team}/${name}${tag ? `:${tag}` : ''}${digest ? `@sha256:${digest}` : ''}`;
        const parsed = parseImageRef(text);
        expect(parsed).toEqual({
          registry,
          repository: `${team}/${name}`,
          ...(tag ? { tag } : digest ? {} : { tag: 'latest' }),
          ...(digest ? { digest: `sha256:${digest}` } : {}),
        });
      },
    ),
  );
});
