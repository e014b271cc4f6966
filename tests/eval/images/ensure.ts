/** The generated image set, made (or remade) when it is missing or stale. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GENERATED_DIR, here, type Manifest, MANIFEST_FILE } from './common';
import { claimsStamp, generateImageSet, GENERATOR_VERSION } from './generate';

export async function ensureImageSet(): Promise<string> {
  const folder = resolve(here, GENERATED_DIR);
  const manifestFile = resolve(folder, MANIFEST_FILE);
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    if (manifest.generator === GENERATOR_VERSION && manifest.claims === claimsStamp()) return folder;
  }
  console.log(`making the image set in tests/eval/images/${GENERATED_DIR} (about two minutes; kept for the next run)…`);
  await generateImageSet(folder, true);
  return folder;
}
