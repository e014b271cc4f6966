import { describe, expect, it } from 'vitest';
import { languageOf, stemEnglish } from '../../lib/match/english';
import { cleanWords, GLOSSARY_WEIGHT, tokenize, weightedTokens } from '../../lib/match/normalize';

const cleanText = (raw: string) => cleanWords(raw).join(' ');

describe('languageOf', () => {
  it('reads English and Indonesian by their function words', () => {
    expect(languageOf('the president has set up an office of the former president'.split(' '))).toBe('en');
    expect(languageOf('presiden sudah membuka kantor yang baru di jakarta'.split(' '))).toBe('id');
  });
  it('takes a text without function words as Indonesian', () => {
    expect(languageOf(['vaksin', 'microchip'])).toBe('id');
    expect(languageOf([])).toBe('id');
  });
});

describe('stemEnglish', () => {
  it('brings plurals and verb forms together', () => {
    expect(new Set(['vaccines', 'vaccine'].map(stemEnglish)).size).toBe(1);
    expect(new Set(['claimed', 'claiming', 'claims', 'claim'].map(stemEnglish)).size).toBe(1);
    expect(new Set(['stories', 'story'].map(stemEnglish)).size).toBe(1);
    expect(new Set(['carried', 'carries', 'carry'].map(stemEnglish)).size).toBe(1);
    expect(stemEnglish('running')).toBe(stemEnglish('run'));
    expect(stemEnglish('giving')).toBe(stemEnglish('give'));
    expect(stemEnglish('darkness')).toBe(stemEnglish('dark'));
    expect(stemEnglish('pennsylvanians')).toBe(stemEnglish('pennsylvania'));
  });
  it('reads irregular forms and synonyms as one word', () => {
    expect(new Set(['died', 'dead', 'death', 'dies', 'die'].map(stemEnglish)).size).toBe(1);
    expect(new Set(['children', 'kids', 'child'].map(stemEnglish)).size).toBe(1);
    expect(new Set(['jab', 'vaccinated', 'vaccines'].map(stemEnglish)).size).toBe(1);
    expect(new Set(['altering', 'modified', 'change'].map(stemEnglish)).size).toBe(1);
    expect(new Set(['counterfeit', 'fake'].map(stemEnglish)).size).toBe(1);
    expect(stemEnglish('shot')).not.toBe(stemEnglish('vaccine'));
  });
  it('leaves short words, -ss/-us/-is words and non-letters alone', () => {
    for (const word of ['bus', 'gas', 'news', 'virus', 'crisis', 'glass', 'g20']) {
      expect(stemEnglish(word)).toBe(word === 'news' ? 'new' : word);
    }
  });
});

describe('tokenize, English and mixed', () => {
  it('stems an English post by English rules', () => {
    const post = 'NASA confirmed the vaccines are containing microchips';
    expect(tokenize(post, 'en')).toEqual(['nasa', 'confirm', 'vaccin', 'contain', 'microchip']);
    for (const token of tokenize(post, 'en')) expect(tokenize(post)).toContain(token);
  });
  it('adds the Indonesian stem of each word to a post read as English', () => {
    const tokens = tokenize('the government will be giving bantuan to everyone who is membagikan this');
    expect(tokens).toContain('bagi');
    expect(tokens).toContain('bantuan');
  });
  it("adds the glossary's Indonesian words to a post read as English, weighted less", () => {
    const { tokens, weights } = weightedTokens('the plastic rice is sold in the market');
    expect(tokens).toEqual(expect.arrayContaining(['plastic', 'beras', 'plastik', 'pasar']));
    expect(weights[tokens.indexOf('plastic')]).toBe(1);
    expect(weights[tokens.indexOf('beras')]).toBe(GLOSSARY_WEIGHT);
    expect(GLOSSARY_WEIGHT).toBeLessThan(1);
    expect(tokenize('beras plastik dijual di pasar')).toEqual(['beras', 'plastik', 'jual', 'pasar']);
  });
  it("groups an English word's readings as one word of the post, and each Indonesian token apart", () => {
    const english = weightedTokens('the plastic rice is sold in the market');
    const group = (word: string) => english.groups[english.tokens.indexOf(word)];
    expect(english.language).toBe('en');
    expect(group('beras')).toBe(group('rice'));
    expect(group('plastik')).toBe(group('plastic'));
    expect(group('rice')).not.toBe(group('plastic'));
    const indonesian = weightedTokens('pemda jabar bagikan beras');
    expect(indonesian.language).toBe('id');
    expect(new Set(indonesian.groups).size).toBe(indonesian.tokens.length);
  });
  it('uses the language it is told', () => {
    expect(tokenize('dibagikan', 'id')).toEqual(['bagi']);
    expect(tokenize('shared', 'en')).toEqual(['shar']);
  });
});

describe('numbers and amounts', () => {
  it('writes amounts as plain digits whichever way they are written', () => {
    for (const amount of ['600.000', '600,000', '600 ribu', '600rb'])
      expect(tokenize(`bansos ${amount}`)).toEqual(['bansos', '600000']);
    for (const amount of ['Rp600.000', 'Rp 600.000', 'rp. 600,000'])
      expect(tokenize(`bansos ${amount}`)).toEqual(['bansos', 'rp', '600000']);
    expect(tokenize('1,5 juta dosis')).toEqual(['1500000', 'dosis']);
    expect(tokenize('$1 million')).toEqual(['1000000']);
  });
  it('keeps years and dates as numbers', () => {
    expect(tokenize('gempa 2026')).toEqual(['gempa', '2026']);
    expect(tokenize('20.10.2020')).toEqual(['20', '10', '2020']);
  });
});

describe('disguised and linked words', () => {
  it('reads digits written for letters inside words', () => {
    expect(tokenize('PR4BOWO G4NTI')).toEqual(tokenize('Prabowo ganti'));
    expect(tokenize('covid19 2026')).toEqual(['covid19', '2026']);
  });
  it('keeps a link slug as words and drops its host, ids and parameters', () => {
    expect(cleanText('lihat https://www.kompas.com/read/2026/01/02/123/vaksin-mengandung-chip?utm_source=x')).toBe(
      'lihat vaksin mengandung chip',
    );
    expect(cleanText('pic.twitter.com/DSqwDCklcp wow')).toBe('wow');
  });
  it('separates words at typographic quotes and dashes', () => {
    expect(cleanText('“Vaksin”—berbahaya…')).toBe('vaksin berbahaya');
  });
});
