// validate-json.js SCHEMA FILE...: each FILE must be valid JSON that the
// JSON Schema (draft-07) accepts; exit 1 with ajv's errors otherwise.
'use strict';
const fs = require('fs');
const Ajv = require('ajv');
const [schemaPath, ...files] = process.argv.slice(2);
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
let bad = 0;
for (const f of files) {
  if (!validate(JSON.parse(fs.readFileSync(f, 'utf8')))) {
    console.error(`${f}: ${ajv.errorsText(validate.errors, { separator: '\n  ' })}`);
    bad = 1;
  }
}
process.exit(bad);
