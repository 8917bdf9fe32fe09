// The official CycloneDX 1.6 JSON schema, as the CycloneDX library ships it (with the SPDX
// licence ids and JSF signature schemas it $refs), compiled with ajv for draft-07.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import addFormats2019 from 'ajv-formats-draft2019';

const SCHEMAS = path.join(path.dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');
const read = (name: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(SCHEMAS, name), 'utf8'));

/** A validator for CycloneDX 1.6 JSON BOMs (compiling takes a moment: keep it). */
export function cycloneDxValidator(): ValidateFunction {
  // Strict, except where the official schema itself breaks a strict rule: its documentation
  // keyword `meta:enum`, and `required` names whose properties a oneOf branch lists, not the
  // schema beside it (strictRequired).
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, validateFormats: true });
  ajv.addKeyword('meta:enum');
  addFormats(ajv);
  addFormats2019(ajv);
  // The BOM schema $refs these files by their SNAPSHOT file names, relative to its own $id.
  ajv.addSchema(read('spdx.SNAPSHOT.schema.json'), 'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json');
  ajv.addSchema(read('jsf-0.82.SNAPSHOT.schema.json'), 'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json');
  return ajv.compile(read('bom-1.6.SNAPSHOT.schema.json'));
}
