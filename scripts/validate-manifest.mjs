// Validates add-in manifests offline against the Office manifest XSDs with libxml2-wasm: `node scripts/validate-manifest.mjs [manifest.xml …]`.
/* global console */
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XmlDocument, XsdValidator, XmlValidateError } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaPath = resolve(
  process.env.OFFICE_MANIFEST_XSD ??
    join(root, '..', 'shared', 'office-manifest-xsd', 'OfficeAppManifestV1_1.xsd'),
);
const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : [join(root, 'manifest.xml')];

xmlRegisterFsInputProviders();
const schemaDoc = XmlDocument.fromBuffer(readFileSync(schemaPath), { url: schemaPath });
const validator = XsdValidator.fromDoc(schemaDoc);
let failed = 0;
for (const file of files) {
  let doc;
  try {
    doc = XmlDocument.fromBuffer(readFileSync(file), { url: resolve(file) });
    validator.validate(doc);
    console.log(`${file} validates`);
  } catch (err) {
    failed++;
    if (err instanceof XmlValidateError)
      for (const d of err.details) console.error(`${file}:${d.line}: ${d.message.trim()}`);
    else console.error(`${file}: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    doc?.dispose();
  }
}
validator.dispose();
schemaDoc.dispose();
process.exit(failed > 0 ? 3 : 0);
