#!/usr/bin/env node
// Feature dependency graph of apps/api/src/modules: prints it, fails on a cycle between feature folders, and with
// --write rewrites the list in docs/architecture.md between its markers. `npm run lint:boundaries`.
// Runtime imports only: a type-only import (`import type`) is erased by the compiler and orders nothing at load time.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const MODULES = join(ROOT, 'apps/api/src/modules');
const DOC = join(ROOT, 'docs/architecture.md');
const BEGIN = '<!-- feature-graph:begin (npm run lint:boundaries -- --write) -->';
const END = '<!-- feature-graph:end -->';

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Module specifiers of the runtime imports and re-exports of one file. */
function runtimeImports(path) {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, false);
  const specifiers = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause &&
          !clause.name &&
          clause.namedBindings &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 &&
          clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) specifiers.push(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specifiers.push(statement.moduleSpecifier.text);
    }
  }
  return specifiers;
}

const features = readdirSync(MODULES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
/** feature → feature it imports → the files that do. */
const graph = new Map(features.map((feature) => [feature, new Map()]));
for (const feature of features) {
  for (const file of files(join(MODULES, feature))) {
    for (const specifier of runtimeImports(file)) {
      if (!specifier.startsWith('.')) continue;
      const target = relative(MODULES, resolve(dirname(file), specifier)).split(sep);
      if (target[0] === '..' || target[0] === feature || !graph.has(target[0])) continue;
      const via = graph.get(feature).get(target[0]) ?? new Set();
      via.add(`${relative(MODULES, file)} → ${target.join('/')}`);
      graph.get(feature).set(target[0], via);
    }
  }
}

const lines = features.map((feature) => {
  const targets = [...graph.get(feature).keys()].sort();
  return `- \`${feature}\` → ${targets.length ? targets.map((t) => `\`${t}\``).join(', ') : 'nothing'}`;
});
console.log(lines.join('\n'));

// Cycles: depth-first search, reporting each cycle once with the imports that close it.
const cycles = [];
const state = new Map();
function visit(feature, path) {
  state.set(feature, 'open');
  for (const next of graph.get(feature).keys()) {
    if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
    else if (!state.has(next)) visit(next, [...path, next]);
  }
  state.set(feature, 'done');
}
for (const feature of features) if (!state.has(feature)) visit(feature, [feature]);

const doc = readFileSync(DOC, 'utf8');
const start = doc.indexOf(BEGIN);
const end = doc.indexOf(END);
if (start < 0 || end < start) throw new Error(`docs/architecture.md lacks the markers ${BEGIN} … ${END}`);
const written = `${doc.slice(0, start + BEGIN.length)}\n\n${lines.join('\n')}\n\n${doc.slice(end)}`;
let stale = false;
if (process.argv.includes('--write')) writeFileSync(DOC, written);
else if (written !== doc) {
  stale = true;
  console.error('\ndocs/architecture.md lists another graph: run `npm run lint:boundaries -- --write`.');
}

if (cycles.length) {
  console.error(
    `\n${cycles.length} import cycle(s) between features (break them with an event, or move the shared piece):`,
  );
  for (const cycle of cycles) {
    console.error(`  ${cycle.join(' → ')}`);
    for (let i = 0; i < cycle.length - 1; i += 1) {
      for (const edge of graph.get(cycle[i]).get(cycle[i + 1])) console.error(`      ${edge}`);
    }
  }
  process.exit(1);
}
if (stale) process.exit(1);
