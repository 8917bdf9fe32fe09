// The SARIF 2.1.0 schema check the CLI tests and the fuzzer share.
import * as fs from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const sarifSchema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));

/** A validator for SARIF 2.1.0 logs (compiling the schema takes a moment: keep it). */
export function sarifValidator(): ReturnType<AjvDraft04['compile']> {
  // With the formats checked too (uri, uri-reference, date-time), not skipped with a warning.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(sarifSchema);
}
