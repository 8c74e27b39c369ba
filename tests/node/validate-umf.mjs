// Validates UMF documents against the UMF JSON Schema with ajv, a validator MOS did not write.
//
//   node validate-umf.mjs [--expect-invalid | --cover-schema] SCHEMA FILE_OR_FOLDER…
//
// A folder stands for every *.umf.json file in it. Prints each invalid file with its errors and
// exits non-zero when any file is invalid; with --expect-invalid, the other way round: every file
// must be invalid (the negative check that the schema really rejects broken documents). With
// --cover-schema, the valid files together must also use every member the schema defines, so a
// sample that claims to set every field really does.

import {readFileSync, readdirSync, statSync} from "node:fs";
import {join} from "node:path";
import Ajv2020 from "ajv/dist/2020.js";

const args = process.argv.slice(2);
const expectInvalid = args[0] === "--expect-invalid";
const coverSchema = args[0] === "--cover-schema";
if (expectInvalid || coverSchema) args.shift();
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

const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
const ajv = new Ajv2020({allErrors: true, strict: true});
const validate = ajv.compile(schema);

// The schema's members as "definition/member" (or "/member" at the top level), each reachable
// object schema once.
function resolve(node) {
  return node.$ref ? resolve(schema.$defs[node.$ref.replace("#/$defs/", "")]) : node;
}
function schemaMembers(node, where, out, visited) {
  const named = node.$ref ? node.$ref.replace("#/$defs/", "") : where;
  node = resolve(node);
  if (visited.has(node)) return out;
  visited.add(node);
  for (const [name, member] of Object.entries(node.properties ?? {})) {
    out.add(`${named}/${name}`);
    schemaMembers(member, `${named}/${name}`, out, visited);
  }
  if (node.items) schemaMembers(node.items, `${named}[]`, out, visited);
  return out;
}
// The members a document uses, named the same way.
function usedMembers(node, where, value, out) {
  const named = node.$ref ? node.$ref.replace("#/$defs/", "") : where;
  node = resolve(node);
  if (node.properties && value && typeof value === "object" && !Array.isArray(value)) {
    for (const [name, member] of Object.entries(node.properties)) {
      if (!(name in value)) continue;
      out.add(`${named}/${name}`);
      usedMembers(member, `${named}/${name}`, value[name], out);
    }
  }
  if (node.items && Array.isArray(value)) {
    for (const item of value) usedMembers(node.items, `${named}[]`, item, out);
  }
  return out;
}
const used = new Set();

let unexpected = 0;
for (const file of files) {
  let errors;
  try {
    errors = validate(JSON.parse(readFileSync(file, "utf8"))) ? [] : validate.errors;
  } catch (error) {
    errors = [{instancePath: "", message: `not JSON: ${error.message}`}];
  }
  if (coverSchema && errors.length === 0) usedMembers(schema, "", JSON.parse(readFileSync(file, "utf8")), used);
  if (errors.length > 0) {
    console.log(`${file}: invalid`);
    for (const error of errors) console.log(`  ${error.instancePath || "(document)"} ${error.message}`);
  } else {
    console.log(`${file}: valid`);
  }
  if ((errors.length > 0) !== expectInvalid) ++unexpected;
}
if (coverSchema) {
  const unused = [...schemaMembers(schema, "", new Set(), new Set())].filter((member) => !used.has(member));
  for (const member of unused) console.log(`not used by any file: ${member}`);
  if (unused.length > 0) {
    console.error(`validate-umf: ${unused.length} schema members are not used`);
    process.exit(1);
  }
}
if (unexpected > 0) {
  console.error(`validate-umf: ${unexpected} of ${files.length} files ${expectInvalid ? "were valid" : "were invalid"}`);
  process.exit(1);
}
console.log(`validate-umf: ${files.length} files ${expectInvalid ? "invalid" : "valid"} as expected`);
