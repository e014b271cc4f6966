import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/** What the page loads at document_start: the content scripts' size as built (unminified goal: 100 KB). */
export const CONTENT_SCRIPT_GOAL_KB = 100;

const contentScripts = resolve(import.meta.dirname, '../../.output/chrome-mv3/content-scripts');

/** One row per built content script: its size in KB (1000 bytes, as WXT prints them). */
export function contentScriptRows(): [string, string, string][] {
  if (!existsSync(contentScripts)) throw new Error('no build: run `npm run build` first');
  return readdirSync(contentScripts)
    .filter((name) => name.endsWith('.js'))
    .map((name) => {
      const kb = statSync(resolve(contentScripts, name)).size / 1000;
      const goal = name === 'guard.js' ? ` (goal ≤ ${CONTENT_SCRIPT_GOAL_KB} KB)` : '';
      return ['build', `content script ${name}, unminified${goal}`, `${kb.toFixed(1)} KB`];
    });
}
