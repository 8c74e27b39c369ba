// Validates UMF documents against the UMF JSON Schema with ajv, a validator MOS did not write.
//
//   node validate-umf.mjs [--expect-invalid] SCHEMA FILE_OR_FOLDER…
//
// A folder stands for every *.umf.json file in it. Prints each invalid file with its errors and
// exits non-zero when any file is invalid; with --expect-invalid, the other way round: every file
// must be invalid (the negative check that the schema really rejects broken documents).

import {readFileSync, readdirSync, statSync} from "node:fs";
import {join} from "node:path";
import Ajv2020 from "ajv/dist/2020.js";

const args = process.argv.slice(2);
const expectInvalid = args[0] === "--expect-invalid";
if (expectInvalid) args.shift();
if (args.length < 2) {
  console.error("usage: validate-umf.mjs [--expect-invalid] SCHEMA FILE_OR_FOLDER...");
  process.exit(2);
}
const [schemaPath, ...inputs] = args;

const files = inputs.flatMap((input) =>
  statSync(input).isDirectory()
    ? readdirSync(input).filter((name) => name.endsWith(".umf.json")).sort().map((name) => join(input, name))
    : [input]);
if (files.length === 0) {
  console.error("validate-umf: no .umf.json files found");
  process.exit(2);
}

const ajv = new Ajv2020({allErrors: true, strict: true});
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));

let unexpected = 0;
for (const file of files) {
  let errors;
  try {
    errors = validate(JSON.parse(readFileSync(file, "utf8"))) ? [] : validate.errors;
  } catch (error) {
    errors = [{instancePath: "", message: `not JSON: ${error.message}`}];
  }
  if (errors.length > 0) {
    console.log(`${file}: invalid`);
    for (const error of errors) console.log(`  ${error.instancePath || "(document)"} ${error.message}`);
  } else {
    console.log(`${file}: valid`);
  }
  if ((errors.length > 0) !== expectInvalid) ++unexpected;
}
if (unexpected > 0) {
  console.error(`validate-umf: ${unexpected} of ${files.length} files ${expectInvalid ? "were valid" : "were invalid"}`);
  process.exit(1);
}
console.log(`validate-umf: ${files.length} files ${expectInvalid ? "invalid" : "valid"} as expected`);
