import { describe, expect, it } from 'vitest';
import { cleanWords, stem, tokenize } from '../../lib/match/normalize';

const cleanText = (raw: string) => cleanWords(raw).join(' ');

describe('cleanWords', () => {
  it('lower-cases and strips urls, emoji and direction marks', () => {
    expect(cleanText('CEK https://t.co/abc ini 😀\u202e\u200f BENAR')).toBe('cek ini benar');
  });
  it('reads a mention as the words of its handle: who a post names is often what it is about', () => {
    expect(cleanText('@budi_123 boikot @SixFlags, kata @KPU_ID')).toBe('budi 123 boikot six flags kata kpu id');
  });
  it('splits hashtags and collapses repeated letters', () => {
    expect(cleanText('#TolakVaksinPaksa bangettt')).toBe('tolak vaksin paksa banget');
  });
  it('drops chain-message boilerplate', () => {
    expect(cleanText('Copas dari grup sebelah. Mohon disebarkan! Diteruskan berkali-kali')).toBe('');
  });
  it('caps very long input and survives lone surrogates', () => {
    expect(cleanText('a '.repeat(1_000_000)).length).toBeLessThanOrEqual(10_000);
    expect(cleanText('\ud800abc\udc00')).toBe('abc');
  });
});

describe('cleanText fast paths', () => {
  it('treats plain ASCII and text with non-ASCII letters alike', () => {
    expect(cleanText('ANAK2 sekolah bangettt 2024')).toBe('anak sekolah banget 2024');
    expect(cleanText('ANAK2 sekolah bangettt 2024 café')).toBe('anak sekolah banget 2024 cafe');
    expect(cleanText('ANAK2 sekolah bangettt 2024 кот2')).toBe('anak sekolah banget 2024 кот');
    expect(cleanText('ab2 12ab2 ab22 “kutip” a2')).toBe('ab 12ab ab22 kutip a2');
  });
});

describe('tokenize', () => {
  it('never looks slang up on Object.prototype', () => {
    expect(tokenize('halo constructor toString')).toEqual(['halo', 'constructor', 'tostring']);
  });
  it('folds slang and drops stopwords and laughter', () => {
    expect(tokenize('yg gak tau wkwkwk utk org2 dgn hp')).toEqual(['tidak', 'tahu', 'orang', 'ponsel']);
  });
  it('brings inflected forms to one stem', () => {
    expect(new Set(tokenize('dibakar membakar terbakar'))).toEqual(new Set(['bakar']));
    expect(new Set(tokenize('menyebarkan disebarkan'))).toEqual(new Set(['sebar']));
    expect(new Set(tokenize('penipuan menipu'))).toEqual(new Set(['tipu']));
  });
});

describe('stem', () => {
  it('is conservative with short words and roots', () => {
    for (const word of ['bali', 'jawa', 'makan', 'bulan', 'korban', 'covid']) expect(stem(word)).toBe(word);
  });
  it('takes off the ke-…-an confix whole, and ke- never alone', () => {
    expect(stem('kebijakan')).toBe('bijak');
    expect(stem('kesehatannya')).toBe('sehat');
    expect(new Set(tokenize('kebakaran dibakar'))).toEqual(new Set(['bakar']));
    for (const word of ['kereta', 'keluarga', 'keadaan']) expect(stem(word)).not.toBe(word.slice(2));
  });
});
