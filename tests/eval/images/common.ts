/** What the image-set scripts share: paths, the claim records, and a seeded random source. */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = dirname(fileURLToPath(import.meta.url));
export const CLAIMS_FILE = 'claims.json';
/** Where generate.ts writes the set (git-ignored) and what it lists there. */
export const GENERATED_DIR = 'generated';
export const MANIFEST_FILE = 'manifest.json';
/** Hashes of the generated set by the PDQ reference tool, made once outside the repository. */
export const REFERENCE_FILE = 'reference-pdq.csv';

export interface Claim {
  /** The list item the poster is a copy of: a starter-list id, or a CLEF verified-claim id. */
  id: string;
  list: 'starter' | 'clef';
  lang: 'id' | 'en';
  headline: string;
  body: string;
}

export type Background = 'plain' | 'gradient' | 'photo' | 'busy';

export const VARIANTS = ['jpeg-low', 'resize-50', 'resize-25', 'crop-5', 'brighter-10', 'darker-10', 'png'] as const;
export const REMADE = ['caption-bar', 'border-15', 'screenshot', 'relaid'] as const;
export type Variant = (typeof VARIANTS)[number];
export type Remade = (typeof REMADE)[number];

/** One generated file, as manifest.json lists it. */
export interface GeneratedImage {
  file: string;
  set: 'poster' | 'variant' | 'remade' | 'unrelated';
  /** The claim's poster this is (posters, variants and remade copies). */
  poster?: number;
  variant?: Variant | Remade;
  kind: string;
  background?: Background;
  lang?: 'id' | 'en';
  claimId?: string;
  /** The words written on the picture (OCR recall counts those of three or more letters). */
  text: string;
}

export interface Manifest {
  generator: number;
  /** sha256 (16 hex) of claims.json when the set was made. */
  claims: string;
  images: GeneratedImage[];
}

/** mulberry32: small, fast, and the same on every machine. */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  const sample = <T>(values: readonly T[], count: number): T[] => {
    const copy = [...values];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, count);
  };
  return { next, int, pick, sample, range: (min: number, max: number) => min + next() * (max - min) };
}
export type Random = ReturnType<typeof random>;
