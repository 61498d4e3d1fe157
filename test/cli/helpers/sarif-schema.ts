// A SARIF log checked against the SARIF 2.1.0 schema (the copy jest-sarif ships) by ajv, a reader independent of ours.
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const SCHEMA = path.join(
  __dirname,
  '../../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json',
);

let validator: ValidateFunction | undefined;

/** The schema's complaints about `log`: none when it is valid SARIF 2.1.0. */
export function sarifSchemaErrors(log: unknown): unknown[] {
  if (!validator) {
    const { $schema: _draft, id, ...schema } = JSON.parse(fs.readFileSync(SCHEMA, 'utf8'));
    // The schema has a pattern that is invalid with the `u` flag, so patterns compile without it.
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    validator = ajv.compile({ ...schema, $id: id });
  }
  return validator(log) ? [] : (validator.errors ?? [{ message: 'invalid' }]);
}
