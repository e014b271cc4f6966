import type { Rating } from './schema';

/**
 * Publishers' verdict words (Indonesian and English) to ratings. Order matters: the first
 * pattern that matches wins, so negations ("TIDAK BENAR") and qualified verdicts
 * ("SEBAGIAN BENAR", "Half True") come before the plain words they contain.
 */
const RATING_BY_VERDICT: Array<[RegExp, Rating]> = [
  [/PENIPUAN|SCAM|PHISHING/, 'scam'],
  [/SATIR|PARODI|KOMEDI|SATIRE|PARODY/, 'satire'],
  [/DIMANIPULASI|MANIPULASI|FABRICATED|REKAYASA|ALTERED|EDITAN|DOCTORED/, 'altered'],
  [/MENYESATKAN|\bSESAT\b|MISLEADING|MOSTLY FALSE/, 'misleading'],
  [/KONTEKS|MISSING CONTEXT|OUT OF CONTEXT|LACKS CONTEXT/, 'missing-context'],
  [/BELUM TERBUKTI|UNPROVEN|TIDAK TERBUKTI|UNVERIFIED|UNSUPPORTED/, 'unproven'],
  [/SEBAGIAN|MIXED|MIXTURE|HALF TRUE|CAMPURAN/, 'mixed'],
  [/SALAH|HOAKS|HOAX|KELIRU|DISINFORMASI|FALSE|FITNAH|PANTS ON FIRE|TIDAK BENAR|BUKAN FAKTA|FAKE/, 'false'],
  [/\bBENAR\b|\bFAKTA\b|\bTRUE\b|\bCORRECT\b|\bACCURATE\b/, 'true'],
];

/** The rating a verdict word stands for, or undefined when the lexicon does not know it. */
export function ratingFromVerdict(verdict: string | null | undefined): Rating | undefined {
  const upper = (verdict ?? '').toUpperCase();
  for (const [pattern, rating] of RATING_BY_VERDICT) if (pattern.test(upper)) return rating;
  return undefined;
}

/**
 * A rating from a numeric scale (schema.org Rating: ratingValue between worstRating and
 * bestRating, 1 and 5 by default), or undefined when the numbers make no sense.
 */
export function ratingFromScale(value: unknown, worst: unknown = 1, best: unknown = 5): Rating | undefined {
  const [v, low, high] = [value, worst, best].map((n) => (typeof n === 'string' && n.trim() ? Number(n) : n));
  if (typeof v !== 'number' || typeof low !== 'number' || typeof high !== 'number') return undefined;
  if (![v, low, high].every(Number.isFinite) || high === low) return undefined;
  const share = (v - low) / (high - low);
  if (share < 0 || share > 1) return undefined;
  if (share < 0.25) return 'false';
  if (share < 0.5) return 'misleading';
  if (share < 0.75) return 'mixed';
  return 'true';
}
