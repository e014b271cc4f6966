/**
 * Picks, once, the hoax claims the poster set is made of, and writes claims.json (committed, so
 * the posters do not change when the starter list or the shared data do).
 * Run: npx tsx tests/eval/images/pick-claims.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { SaringList } from '../../../lib/lists/schema';
import { readJsonLinesGz, SHARED_DATA } from '../../../lib/cli/build-starter-list';
import { type Claim, CLAIMS_FILE, here, random } from './common';

const INDONESIAN = 44;
const ENGLISH = 20;

function words(text: string, max: number): string {
  const list = text
    .replace(/https?:\S+/g, '')
    .replace(/\[[^\]]*\]|\([^)]*\)/g, ' ')
    .replace(/[“”"#*_]|\p{Extended_Pictographic}|\uFE0F|\uFFFD/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ');
  return list.slice(0, max).join(' ');
}

function main(): void {
  const rng = random(17);
  const starter = JSON.parse(gunzipSync(readFileSync(resolve(here, '../../../public/starter-list.json.gz'))).toString()) as SaringList;
  const withText = starter.items.filter((item) => (item.text ?? '').split(/\s+/).length >= 18 && item.claim.length <= 90);
  const indonesian = rng.sample(withText, INDONESIAN).map((item): Claim => ({
    id: item.id,
    list: 'starter',
    lang: 'id',
    headline: item.claim,
    body: words(item.text!, 22 + rng.int(0, 12)),
  }));
  const clef = readJsonLinesGz<{ vclaim_id: string; vclaim: string }>(resolve(SHARED_DATA, 'en/clef2022-vclaims.jsonl.gz'));
  const short = clef.filter((claim) => claim.vclaim.length >= 40 && claim.vclaim.length <= 120 && !/[^\x20-\x7e’‘]/.test(claim.vclaim));
  const english = rng.sample(short, ENGLISH).map((claim): Claim => ({
    id: claim.vclaim_id,
    list: 'clef',
    lang: 'en',
    headline: claim.vclaim.replace(/[’‘]/g, "'"),
    body: '',
  }));
  writeFileSync(resolve(here, CLAIMS_FILE), `${JSON.stringify([...indonesian, ...english], null, 1)}\n`);
  console.log(`wrote ${indonesian.length + english.length} claims to ${CLAIMS_FILE}`);
}

main();
