#!/usr/bin/env node
// The public surface of libs/persistence (issue 11): `@app/persistence` exports the module, the ports (abstract
// repository classes) and the domain types; adapters, schemas, mappers and the mongo/ helpers are internal.
//
//   node scripts/codemods/persistence-surface.mjs          counts, and rewrites deep imports of public names
//   node scripts/codemods/persistence-surface.mjs --check  counts only; exits 1 when anything outside the library
//                                                           imports an internal name or reaches into its files
//
// Re-runnable after a rebase: it reads the tree as it is. Imports are read with regular expressions (the code base
// writes one import statement per module, `import [type] { a, b as c } from '…'`).
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');
const LIB = join(ROOT, 'libs', 'persistence', 'src');
const SCANNED = ['apps', 'libs', 'test', 'bench'];
const check = process.argv.includes('--check');

function files(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(path).isDirectory()) files(path, out);
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

const isTest = (path) => /\.(spec|int-spec|e2e-spec)\.ts$/.test(path);

/** Names a file exports (declarations and `export { … }` lists), `export *` followed. */
function exportedNames(path, seen = new Set()) {
  if (seen.has(path)) return new Set();
  seen.add(path);
  const text = readFileSync(path, 'utf8');
  const names = new Set();
  for (const match of text.matchAll(
    /^export\s+(?:declare\s+)?(?:abstract\s+)?(?:class|interface|type|const|let|function|enum)\s+([A-Za-z_$][\w$]*)/gm,
  ))
    names.add(match[1]);
  for (const match of text.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}/gm))
    for (const part of match[1].split(','))
      if (part.trim()) names.add(part.trim().split(/\s+as\s+/).pop().replace(/^type\s+/, ''));
  for (const match of text.matchAll(/^export\s+\*\s+from\s+'(\.[^']*)'/gm))
    for (const name of exportedNames(resolve(dirname(path), `${match[1]}.ts`), seen)) names.add(name);
  return names;
}

const publicNames = exportedNames(join(LIB, 'index.ts'));
const internalNames = new Set();
for (const path of files(LIB))
  if (!isTest(path) && path !== join(LIB, 'index.ts'))
    for (const name of exportedNames(path)) if (!publicNames.has(name)) internalNames.add(name);

/** Where an import specifier lands: the public entry, a file inside the library, or elsewhere. */
function target(from, specifier) {
  if (specifier === '@app/persistence') return 'public';
  if (specifier.startsWith('@app/persistence/')) return 'deep';
  if (specifier.startsWith('.')) {
    const landing = resolve(dirname(from), specifier);
    if (landing === LIB || landing === join(LIB, 'index')) return 'public';
    if (landing.startsWith(LIB + sep)) return 'deep';
  }
  return undefined;
}

const IMPORT = /^import\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^']+)';\n/gm;
const stats = { importers: 0, internalImporters: 0, deepImporters: 0, rewritten: 0 };
const offenders = [];

for (const top of SCANNED) {
  for (const path of files(join(ROOT, top))) {
    if (path.startsWith(LIB + sep)) continue;
    const text = readFileSync(path, 'utf8');
    let imports = false;
    let internal = false;
    let deep = false;
    const rewritten = text.replace(IMPORT, (statement, typeOnly, list, specifier) => {
      const where = target(path, specifier);
      if (!where) return statement;
      imports = true;
      const names = list
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
      const bare = names.map((name) => name.replace(/^type\s+/, '').split(/\s+as\s+/)[0]);
      const reachesInternals = bare.some((name) => internalNames.has(name));
      if (reachesInternals) internal = true;
      if (where !== 'deep') return statement;
      deep = true;
      if (reachesInternals || !bare.every((name) => publicNames.has(name))) return statement;
      // A deep import of public names only: the same names from the public entry.
      return `import ${typeOnly ?? ''}{ ${names.join(', ')} } from '@app/persistence';\n`;
    });
    if (imports) stats.importers++;
    if (internal) stats.internalImporters++;
    if (deep) stats.deepImporters++;
    if (rewritten !== text) {
      stats.rewritten++;
      if (!check) writeFileSync(path, rewritten);
    }
    if (internal || (deep && (check || rewritten === text)))
      offenders.push(relative(ROOT, path));
  }
}

console.log(`public names: ${publicNames.size}, internal names: ${internalNames.size}`);
console.log(`files importing libs/persistence from outside: ${stats.importers}`);
console.log(`  of which import internal names (adapters, schemas, mappers, mongo/): ${stats.internalImporters}`);
console.log(`  of which reach into its files (deep imports): ${stats.deepImporters}`);
console.log(`${check ? 'would rewrite' : 'rewrote'} ${stats.rewritten} file(s) to import from '@app/persistence'`);
for (const path of offenders) console.log(`  needs a hand: ${path}`);
process.exitCode = check && (stats.internalImporters > 0 || stats.deepImporters > 0) ? 1 : 0;
