// A container image reference read into its parts the way Docker and Kubernetes read it: registry, repository, tag, digest.

export interface ImageRef {
  /** `docker.io` when the reference names none; `index.docker.io` is docker.io too. */
  registry: string;
  /** `library/nginx` for an official Docker Hub image written `nginx`. */
  repository: string;
  /** `latest` when the reference has neither a tag nor a digest; missing when it has only a digest. */
  tag?: string;
  /** `sha256:…`, as written after `@`. */
  digest?: string;
}

const DOCKER_HUB = 'docker.io';

/**
 * The parts of `registry.example.com:5000/team/app:1.2@sha256:…`. The first part before a `/` is a registry when
 * it holds a `.` or a `:` (a port) or is `localhost`, as Docker decides; otherwise the image is on Docker Hub.
 * Undefined for empty text.
 */
export function parseImageRef(text: string): ImageRef | undefined {
  let rest = text.trim();
  if (rest === '') return undefined;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  // A colon after the last slash starts the tag; one before it is a registry's port.
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry = DOCKER_HUB;
  let repository = rest;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first === 'index.docker.io' ? DOCKER_HUB : first;
      repository = rest.slice(slash + 1);
    }
  }
  if (registry === DOCKER_HUB && !repository.includes('/') && repository !== '')
    repository = `library/${repository}`;
  if (tag === undefined && digest === undefined) tag = 'latest';
  const out: ImageRef = { registry, repository };
  if (tag !== undefined && tag !== '') out.tag = tag;
  if (digest !== undefined && digest !== '') out.digest = digest;
  return out;
}
