// Terraform AWS resources in the packs' vocabulary: companions such as aws_s3_bucket_versioning folded onto their bucket.
import { policyName } from './aws-config-vocabulary';
import { isObject, isScalar, type Json } from './row-builder';

type Obj = { [key: string]: Json };

export interface PlannedAws {
  address: string;
  type: string;
  values: Json;
}

/** Which attribute of a companion names its owner, the owner's type, and the owner's attribute it holds. */
interface Link {
  key: string;
  owner: string;
  ownerKeys: string[];
  /** The columns the companion gives its owner; lists append to the owner's list. */
  fold: (v: Obj) => Record<string, Json | undefined>;
}

const LINKS: Record<string, Link> = {
  aws_s3_bucket_public_access_block: {
    key: 'bucket',
    owner: 'aws_s3_bucket',
    ownerKeys: ['bucket', 'id'],
    fold: (v) => ({
      'public_access_block.block_public_acls': bool(v.block_public_acls),
      'public_access_block.block_public_policy': bool(v.block_public_policy),
      'public_access_block.ignore_public_acls': bool(v.ignore_public_acls),
      'public_access_block.restrict_public_buckets': bool(v.restrict_public_buckets),
    }),
  },
  aws_s3_bucket_server_side_encryption_configuration: {
    key: 'bucket',
    owner: 'aws_s3_bucket',
    ownerKeys: ['bucket', 'id'],
    fold: (v) => ({ 'server_side_encryption.algorithm': sseAlgorithm(v.rule) }),
  },
  aws_s3_bucket_versioning: {
    key: 'bucket',
    owner: 'aws_s3_bucket',
    ownerKeys: ['bucket', 'id'],
    fold: (v) => ({ 'versioning.status': str(obj(first(v.versioning_configuration)).status) }),
  },
  aws_s3_bucket_logging: {
    key: 'bucket',
    owner: 'aws_s3_bucket',
    ownerKeys: ['bucket', 'id'],
    fold: (v) => ({
      'logging.enabled': str(v.target_bucket) !== undefined,
      'logging.target_bucket': str(v.target_bucket),
    }),
  },
  aws_security_group_rule: {
    key: 'security_group_id',
    owner: 'aws_security_group',
    ownerKeys: ['id'],
    fold: (v) => ({
      [v.type === 'egress' ? 'egress' : 'ingress']: [
        rule(v, v.from_port, v.to_port, v.protocol, list(v.cidr_blocks), list(v.ipv6_cidr_blocks)),
      ],
    }),
  },
  aws_vpc_security_group_ingress_rule: {
    key: 'security_group_id',
    owner: 'aws_security_group',
    ownerKeys: ['id'],
    fold: (v) => ({
      ingress: [rule(v, v.from_port, v.to_port, v.ip_protocol, opt(v.cidr_ipv4), opt(v.cidr_ipv6))],
    }),
  },
  aws_iam_user_policy_attachment: {
    key: 'user',
    owner: 'aws_iam_user',
    ownerKeys: ['name'],
    fold: (v) => ({ attached_policies: [policyName(str(v.policy_arn)) ?? null] }),
  },
  aws_iam_user_login_profile: {
    key: 'user',
    owner: 'aws_iam_user',
    ownerKeys: ['name'],
    fold: () => ({ console_access: true }),
  },
  aws_iam_access_key: {
    key: 'user',
    owner: 'aws_iam_user',
    ownerKeys: ['name'],
    fold: (v) => ({
      access_keys: [
        { id: str(v.id) ?? null, status: str(v.status) ?? 'Active', created: str(v.create_date) ?? null },
      ],
    }),
  },
};

/**
 * The vocabulary columns of each AWS resource, by address: an owner's own inline blocks in the packs' shape, then
 * what its companions say. A companion finds its owner by the value it holds (`bucket = "acme-logs"`) or, when
 * that is unknown until apply, by the reference in the plan's configuration (`bucket = aws_s3_bucket.logs.id`).
 */
export function terraformAwsColumns(
  resources: readonly PlannedAws[],
  configuration: Json | undefined,
): Map<string, Record<string, Json | undefined>> {
  const out = new Map<string, Record<string, Json | undefined>>();
  for (const r of resources) {
    const own = ownColumns(r.type, obj(r.values));
    if (own) out.set(r.address, own);
  }
  const refs = references(configuration);
  // Owners by `type key=value` and by address without index, so a large plan links in one pass.
  const byValue = new Map<string, PlannedAws>();
  const byAddress = new Map<string, PlannedAws>();
  for (const o of resources) {
    byAddress.set(unindexed(o.address), o);
    for (const k of ['bucket', 'id', 'name']) {
      const v = str(obj(o.values)[k]);
      if (v !== undefined && !byValue.has(`${o.type} ${k}=${v}`)) byValue.set(`${o.type} ${k}=${v}`, o);
    }
  }
  for (const c of resources) {
    const link = LINKS[c.type];
    if (!link) continue;
    const values = obj(c.values);
    const held = str(values[link.key]);
    const byHeld =
      held === undefined
        ? undefined
        : link.ownerKeys.map((k) => byValue.get(`${link.owner} ${k}=${held}`)).find((o) => o !== undefined);
    const byRef = (refs.get(unindexed(c.address))?.get(link.key) ?? [])
      .map((a) => byAddress.get(a))
      .find((o) => o !== undefined && o.type === link.owner);
    const owner = byHeld ?? byRef;
    if (!owner) continue;
    const cols = out.get(owner.address) ?? {};
    for (const [k, v] of Object.entries(link.fold(values))) {
      if (v === undefined) continue;
      const before = cols[k];
      cols[k] = Array.isArray(v) && Array.isArray(before) ? [...before, ...v] : v;
    }
    out.set(owner.address, cols);
  }
  return out;
}

/** An owner's inline blocks (the AWS provider's older forms) in the packs' shape. */
function ownColumns(type: string, v: Obj): Record<string, Json | undefined> | undefined {
  if (type === 'aws_s3_bucket') {
    const versioning = obj(first(v.versioning));
    const logging = obj(first(v.logging));
    return {
      'versioning.status':
        typeof versioning.enabled === 'boolean' ? (versioning.enabled ? 'Enabled' : 'Disabled') : undefined,
      'server_side_encryption.algorithm': sseAlgorithm(
        obj(first(v.server_side_encryption_configuration)).rule,
      ),
      'logging.enabled': str(logging.target_bucket) !== undefined ? true : undefined,
      'logging.target_bucket': str(logging.target_bucket),
    };
  }
  if (type === 'aws_security_group') {
    const block = (b: Json) => {
      const o = obj(b);
      return rule(o, o.from_port, o.to_port, o.protocol, list(o.cidr_blocks), list(o.ipv6_cidr_blocks));
    };
    return { ingress: list(v.ingress).map(block), egress: list(v.egress).map(block) };
  }
  if (type === 'aws_iam_user') return { attached_policies: [] };
  return undefined;
}

/** Config address (no instance index) → attribute → the addresses its expression references, module prefixes added. */
function references(configuration: Json | undefined): Map<string, Map<string, string[]>> {
  const out = new Map<string, Map<string, string[]>>();
  const walk = (module: Json | undefined, prefix: string) => {
    const m = obj(module);
    for (const r of list(m.resources)) {
      const ro = obj(r);
      const address = str(ro.address);
      if (!address) continue;
      const attrs = new Map<string, string[]>();
      for (const [k, e] of Object.entries(obj(ro.expressions))) {
        const refs = list(obj(e).references).map(str);
        attrs.set(
          k,
          refs.filter((x): x is string => x !== undefined).map((x) => prefix + x),
        );
      }
      out.set(prefix + address, attrs);
    }
    for (const [name, call] of Object.entries(obj(m.module_calls)))
      walk(obj(call).module, `${prefix}module.${name}.`);
  };
  walk(obj(configuration).root_module, '');
  return out;
}

/** A Terraform ingress/egress block in the packs' shape; the block's other attributes (description, self…) are kept. */
function rule(
  block: Obj,
  from: Json | undefined,
  to: Json | undefined,
  protocol: Json | undefined,
  v4: Json[],
  v6: Json[],
): Json {
  return {
    ...block,
    from_port: typeof from === 'number' ? from : 0,
    to_port: typeof to === 'number' ? to : 0,
    protocol: str(protocol) ?? '-1',
    cidr_blocks: v4.filter((c) => typeof c === 'string'),
    ipv6_cidr_blocks: v6.filter((c) => typeof c === 'string'),
  };
}

function sseAlgorithm(rules: Json | undefined): string | undefined {
  return str(obj(first(obj(first(rules)).apply_server_side_encryption_by_default)).sse_algorithm);
}

/** `aws_s3_bucket.logs[0]` → `aws_s3_bucket.logs`: configuration names a resource, not its instances. */
function unindexed(address: string): string {
  return address.replace(/\[[^\]]*\]/g, '');
}

function obj(v: Json | undefined): Obj {
  return isObject(v) ? v : {};
}
function list(v: Json | undefined): Json[] {
  return Array.isArray(v) ? v : [];
}
function opt(v: Json | undefined): Json[] {
  return typeof v === 'string' ? [v] : [];
}
function first(v: Json | undefined): Json | undefined {
  return Array.isArray(v) ? v[0] : isObject(v) ? v : undefined;
}
function str(v: Json | undefined): string | undefined {
  return typeof v === 'string' ? v : isScalar(v) ? String(v) : undefined;
}
function bool(v: Json | undefined): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}
