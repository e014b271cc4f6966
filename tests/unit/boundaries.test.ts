import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The floor plan, enforced: who may import whom (README, Architecture). Every import of the
 * extension's code counts, `import type` included, since a type import is a dependency too.
 */

/** The catalogs of both languages, the settings item with its storage library, and zod. */
const PAGE_BUNDLE_LEAVES_OUT = ['lib/i18n/index.ts', 'lib/settings/index.ts', 'wxt/utils/storage', 'zod'];

/** [importer folder, folders or packages it must not import, why]. */
const FORBIDDEN: readonly [from: string, to: readonly string[], why: string][] = [
  [
    'lib/core/',
    ['lib/', 'components/', 'entrypoints/'],
    'the vocabulary, post pipeline and verdict build on nothing else',
  ],
  ['lib/', ['components/', 'entrypoints/'], 'lib is plain TypeScript: views are handed in by entrypoints'],
  ['lib/guard/', ['lib/background/'], 'the page side and the background meet only over messages'],
  ['lib/labels/', ['lib/background/'], 'the page side and the background meet only over messages'],
  ['lib/background/', ['lib/guard/', 'lib/labels/'], 'the background never runs page code'],
  ['lib/sites/', ['lib/messaging/', 'lib/db/', 'lib/guard/', 'lib/background/'], 'adapters are data'],
  // What the content script bundles (entrypoints/guard.content): words and settings reach the page
  // over a message and browser.storage, answers are checked by hand (lib/messaging/answers.ts).
  ...['lib/guard/', 'lib/labels/', 'components/prompt/', 'components/label/'].map(
    (page): [string, readonly string[], string] => [
      page,
      PAGE_BUNDLE_LEAVES_OUT,
      'the page bundle carries no catalog, zod or storage library (README, the content script)',
    ],
  ),
  [
    'components/',
    ['lib/db/', 'entrypoints/', 'wxt/browser', 'wxt/utils/storage', 'dexie', 'webextension-polyfill'],
    'components are presentational: data comes in by props',
  ],
];

/** Entrypoints import components and lib, never one another. */
const ENTRYPOINTS = 'entrypoints/';
/** Extension APIs reached without an import (a global): not in components either. */
const BROWSER_GLOBAL = /\b(?:browser|chrome)\.(?:runtime|storage|tabs|i18n|permissions|alarms)\b/;

const root = resolve(import.meta.dirname, '../..');
const SOURCE = /\.(?:ts|tsx)$/;
const IMPORT =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder)).flatMap((name) => {
    const path = `${folder}/${name}`;
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** A relative specifier as a project path (`lib/db/index.ts`); a package's name as written. */
function target(from: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  const base = resolve(root, dirname(from), spec.replace(/\?.*$/, ''));
  const file = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find(
    (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
  );
  return relative(root, file ?? base);
}

const files = ['lib', 'components', 'entrypoints'].flatMap(sourceFiles);
const imports = new Map(
  files.map((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    return [file, [...text.matchAll(IMPORT)].map((m) => target(file, (m[1] ?? m[2])!))] as const;
  }),
);

function violations(from: string, to: readonly string[]): string[] {
  return [...imports]
    .filter(([file]) => file.startsWith(from))
    .flatMap(([file, deps]) =>
      deps
        .filter((dep) => to.some((prefix) => dep === prefix || dep.startsWith(prefix)))
        // A folder may import itself: lib/core from lib/core, lib/guard from lib/guard.
        .filter((dep) => !dep.startsWith(from))
        .map((dep) => `${file} → ${dep}`),
    );
}

/** Import cycles among the project's files (Tarjan's strongly connected components). */
function cycles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (file: string): void => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    onStack.add(file);
    for (const dep of imports.get(file) ?? []) {
      if (!imports.has(dep)) continue;
      if (!index.has(dep)) {
        visit(dep);
        low.set(file, Math.min(low.get(file)!, low.get(dep)!));
      } else if (onStack.has(dep)) {
        low.set(file, Math.min(low.get(file)!, index.get(dep)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (imports.get(file) ?? []).includes(file)) found.push(component.sort());
  };
  for (const file of imports.keys()) if (!index.has(file)) visit(file);
  return found;
}

describe('the floor plan', () => {
  it('reads the whole tree', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(imports.get('lib/messaging/protocol.ts')).toContain('lib/core/vocabulary.ts');
  });

  for (const [from, to, why] of FORBIDDEN) {
    it(`${from} does not import ${to.join(', ')}: ${why}`, () => {
      expect(violations(from, to)).toEqual([]);
    });
  }

  it('an entrypoint imports components and lib, never another entrypoint; nothing imports an entrypoint', () => {
    const crossing = [...imports].flatMap(([file, deps]) =>
      deps
        .filter((dep) => dep.startsWith(ENTRYPOINTS))
        .filter((dep) => !file.startsWith(ENTRYPOINTS) || dep.split('/')[1] !== file.split('/')[1])
        .map((dep) => `${file} → ${dep}`),
    );
    expect(crossing).toEqual([]);
  });

  it('components reach no extension API through a global either', () => {
    const users = files
      .filter((file) => file.startsWith('components/'))
      .filter((file) => BROWSER_GLOBAL.test(readFileSync(join(root, file), 'utf8')));
    expect(users).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles()).toEqual([]);
  });

  it('would notice a cycle and a forbidden import', () => {
    imports.set('lib/core/x.ts', ['lib/db/index.ts', 'lib/core/y.ts']);
    imports.set('lib/core/y.ts', ['lib/core/x.ts']);
    try {
      expect(violations('lib/core/', ['lib/'])).toEqual(['lib/core/x.ts → lib/db/index.ts']);
      expect(cycles()).toEqual([['lib/core/x.ts', 'lib/core/y.ts']]);
    } finally {
      imports.delete('lib/core/x.ts');
      imports.delete('lib/core/y.ts');
    }
  });
});
