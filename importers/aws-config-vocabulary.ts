// AWS Config items in the Terraform vocabulary the AWS packs read: `AWS::S3::Bucket` becomes `aws_s3_bucket` with `versioning.status`…
import { isObject, isScalar, type Json } from './row-builder';

type Obj = { [key: string]: Json };

/** The Terraform type and the columns one Config item gives; undefined for a type without a mapping. */
export interface AwsColumns {
  type: string;
  /**
   * Column header (a dotted name where the packs read one) → value; undefined values are left out. No `name`:
   * it would land in Name (headers match ignoring case), which holds resourceName as it always has.
   */
  columns: Record<string, Json | undefined>;
}

/** Config resource types → the function that reads their configuration (decoded) and supplementary configuration. */
const MAPPINGS: Record<string, (conf: Obj, supp: Obj) => AwsColumns> = {
  'aws::s3::bucket': (conf, supp) => {
    const pab = obj(supp.PublicAccessBlockConfiguration);
    const sse = first(obj(supp.ServerSideEncryptionConfiguration).rules);
    const versioning = obj(supp.BucketVersioningConfiguration);
    const logging = isObject(supp.BucketLoggingConfiguration) ? supp.BucketLoggingConfiguration : undefined;
    const target = logging ? str(logging.destinationBucketName) : undefined;
    return {
      type: 'aws_s3_bucket',
      columns: {
        bucket: str(conf.name),
        'public_access_block.block_public_acls': bool(pab.blockPublicAcls),
        'public_access_block.block_public_policy': bool(pab.blockPublicPolicy),
        'public_access_block.ignore_public_acls': bool(pab.ignorePublicAcls),
        'public_access_block.restrict_public_buckets': bool(pab.restrictPublicBuckets),
        'server_side_encryption.algorithm': str(
          obj(obj(sse).applyServerSideEncryptionByDefault).sseAlgorithm,
        ),
        // Config says Off where Terraform's aws_s3_bucket_versioning says Disabled.
        'versioning.status': versioning.status === 'Off' ? 'Disabled' : str(versioning.status),
        'logging.enabled': logging ? target !== undefined && target !== '' : undefined,
        'logging.target_bucket': target,
      },
    };
  },
  'aws::ec2::securitygroup': (conf) => ({
    type: 'aws_security_group',
    columns: {
      vpc_id: str(conf.vpcId),
      ingress: list(conf.ipPermissions).map(permission),
      egress: list(conf.ipPermissionsEgress).map(permission),
    },
  }),
  'aws::iam::user': (conf) => ({
    type: 'aws_iam_user',
    columns: {
      attached_policies: list(conf.attachedManagedPolicies)
        .map((p) => str(obj(p).policyName) ?? policyName(str(obj(p).policyArn)))
        .filter((n): n is string => n !== undefined),
    },
  }),
  // Recorded in CloudFormation's shape (IsLogging, TrailName…); the API's camelCase is read as well.
  'aws::cloudtrail::trail': (conf, supp) => ({
    type: 'aws_cloudtrail',
    columns: {
      is_multi_region_trail: bool(conf.IsMultiRegionTrail ?? conf.isMultiRegionTrail),
      enable_log_file_validation: bool(conf.EnableLogFileValidation ?? conf.logFileValidationEnabled),
      enable_logging: bool(conf.IsLogging ?? conf.isLogging ?? obj(supp.TrailStatus).isLogging),
    },
  }),
  'aws::rds::dbinstance': (conf) => ({
    type: 'aws_db_instance',
    columns: {
      identifier: str(conf.dBInstanceIdentifier),
      engine: str(conf.engine),
      storage_encrypted: bool(conf.storageEncrypted),
      publicly_accessible: bool(conf.publiclyAccessible),
    },
  }),
};

/** The Terraform-vocabulary type and columns of a Config item, or undefined when its type has no mapping. */
export function awsConfigColumns(
  resourceType: string,
  configuration: Json | undefined,
  supplementary: Json | undefined,
) {
  const map = MAPPINGS[resourceType.toLowerCase()];
  return map ? map(obj(configuration), obj(supplementary)) : undefined;
}

/** The Config resource types with a mapping, for the guide and tests. */
export const MAPPED_CONFIG_TYPES = Object.keys(MAPPINGS);

/** An EC2 permission as a Terraform ingress/egress block: ports, protocol, IPv4 and IPv6 ranges. */
function permission(p: Json): Json {
  const o = obj(p);
  const protocol = str(o.ipProtocol) ?? '-1';
  // "-1" (all traffic) carries no ports in Config; Terraform writes 0 and 0.
  const from = typeof o.fromPort === 'number' ? o.fromPort : 0;
  const to = typeof o.toPort === 'number' ? o.toPort : 0;
  const v4 = [
    ...list(o.ipRanges).map((r) => (isObject(r) ? str(r.cidrIp) : str(r))),
    ...list(o.ipv4Ranges).map((r) => str(obj(r).cidrIp)),
  ];
  const v6 = list(o.ipv6Ranges).map((r) => (isObject(r) ? str(r.cidrIpv6) : str(r)));
  return {
    from_port: from,
    to_port: to,
    protocol,
    cidr_blocks: [...new Set(v4.filter((c): c is string => c !== undefined))],
    ipv6_cidr_blocks: [...new Set(v6.filter((c): c is string => c !== undefined))],
  };
}

/** `arn:aws:iam::aws:policy/AdministratorAccess` → `AdministratorAccess`. */
export function policyName(arn: string | undefined): string | undefined {
  return arn === undefined ? undefined : arn.slice(arn.lastIndexOf('/') + 1);
}

function obj(v: Json | undefined): Obj {
  return isObject(v) ? v : {};
}
function list(v: Json | undefined): Json[] {
  return Array.isArray(v) ? v : [];
}
function first(v: Json | undefined): Json | undefined {
  return Array.isArray(v) ? v[0] : undefined;
}
function str(v: Json | undefined): string | undefined {
  return typeof v === 'string' ? v : isScalar(v) ? String(v) : undefined;
}
function bool(v: Json | undefined): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  return undefined;
}
