/**
 * Text normalisation shared by indexing and querying, for Indonesian and English
 * social-media text. Both sides go through the same functions, so the stemmer
 * only has to be consistent, not linguistically perfect.
 */

import { languageOf, stemEnglish, type Language } from './english';
import { ENGLISH_TO_INDONESIAN } from './glossary-en-id';

/** Posts longer than this are cut before any work: a hoax is recognisable early. */
export const MAX_TEXT_LENGTH = 10_000;

/** Chat abbreviations and slang → the standard word (applied per token). */
const SLANG_WORDS: Record<string, string> = {
  yg: 'yang',
  yng: 'yang',
  dgn: 'dengan',
  dg: 'dengan',
  dng: 'dengan',
  utk: 'untuk',
  untk: 'untuk',
  gak: 'tidak',
  ga: 'tidak',
  gk: 'tidak',
  nggak: 'tidak',
  ngga: 'tidak',
  enggak: 'tidak',
  engga: 'tidak',
  tdk: 'tidak',
  tak: 'tidak',
  kagak: 'tidak',
  g: 'tidak',
  gag: 'tidak',
  sdh: 'sudah',
  udh: 'sudah',
  udah: 'sudah',
  dah: 'sudah',
  sdah: 'sudah',
  bgt: 'banget',
  bngt: 'banget',
  krn: 'karena',
  karna: 'karena',
  krna: 'karena',
  dr: 'dari',
  dri: 'dari',
  jd: 'jadi',
  jdi: 'jadi',
  tp: 'tapi',
  tpi: 'tapi',
  blm: 'belum',
  blum: 'belum',
  org: 'orang',
  orng: 'orang',
  sy: 'saya',
  sya: 'saya',
  aja: 'saja',
  aj: 'saja',
  sj: 'saja',
  bs: 'bisa',
  bsa: 'bisa',
  tau: 'tahu',
  tw: 'tahu',
  tdi: 'tadi',
  lg: 'lagi',
  lgi: 'lagi',
  sm: 'sama',
  sma: 'sama',
  hrs: 'harus',
  msh: 'masih',
  masi: 'masih',
  bkn: 'bukan',
  bukn: 'bukan',
  dlm: 'dalam',
  dl: 'dulu',
  dlu: 'dulu',
  kalo: 'kalau',
  klo: 'kalau',
  kl: 'kalau',
  klau: 'kalau',
  gmn: 'bagaimana',
  gimana: 'bagaimana',
  knp: 'kenapa',
  napa: 'kenapa',
  pd: 'pada',
  spt: 'seperti',
  kyk: 'kayak',
  kek: 'kayak',
  kyak: 'kayak',
  trs: 'terus',
  trus: 'terus',
  sbg: 'sebagai',
  sbgai: 'sebagai',
  tsb: 'tersebut',
  thd: 'terhadap',
  ttg: 'tentang',
  skrg: 'sekarang',
  skrng: 'sekarang',
  skg: 'sekarang',
  bnyk: 'banyak',
  byk: 'banyak',
  bnyak: 'banyak',
  mrk: 'mereka',
  kpd: 'kepada',
  hr: 'hari',
  thn: 'tahun',
  th: 'tahun',
  bln: 'bulan',
  jt: 'juta',
  jta: 'juta',
  rb: 'ribu',
  rbu: 'ribu',
  sampe: 'sampai',
  ampe: 'sampai',
  smp: 'sampai',
  pake: 'pakai',
  pk: 'pakai',
  liat: 'lihat',
  lht: 'lihat',
  gw: 'saya',
  gue: 'saya',
  gua: 'saya',
  lu: 'kamu',
  lo: 'kamu',
  loe: 'kamu',
  km: 'kamu',
  kmu: 'kamu',
  ente: 'kamu',
  pemda: 'pemerintah daerah',
  pemprov: 'pemerintah provinsi',
  pemkot: 'pemerintah kota',
  pemkab: 'pemerintah kabupaten',
  jkt: 'jakarta',
  jabar: 'jawa barat',
  jateng: 'jawa tengah',
  jatim: 'jawa timur',
  presidn: 'presiden',
  pres: 'presiden',
  gub: 'gubernur',
  bpk: 'bapak',
  pak: 'bapak',
  bu: 'ibu',
  sblm: 'sebelum',
  stlh: 'setelah',
  stelah: 'setelah',
  sdg: 'sedang',
  lbh: 'lebih',
  krg: 'kurang',
  smua: 'semua',
  smw: 'semua',
  dpt: 'dapat',
  dapet: 'dapat',
  cm: 'cuma',
  cuman: 'cuma',
  tlg: 'tolong',
  tolg: 'tolong',
  mhn: 'mohon',
  info: 'informasi',
  inpo: 'informasi',
  gratiss: 'gratis',
  hp: 'ponsel',
  handphone: 'ponsel',
  vaksinasi: 'vaksin',
  corona: 'covid',
  coronavirus: 'covid',
  korona: 'covid',
  jgn: 'jangan',
  jg: 'juga',
  bnr: 'benar',
  bener: 'benar',
  emg: 'memang',
  emang: 'memang',
  kmrn: 'kemarin',
  kemaren: 'kemarin',
  trnyata: 'ternyata',
  msk: 'masuk',
  klr: 'keluar',
  kluar: 'keluar',
  blg: 'bilang',
  prnh: 'pernah',
  pny: 'punya',
  pnya: 'punya',
  trjadi: 'terjadi',
  brp: 'berapa',
  rmh: 'rumah',
  sklh: 'sekolah',
  duit: 'uang',
  hrg: 'harga',
  tlp: 'telepon',
  telp: 'telepon',
  jln: 'jalan',
  pdhl: 'padahal',
  sdgkan: 'sedangkan',
  mksd: 'maksud',
  u: 'you',
  ur: 'your',
  pls: 'please',
  plz: 'please',
  govt: 'government',
  gov: 'government',
};
/** A Map, not the object: a post saying "constructor" must not look up Object.prototype. */
const SLANG: ReadonlyMap<string, string> = new Map(Object.entries(SLANG_WORDS));

/** Laughter and fillers: dropped whole. */
const FILLER =
  /^(?:(?:wk)+w?|(?:ha)+h?|(?:he)+h?|(?:hi)+h?|(?:xi)+|(?:ak)+|lol|lmao|rofl|anjay|anjir|btw|cmiiw|amin|aamiin+|amiin+|yaa?|deh|dong|sih|kok|nih|tuh|lho|loh|kan|kah|pun|mah|wah|wow|oh|eh|ah|ya+h?|yuk|ayo|mari|gan|sis|bro|bang|min|kak|om)$/;

/** Chain-message boilerplate, removed before tokenising (the words carry no claim). */
const BOILERPLATE = [
  /\bcopas\s+(?:dari|dr)\s+(?:grup|group|grp|wag)\s+(?:sebelah|tetangga)\b/g,
  /\b(?:di\s*)?teruskan\s+(?:ke|kepada)\s+(?:semua|seluruh|teman|keluarga|grup|group)\w*/g,
  /\b(?:mohon|tolong|harap|silakan|silahkan)\s+(?:di\s*)?(?:sebar|share|viral|bagi)\w*/g,
  /\bforwarded(?:\s+many\s+times)?\b|\bditeruskan(?:\s+berkali[\s-]*kali)?\b/g,
  /\b(?:sebarkan|viralkan|share)(?:lah)?\b/g,
];
/** A word each BOILERPLATE pattern needs: most text has none, and one scan is cheaper than five. */
const BOILERPLATE_HINT = /copas|teruskan|mohon|tolong|harap|silakan|silahkan|forwarded|sebarkan|viralkan|share/;

const STOPWORDS_ID =
  'yang dan di ke dari ini itu dengan untuk pada adalah akan atau juga dalam oleh karena ' +
  'saat sudah telah sedang masih bisa dapat harus agar supaya jika kalau maka namun tetapi tapi ' +
  'serta bahwa sebagai seperti hingga sampai antara setelah sebelum ketika sambil lalu kemudian ' +
  'para sang si pun lah kah nya saja hanya cuma lagi sangat banget sekali lebih paling kurang ' +
  'semua setiap tiap banyak beberapa sebuah seorang satu ada tersebut itulah inilah yakni yaitu ' +
  'saya aku kamu kita kami mereka dia ia beliau anda engkau kalian kau ' +
  'apa siapa mana kapan bagaimana kenapa mengapa berapa ' +
  'nih tuh dong sih kok deh ya yah iya oke ok kayak gitu begitu begini gini ' +
  'tentang terhadap kepada bagi demi sejak selama tanpa melalui menurut atas bawah ' +
  'sendiri lain baru sama jadi pernah belum mau ingin biar ' +
  'bapak ibu pak bu mas mbak kak om tante';

const STOPWORDS_EN =
  'the a an and or but if of to in on at by for with from as is are was were be been being ' +
  'this that these those it its he she they we you i me my your our their his her them us ' +
  'not no do does did done have has had will would can could should may might must shall ' +
  'what which who whom whose when where why how there here than then so very just also too ' +
  'about into over after before up down out off again all any both each few more most other ' +
  'some such only own same now via rt amp';

/** Words a post carries whatever it says: not evidence of any claim. */
export const STOPWORDS: ReadonlySet<string> = new Set(`${STOPWORDS_ID} ${STOPWORDS_EN}`.split(/\s+/).filter(Boolean));

/** Links, with a scheme or as a bare host with a path ("pic.twitter.com/x1y2"). */
const URL_PATTERN = /\b(?:https?:\/\/|www\.)\S+|\b(?:[a-z0-9-]+\.)+[a-z]{2,}\/\S*/gi;
/** A path segment that is a slug of words ("vaksin-mengandung-chip"): it says what the page claims. */
const SLUG_SEGMENT = /[^/?#]*[-_][^/?#]*/g;

/** A link's slug words, with the host, ids and parameters left out. */
function slugWords(url: string): string {
  const path = url.replace(/^(?:https?:\/\/)?[^/]*/i, '').replace(/[?#].*$/, '');
  return ` ${(path.match(SLUG_SEGMENT) ?? []).join(' ').replace(/\.\w+$|[-_]/g, ' ')} `;
}
const MENTION_PATTERN = /(?:^|\s)@[\p{L}\p{N}_.]+/gu;
/** Anonymised-handle placeholders some datasets and scrapers leave behind. */
const PLACEHOLDER_PATTERN = /\[(?:username|url|user|link)\]/gi;
const HASHTAG_PATTERN = /#([\p{L}\p{N}_]+)/gu;
/**
 * The letter rules applied after folding. The ASCII set is the same rules with
 * \p{L} → [A-Za-z] and \p{N} → [0-9]: identical on text without non-ASCII
 * letters or digits (most text, once accents are folded) and several times
 * faster; indexing the starter list spends most of its time in these.
 */
interface LetterRules {
  /** "anak2" → "anak": the Indonesian shorthand for reduplication (only from a word's start). */
  reduplication: RegExp;
  /** "bangettt" → "banget". */
  run: RegExp;
  nonWord: RegExp;
}
const UNICODE_RULES: LetterRules = {
  reduplication: /(?<!\p{L})(\p{L}{2,})2(?!\p{N})/gu,
  run: /(\p{L})\1{2,}/gu,
  nonWord: /[^\p{L}\p{N}]+/gu,
};
const ASCII_RULES: LetterRules = {
  reduplication: /(?<![A-Za-z])([A-Za-z]{2,})2(?![0-9])/g,
  run: /([A-Za-z])\1{2,}/g,
  nonWord: /[^A-Za-z0-9]+/g,
};
const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_LETTER_OR_DIGIT = /[^\P{L}\x00-\x7f]|[^\P{N}\x00-\x7f]/u;

const MULTIPLIERS: Record<string, number> = {
  rb: 1e3,
  ribu: 1e3,
  k: 1e3,
  jt: 1e6,
  juta: 1e6,
  miliar: 1e9,
  milyar: 1e9,
  million: 1e6,
  billion: 1e9,
  thousand: 1e3,
};
/** "1,5 juta", "1.5jt": a number and a multiplier word, as Indonesian and English write amounts. */
const AMOUNT = /\b(\d+(?:[.,]\d+)?)\s?(rb|ribu|k|jt|juta|miliar|milyar|million|billion|thousand)\b/g;
/** "600.000" or "600,000": digit groups of three. */
const GROUPED = /\b\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*\b(?![.,]\d)/g;

/** Amounts as plain digits, so "Rp600.000", "600 ribu" and "600rb" are one token. */
function canonicalNumbers(text: string): string {
  return text
    .replace(/\brp\.?\s?(?=\d)/g, 'rp ')
    .replace(GROUPED, (number) => number.replace(/[.,]/g, ''))
    .replace(AMOUNT, (_match, number: string, unit: string) => {
      const value = Number(number.replace(',', '.')) * MULTIPLIERS[unit]!;
      return Number.isFinite(value) ? ` ${Math.round(value)} ` : _match;
    });
}

const GENERAL_PUNCTUATION = /[\u00a0\u2000-\u206f]/g;

/** Whether any character occurs three times in a row: a loop is much cheaper than the run regex. */
function hasTripleRun(text: string): boolean {
  for (let i = 2; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === text.charCodeAt(i - 1) && code === text.charCodeAt(i - 2)) return true;
  }
  return false;
}

/** Splits a hashtag or handle body: #TolakVaksinPaksa → "Tolak Vaksin Paksa", @KPU_ID → "KPU ID". */
function splitHashtag(body: string): string {
  return body
    .replace(/_/g, ' ')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2');
}

/** Text folded by every cleaning rule but the last (non-word characters still in place). */
interface FoldedText {
  text: string;
  rules: LetterRules;
}

/**
 * The words of lower-cased, NFKC-folded text with URLs, emoji, marks, control and
 * direction characters and chain-message boilerplate removed. Never throws. On ASCII-lettered
 * text (most) the words are cut in one scan rather than by a replace and a split: indexing
 * spends much of its time here.
 */
export function cleanWords(raw: string): string[] {
  const { text, rules } = foldText(raw);
  if (rules !== ASCII_RULES) return text.replace(rules.nonWord, ' ').split(' ').filter(Boolean);
  const words: string[] = [];
  let start = -1;
  for (let at = 0; at < text.length; at++) {
    if (isAsciiWordCode(text.charCodeAt(at))) {
      if (start < 0) start = at;
    } else if (start >= 0) {
      words.push(text.slice(start, at));
      start = -1;
    }
  }
  if (start >= 0) words.push(text.slice(start));
  return words;
}

/** [A-Za-z0-9]: what ASCII_RULES.nonWord keeps. */
function isAsciiWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
}

function foldText(raw: string): FoldedText {
  if (typeof raw !== 'string' || raw.length === 0) return { text: '', rules: ASCII_RULES };
  let text = raw.length > MAX_TEXT_LENGTH ? raw.slice(0, MAX_TEXT_LENGTH) : raw;
  // Typographic quotes, dashes and spaces separate words like ASCII ones; folding
  // them first lets most text take the ASCII path below.
  if (NON_ASCII.test(text)) text = text.replace(GENERAL_PUNCTUATION, ' ');
  // Plain ASCII (most list text) is left as is by the Unicode folding steps.
  const ascii = !NON_ASCII.test(text);
  if (!ascii) {
    // Lone surrogates cannot be normalised reliably; make them plain spaces.
    text = text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, ' ');
    text = text.normalize('NFKC');
  }
  if (text.includes('/') || /www\./i.test(text)) text = text.replace(URL_PATTERN, slugWords);
  // Each pattern needs its marker character; a check for it is cheaper than a scan.
  if (text.includes('[')) text = text.replace(PLACEHOLDER_PATTERN, ' ');
  // A handle names who the post is about as often as whom it answers (@SixFlags, @KPU_ID): its words count.
  if (text.includes('@'))
    text = text.replace(MENTION_PATTERN, (mention) => ` ${splitHashtag(mention.replace(/^\s*@/, ''))} `);
  if (text.includes('#')) text = text.replace(HASHTAG_PATTERN, (_match, body: string) => ` ${splitHashtag(body)} `);
  text = text.toLowerCase();
  if (/\d/.test(text)) text = canonicalNumbers(text);
  // Fold accents (é → e) after NFKC so decomposed and composed input agree.
  if (!ascii) text = text.normalize('NFD').replace(/\p{M}+/gu, '');
  const rules = !ascii && NON_ASCII_LETTER_OR_DIGIT.test(text) ? UNICODE_RULES : ASCII_RULES;
  if (text.includes('2')) text = text.replace(rules.reduplication, '$1');
  if (hasTripleRun(text)) text = text.replace(rules.run, '$1');
  if (BOILERPLATE_HINT.test(text)) {
    for (const pattern of BOILERPLATE) text = text.replace(pattern, ' ');
  }
  return { text, rules };
}

const VOWEL = /[aeiou]/;
const MIN_STEM = 4;

/** One particle or the possessive off, leaving at least `minLeft` letters. */
function stripParticle(word: string, minLeft: number): string {
  for (const particle of ['nya', 'lah', 'kah', 'pun']) {
    if (word.length - particle.length >= minLeft && word.endsWith(particle)) return word.slice(0, -particle.length);
  }
  return word;
}

/** Particles and possessive, then one derivational suffix, leaving at least `minLeft` letters. */
function stripSuffixes(word: string, minLeft: number): string {
  const stem = stripParticle(word, minLeft);
  for (const suffix of ['kan', 'an', 'i']) {
    if (stem.length - suffix.length >= minLeft && stem.endsWith(suffix)) {
      return stem.slice(0, -suffix.length);
    }
  }
  return stem;
}

/** One inflectional prefix, with the nasal of me-/pe- restored where it replaced a consonant. */
function stripPrefix(word: string): string {
  const nasal = (prefixLength: number, restored: string): string | null => {
    const after = word.slice(prefixLength);
    const stem = VOWEL.test(after.charAt(0)) ? `${restored}${after}` : after;
    return stem.length >= MIN_STEM ? stem : null;
  };
  let stem: string | null = null;
  if (word.startsWith('meny') || word.startsWith('peny')) stem = nasal(4, 's');
  else if (word.startsWith('meng') || word.startsWith('peng')) stem = nasal(4, '');
  else if (word.startsWith('mem') || word.startsWith('pem')) stem = nasal(3, 'p');
  else if (word.startsWith('men') || word.startsWith('pen')) stem = nasal(3, 't');
  if (stem) return stem;
  // No ke-/se-/pe- alone: too many roots begin with those letters (kereta, sekolah, pesan).
  for (const prefix of ['ber', 'ter', 'me', 'di']) {
    if (word.startsWith(prefix) && word.length - prefix.length >= MIN_STEM) {
      return word.slice(prefix.length);
    }
  }
  return word;
}

/**
 * A light Indonesian stemmer: at most one prefix and one suffix, never leaving
 * fewer than four letters (five for an unprefixed word, whose last letters are
 * more often part of the root: korban, bulan).
 */
export function stem(word: string): string {
  if (word.length < MIN_STEM + 2 || !/^[a-z]+$/.test(word)) return word;
  // ke-…-an is a confix (kesehatan ← sehat, kebijakan ← bijak): ke- goes only with -an, and both go.
  const bare = stripParticle(word, MIN_STEM + 4);
  if (bare.startsWith('ke') && bare.endsWith('an') && bare.length - 4 >= MIN_STEM) return bare.slice(2, -2);
  const withoutPrefix = stripPrefix(word);
  return stripSuffixes(withoutPrefix, withoutPrefix === word ? MIN_STEM + 1 : MIN_STEM);
}

/** Digits written for letters to dodge filters ("PR4BOWO", "B3RS1HKAN"): only between letters. */
const LEET_LETTERS: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '9': 'g' };
const LEET_INSIDE_WORD = /[a-z][0134579][a-z]/;
const LEET_DIGIT = /(?<=[a-z])[0134579](?=[a-z])/g;

/**
 * The tokens one cleaned word stands for: slang folded (sometimes to two words),
 * fillers and stopwords dropped, then stemmed. Depends on the word alone, so
 * indexing computes it once per distinct word.
 */
export function wordTokens(raw: string, language: Language = 'id'): string[] {
  const word = LEET_INSIDE_WORD.test(raw) ? raw.replace(LEET_DIGIT, (digit) => LEET_LETTERS[digit]!) : raw;
  if (!word || FILLER.test(word)) return [];
  const tokens: string[] = [];
  for (const part of (SLANG.get(word) ?? word).split(' ')) {
    if (STOPWORDS.has(part)) continue;
    // Single letters and lone digits carry nothing; numbers such as years do.
    if (part.length < 2) continue;
    tokens.push(language === 'en' ? stemEnglish(part) : stem(part));
  }
  return tokens;
}

/**
 * Weight of a query token from the glossary (an Indonesian word for an English one) against the
 * post's own words: a translation is weaker evidence than the word itself.
 */
export const GLOSSARY_WEIGHT = 0.5;

/** Query tokens and each one's weight (1, or GLOSSARY_WEIGHT for a glossary word). */
export interface WeightedTokens {
  tokens: string[];
  weights: number[];
  /**
   * Per token, its reading group: tokens of one group are readings of one word of the post (an
   * English post's word read in English, by the Indonesian stemmer and by the glossary), so the
   * post's size counts the group once, not once per reading.
   */
  groups: number[];
  /** The language the text was read as. */
  language: Language;
}

/**
 * Cleaned words with slang folded, fillers and stopwords dropped, then stemmed
 * by the rules of `language`. Without one (a post), by the language the text
 * reads as; a post read as English also gets each word's Indonesian stem, right
 * after its English one, since mixed posts are common and the list may be
 * Indonesian, and then the Indonesian words the glossary gives for it, weighted less.
 */
export function weightedTokens(raw: string, language?: Language): WeightedTokens {
  const words = cleanWords(raw);
  const rules = language ?? languageOf(words);
  const tokens: string[] = [];
  const weights: number[] = [];
  const groups: number[] = [];
  // One group per token, but for the readings of an English post's word, which share one.
  const add = (added: readonly string[], weight: number, group?: number) => {
    for (const token of added) {
      groups.push(group ?? tokens.length);
      tokens.push(token);
      weights.push(weight);
    }
  };
  for (const word of words) {
    if (language !== undefined || rules === 'id') add(knownWordTokens(word, rules), 1);
    else {
      const group = tokens.length;
      add(knownWordTokens(word, 'en'), 1, group);
      add(knownWordTokens(word, 'id-beyond-en'), 1, group);
      add(knownWordTokens(word, 'glossary'), GLOSSARY_WEIGHT, group);
    }
  }
  return { tokens, weights, groups, language: rules };
}

/** weightedTokens without the weights. */
export function tokenize(raw: string, language?: Language): string[] {
  return weightedTokens(raw, language).tokens;
}

/**
 * How a word is tokenised: by one language's rules, or (a post read as English) the Indonesian
 * stems its English ones lack, or the glossary's Indonesian words for it that neither gives.
 */
type WordRules = Language | 'id-beyond-en' | 'glossary';

/** Words whose tokens were worked out before, per rules: posts repeat everyday words, and stemming is the cost. */
const tokensOfWord: Record<WordRules, Map<string, readonly string[]>> = {
  id: new Map(),
  en: new Map(),
  'id-beyond-en': new Map(),
  glossary: new Map(),
};
const MAX_REMEMBERED_WORDS = 50_000;

let glossary: Map<string, string[]> | undefined;

/** English stem → the Indonesian tokens of its glossary words; read on first use. */
function glossaryOf(): Map<string, string[]> {
  if (glossary) return glossary;
  glossary = new Map();
  for (const line of ENGLISH_TO_INDONESIAN.trim().split('\n')) {
    const [english = '', indonesian = ''] = line.split('=');
    const translated = indonesian.split(' ').flatMap((word) => wordTokens(word, 'id'));
    for (const word of english.split(' ')) {
      for (const token of wordTokens(word, 'en')) {
        const known = glossary.get(token) ?? [];
        glossary.set(token, [...new Set([...known, ...translated])]);
      }
    }
  }
  return glossary;
}

/** wordTokens, remembered per rules (each map emptied when full). */
function knownWordTokens(word: string, rules: WordRules): readonly string[] {
  const remembered = tokensOfWord[rules];
  let tokens = remembered.get(word);
  if (tokens === undefined) {
    if (rules === 'id-beyond-en') {
      const english = knownWordTokens(word, 'en');
      tokens = wordTokens(word, 'id').filter((token) => !english.includes(token));
    } else if (rules === 'glossary') {
      const own = [...knownWordTokens(word, 'en'), ...knownWordTokens(word, 'id-beyond-en')];
      const translated = knownWordTokens(word, 'en').flatMap((token) => glossaryOf().get(token) ?? []);
      tokens = [...new Set(translated)].filter((token) => !own.includes(token));
    } else {
      tokens = wordTokens(word, rules);
    }
    if (remembered.size >= MAX_REMEMBERED_WORDS) remembered.clear();
    remembered.set(word, tokens);
  }
  return tokens;
}
