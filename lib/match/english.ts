/**
 * English for the matcher: which texts are English, and a light suffix
 * stemmer for them. Indonesian words would be mangled by English suffix rules
 * (and English ones by Indonesian prefix rules), so each text is stemmed by
 * the rules of the language it reads as.
 */

import { ENGLISH_LEMMAS } from './english-lemmas';

export type Language = 'id' | 'en';

/** Function words frequent in one language and rare in the other. */
const ENGLISH_MARKERS = new Set(
  (
    'the a an and of to in is are was were be been this that these those it its with for on at by from as ' +
    'not have has had will would can could should they we you he she his her their our my your what which who ' +
    'when where how there than then about into after before just also been being does did do'
  ).split(' '),
);
const INDONESIAN_MARKERS = new Set(
  (
    'yang dan di ke dari ini itu dengan untuk pada adalah akan atau juga dalam oleh karena tidak sudah telah ' +
    'bisa dapat harus agar jika kalau maka namun tetapi tapi bahwa sebagai seperti hingga sampai saat ada ' +
    'kita kami mereka dia saya anda nya pun lah ya'
  ).split(' '),
);

/** English when more of the words are English function words than Indonesian ones. */
export function languageOf(words: readonly string[]): Language {
  let english = 0;
  let indonesian = 0;
  for (const word of words) {
    if (ENGLISH_MARKERS.has(word)) english++;
    else if (INDONESIAN_MARKERS.has(word)) indonesian++;
  }
  return english > indonesian ? 'en' : 'id';
}

const VOWEL_IN = /[aeiouy]/;
const DOUBLED_END = /(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/;

/**
 * Irregular forms and synonyms read as one word (english-lemmas.ts), then plurals, -ing, -ed,
 * -ly, -ness and a final -e off, and a demonym's -n ("indonesian" → "indonesia"): "vaccines",
 * "jabs" and "vaccinated" meet, as do "died" and "dead". Consistent on both sides, not linguistic.
 */
export function stemEnglish(word: string): string {
  const lemma = ENGLISH_LEMMAS.get(word) ?? word;
  if (lemma.length < 4 || !/^[a-z]+$/.test(lemma)) return lemma;
  let stem = lemma;
  if (stem.endsWith('ies') && stem.length > 4) stem = `${stem.slice(0, -3)}y`;
  // "carried" meets "carries" and "carry".
  else if (stem.endsWith('ied') && stem.length > 4) stem = `${stem.slice(0, -3)}y`;
  else if (stem.endsWith('sses')) stem = stem.slice(0, -2);
  else if (stem.endsWith('s') && !/(ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);
  for (const suffix of ['ing', 'ed', 'ly', 'ness']) {
    const rest = stem.slice(0, -suffix.length);
    if (stem.endsWith(suffix) && rest.length >= 3 && VOWEL_IN.test(rest)) {
      stem = DOUBLED_END.test(rest) ? rest.slice(0, -1) : rest;
      break;
    }
  }
  if (stem.length >= 7 && stem.endsWith('ian')) stem = stem.slice(0, -1);
  // From four letters: "give" meets "giving", "vote" meets "voting".
  if (stem.length >= 4 && stem.endsWith('e')) stem = stem.slice(0, -1);
  return stem;
}
