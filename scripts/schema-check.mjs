// Compares the schema apps were last released against (schema/released.graphql) with the schema as it is now
// (schema.graphql) and fails on any change that can break an app already installed on a phone.
// Usage: node scripts/schema-check.mjs [released.graphql] [current.graphql]   (paths default to the two files above)
// Prints one line per change that matters: "BREAKING <path>: <message>" (exit 1 when there is one) and
// "WARNING <path>: <message>" for dangerous changes (they pass), then a summary line. Policy: README "Evolving the
// schema", decision 0030.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ChangeType, CriticalityLevel, DiffRule, diff } from '@graphql-inspector/core';
import { buildSchema, isObjectType } from 'graphql';

const root = fileURLToPath(new URL('..', import.meta.url));
const [releasedPath = `${root}schema/released.graphql`, currentPath = `${root}schema.graphql`] = process.argv.slice(2);

function load(path) {
  try {
    return buildSchema(readFileSync(path, 'utf8'));
  } catch (error) {
    console.error(`schema check: cannot read ${path}: ${error.message}`);
    process.exit(2);
  }
}

// graphql-inspector 8 calls removing a field Breaking even when it was deprecated ("look at the field's usage
// first"). Our policy is that a @deprecated(reason:) that has shipped in a released schema is that warning, so its
// rule suppressRemovalOfDeprecatedField downgrades such removals (fields, input fields, enum values deprecated in
// the released schema, and types left unreachable) to Dangerous: printed, not failing.
// The same rule also downgrades every removed type, reasoning that each use of it is reported on its own (a removed
// field, a removed union member). A type that implements an interface is the exception: an app selects it with
// `... on Type` inside an interface field, and nothing else in the diff reports that, so its removal stays Breaking.
const released = load(releasedPath);
const implementsAnInterface = (name) => isObjectType(released.getType(name)) && released.getType(name).getInterfaces().length > 0;
const changes = (await diff(released, load(currentPath), [DiffRule.suppressRemovalOfDeprecatedField])).map((change) =>
  change.type === ChangeType.TypeRemoved && implementsAnInterface(change.path)
    ? { ...change, criticality: { ...change.criticality, level: CriticalityLevel.Breaking } }
    : change);

const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
const dangerous = changes.filter((c) => c.criticality.level === CriticalityLevel.Dangerous);
for (const change of breaking) {
  console.log(`BREAKING ${change.path ?? '(schema)'}: ${change.message}`);
}
// The removals the rule let through keep the reason it gave for Breaking; say why they pass instead.
const removals = new Set([ChangeType.FieldRemoved, ChangeType.InputFieldRemoved, ChangeType.EnumValueRemoved, ChangeType.TypeRemoved]);
for (const change of dangerous) {
  const why = removals.has(change.type) ? 'deprecated in the released schema, or no longer reachable' : change.criticality.reason;
  console.log(`WARNING ${change.path ?? '(schema)'}: ${change.message}${why ? ` (${why})` : ''}`);
}
console.log(`schema check: ${breaking.length} breaking, ${dangerous.length} dangerous, `
  + `${changes.length - breaking.length - dangerous.length} safe changes since the released schema`);
if (breaking.length > 0) {
  console.log('Make the change additive instead: add the new field or argument, mark the old one @deprecated(reason:), release,'
    + ' and remove it once app versions that use it have aged out (README, "Evolving the schema").');
  process.exitCode = 1;
}
