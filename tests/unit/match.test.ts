import { LIKELY_THRESHOLD, MATCH_THRESHOLD } from '../../lib/core/verdict';
import { describe, expect, it } from 'vitest';
import type { ListItem } from '../../lib/lists/schema';
import { FITTED } from '../../lib/match/fitted';
import {
  createMatcher,
  decideAmong,
  decidedScore,
  explainPost,
  onCommonScale,
  thresholdsFor,
} from '../../lib/match/index';
import { postCues } from '../../lib/match/cues';
import type { IndexedList } from '../../lib/match/types';

/** Real TurnBackHoax claims (titles without the verdict prefix) plus a few look-alikes. */
const items: ListItem[] = [
  {
    id: 'tbh26-35352',
    claim: 'Gunung lawu bakal erupsi besar',
    rating: 'false',
    url: 'https://turnbackhoax.id/articles/35352-salah-gunung-lawu-bakal-erupsi-besar',
  },
  { id: 'tbh26-35329', claim: 'Bakal ada pemadaman listrik total di jawa dan bali', rating: 'false' },
  { id: 'vaksin-chip', claim: 'Vaksin Covid-19 mengandung microchip untuk melacak penduduk', rating: 'false' },
  { id: 'bansos-link', claim: 'Tautan pendaftaran bantuan sosial Kemensos Rp 600 ribu', rating: 'scam' },
  { id: 'gempa-prediksi', claim: 'BMKG memprediksi gempa besar melanda Jakarta minggu depan', rating: 'false' },
  {
    id: 'with-appearance',
    claim: 'Foto banjir bandang di Bogor hari ini',
    rating: 'altered',
    appearances: ['https://www.beritaheboh.example.com/foto-banjir-bogor'],
  },
];
const lists: IndexedList[] = [
  { listId: 'test', items, domains: [{ domain: 'hoax.co.id', rating: 'unreliable', note: 'Situs penyebar hoaks' }] },
];
const matcher = createMatcher(lists);
const text = (value: string) => matcher.match({ text: value, urls: [] });

describe('createMatcher', () => {
  it('counts its items', () => {
    expect(matcher.size).toBe(items.length);
  });

  it('finds a reworded, slangy Indonesian hoax post', () => {
    const result = text(
      'Gunung no 7 yg akan erupsi besar adalah gn Lawu, saat ini ada indikasi lava naik bgt!! waspada sekitar gn lawu. Copas dari grup sebelah',
    );
    expect(result.decision).toBe('hoax-match');
    expect(result.matches[0]?.item.id).toBe('tbh26-35352');
    expect(result.matches[0]?.via).toBe('text');
  });

  it('folds affixes and abbreviations: "pemadaman listrik total" in other words', () => {
    const result = text(
      'INFO PENTING!!! rencana pemadaman listrik TOTAL 3 hari di jawa dan bali, siapin lilin yaaa, sebarkan!',
    );
    expect(result.decision).toBe('hoax-match');
    expect(result.matches[0]?.item.id).toBe('tbh26-35329');
  });

  it('reaches an Indonesian claim from an English retelling through the glossary', () => {
    const result = text('Electricity blackout across Java for three days, get your candles ready');
    expect(result.matches[0]?.item.id).toBe('tbh26-35329');
  });

  it('answers none for an ordinary post', () => {
    for (const post of [
      'Selamat pagi semuanya, hari ini aku masak nasi goreng buat sarapan keluarga 😀',
      'Macet banget di tol cikampek, sabar ya guys #mudik',
      'Nonton bola bareng temen2, seru parah wkwkwk',
    ]) {
      expect(text(post).decision).toBe('none');
    }
  });

  it('does not flag a post that shares only a word or two with a claim', () => {
    const result = text('Liburan ke Bali minggu depan, ada yang mau ikut?');
    expect(result.decision).toBe('none');
  });

  it('matches an item url through an l.facebook.com wrapper with utm parameters', () => {
    const wrapped = `https://l.facebook.com/l.php?u=${encodeURIComponent(
      'http://beritaheboh.example.com/foto-banjir-bogor/?utm_source=facebook&utm_medium=social&fbclid=IwAR123',
    )}&h=AT3xyz`;
    const result = matcher.match({ text: 'lihat ini', urls: [wrapped] });
    expect(result.decision).toBe('hoax-match');
    expect(result.matches[0]).toMatchObject({ score: 1, via: 'url' });
    expect(result.matches[0]?.item.id).toBe('with-appearance');
  });

  it("never matches the fact-check's own url, only where the hoax appeared", () => {
    const debunk = matcher.match({
      text: '',
      urls: ['https://turnbackhoax.id/articles/35352-salah-gunung-lawu-bakal-erupsi-besar'],
    });
    expect(debunk.decision).toBe('none');
    expect(debunk.matches).toEqual([]);
    const appearance = matcher.match({ text: '', urls: ['https://beritaheboh.example.com/foto-banjir-bogor'] });
    expect(appearance.decision).toBe('hoax-match');
    expect(appearance.matches[0]).toMatchObject({ score: 1, via: 'url' });
    expect(appearance.matches[0]?.item.id).toBe('with-appearance');
  });

  it('matches a hoax domain by registrable domain, never by substring', () => {
    const onSubdomain = matcher.match({ text: '', urls: ['https://sub.hoax.co.id/berita/123'] });
    expect(onSubdomain.decision).toBe('hoax-match');
    expect(onSubdomain.matches[0]?.via).toBe('domain');
    for (const url of [
      'https://nothoax.co.id/berita',
      'https://hoax.co.id.example.com/x',
      'https://example.com/?u=hoax.co.id',
    ]) {
      expect(matcher.match({ text: '', urls: [url] }).decision).toBe('none');
    }
  });

  it('matches a link title against claims (via title)', () => {
    const result = matcher.match({
      text: '',
      urls: [],
      linkTitle: 'Vaksin Covid-19 mengandung microchip pelacak penduduk',
    });
    expect(result.matches[0]?.item.id).toBe('vaksin-chip');
    // The title is also part of the text query; the stronger of the two layers is reported.
    expect(['title', 'text']).toContain(result.matches[0]?.via);
  });

  it('scores within 0..1, best first, and honours top', () => {
    const result = matcher.match({ text: 'vaksin covid microchip gempa jakarta listrik bali', urls: [] }, { top: 2 });
    expect(result.matches.length).toBeLessThanOrEqual(2);
    for (const hit of result.matches) expect(hit.score).toBeGreaterThanOrEqual(0);
    for (const hit of result.matches) expect(hit.score).toBeLessThanOrEqual(1);
    const scores = result.matches.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(MATCH_THRESHOLD).toBeGreaterThan(0);
  });

  it('never throws on bad input', () => {
    const bad: unknown[] = [
      { text: '', urls: [] },
      { text: 'x'.repeat(1_000_000), urls: [] },
      { text: 'gunung lawu '.repeat(100_000), urls: [] },
      { text: '\ud800\udfff\ud800 lawu \udc00', urls: ['\ud800'] },
      { text: '\u0000\u0007\u202e\u200f gunung \u202d lawu', urls: ['javascript:alert(1)', '', '%%%', 'http://'] },
      { text: 42, urls: 'nope' },
      { text: null, urls: [null, 3] },
      {},
      null,
    ];
    for (const query of bad) {
      const result = matcher.match(query as never);
      expect(['hoax-match', 'none']).toContain(result.decision);
      expect(Array.isArray(result.matches)).toBe(true);
    }
    expect(createMatcher([]).match({ text: 'gunung lawu erupsi', urls: [] }).decision).toBe('none');
  });

  it("answers none for greetings and one-liners, even where an item's circulating text is one", () => {
    // Real items often carry only the caption of a hoax picture as their text.
    const greetings = createMatcher([
      {
        listId: 'greetings',
        items: [
          {
            id: 'caption-pagi',
            claim: 'Operator seluler sebut tokoh politik monyet',
            rating: 'false',
            text: 'Selamat pagi semua.. :)',
          },
          {
            id: 'caption-mantap',
            claim: 'Ketua partai minta presiden cari wakil baru',
            rating: 'false',
            text: 'Mantap... ganti terus',
          },
          {
            id: 'caption-kasih',
            claim: 'Lagu kebangsaan diganti pemerintah',
            rating: 'false',
            text: 'Terima kasih sudah dibuatkan lagu baru',
          },
          ...items,
        ],
      },
    ]);
    for (const post of [
      'Selamat pagi semua',
      'Selamat pagi',
      'Mantap',
      'Terima kasih banyak',
      'Amin 🙏',
      'Hoaks nih',
      'Cek fakta dulu',
    ]) {
      expect(greetings.match({ text: post, urls: [] }).decision, post).toBe('none');
    }
    // A short post that does repeat a claim (its names and what it says of them) still matches.
    const hoax = greetings.match({
      text: 'Vaksin covid mengandung microchip buat melacak penduduk, jangan mau divaksin!',
      urls: [],
    });
    expect(hoax.decision).toBe('hoax-match');
    expect(hoax.matches[0]?.item.id).toBe('vaksin-chip');
  });

  it("matches an item's exact claim to that item", () => {
    for (const item of items) {
      const result = text(item.claim);
      expect(result.decision, item.claim).toBe('hoax-match');
      expect(result.matches[0]?.item.id).toBe(item.id);
    }
  });

  it('never asks about a post made only of a condolence, though hoax headlines open with it', () => {
    const headlines = createMatcher([
      {
        listId: 'duka',
        items: [
          { id: 'duka-1', claim: 'Innalillahi wa inna ilaihi rajiun, Indra Bekti meninggal dunia', rating: 'false' },
          { id: 'duka-2', claim: 'Innalillahi, Mama Dedeh meninggal dunia', rating: 'false' },
        ],
        domains: [],
      },
    ]);
    expect(headlines.match({ text: 'Innalillahi wa inna ilaihi rajiun 😭', urls: [] })).toMatchObject({
      decision: 'none',
      matches: [],
    });
    const retold = headlines.match({ text: 'Innalillahi, Indra Bekti meninggal dunia kemarin', urls: [] });
    expect(retold.decision).not.toBe('none');
    expect(retold.matches[0]?.item.id).toBe('duka-1');
  });

  it('keeps an Indonesian item the glossary reaches well below the English claim an English post retells', () => {
    const mixed = createMatcher([
      {
        listId: 'mixed',
        items: [
          ...items,
          {
            id: 'kubrick',
            claim: 'Stanley Kubrick admitted in an interview that he helped NASA fake the U.S. moon landings.',
            rating: 'false',
            keywords: ['Did Stanley Kubrick Admit to Faking the Moon Landings?'],
            language: 'en',
          },
          {
            id: 'make-up',
            claim: 'Luka Warga Palestina Akibat Serangan Israel Ternyata Hasil Make Up',
            rating: 'false',
            text:
              'Video memperlihatkan warga Palestina sedang dirias agar terlihat seperti luka berdarah. They make ' +
              'fake blood, and paint wounds that are of course not real. Mereka membuat darah palsu, luka yang palsu.',
          },
        ],
        domains: [],
      },
    ]);
    const { matches } = mixed.match({
      text: 'Is that Kubrick interview real where he admits he faked the Apollo footage? It looks legit but idk',
      urls: [],
    });
    expect(matches[0]?.item.id).toBe('kubrick');
    const glossaryMatch = matches.find((hit) => hit.item.id === 'make-up')?.score ?? 0;
    expect(glossaryMatch).toBeLessThan(0.6 * matches[0]!.score);
  });

  it('weighs each of the first candidates as if it were the best, and decides on the strongest', () => {
    const plastic = createMatcher([
      {
        listId: 'plastic',
        items: [
          {
            id: 'sintetis',
            claim: 'Peredaran beras sintetis di Bukittinggi, warga alami radang tenggorokan',
            rating: 'false',
          },
          { id: 'pabrik', claim: 'Pabrik beras plastik', rating: 'false' },
          { id: 'video', claim: 'Video produksi beras plastik di China', rating: 'false' },
          { id: 'ikan', claim: 'Ikan plastik dari Afrika', rating: 'false' },
        ],
        domains: [],
      },
    ]);
    const { ranked, inputs } = explainPost(plastic, {
      text: 'Beras plastik beneran ada? Tetangga tenggorokan sakit habis makan nasi',
      urls: [],
    });
    expect(inputs).toHaveLength(3);
    inputs.forEach((input, at) => {
      // Each input describes its own candidate, with the strongest other candidate as its rival.
      expect(input.best).toBe(ranked[at]!.evidence);
      expect(input.bestScore).toBe(ranked[at]!.score);
      expect(input.secondScore).toBe(ranked[at === 0 ? 1 : 0]!.score);
    });
    const scores = inputs.map((input) => decidedScore(input));
    const decided = decideAmong(inputs);
    expect(decided.score).toBe(Math.max(...scores));
    expect(decided.input).toBe(inputs[scores.indexOf(decided.score)]);

    // Candidates of two regimes are compared as the prompt decides them, each by its own thresholds.
    const weakest = scores.indexOf(Math.min(...scores));
    const mixed = inputs.map((input, at) => ({ ...input, bestHasText: at === weakest }));
    const lenient = { likely: 1e-6, confident: 2e-6 };
    const strict = { likely: 0.999, confident: 0.9999 };
    const thresholds = { id: { withText: lenient, claimOnly: strict }, en: { withText: lenient, claimOnly: strict } };
    expect(decideAmong(mixed, undefined, thresholds).input).toBe(mixed[weakest]);
  });
});

describe('the fitted thresholds', () => {
  it('hold a post to its language pair and its regime, on one scale for every pair', () => {
    const english = postCues('They say the new vaccine has a microchip to track everyone, is that true?');
    const indonesian = postCues('Katanya vaksin baru ada microchipnya buat melacak penduduk, bener gak sih?');
    expect(english.english).toBe(true);
    expect(indonesian.english).toBe(false);
    expect(thresholdsFor({ cues: english, bestHasText: false })).toBe(FITTED.thresholds.en.claimOnly);
    expect(thresholdsFor({ cues: english, bestHasText: true })).toBe(FITTED.thresholds.en.withText);
    expect(thresholdsFor({ cues: indonesian, bestHasText: true })).toBe(FITTED.thresholds.id.withText);
    for (const language of ['id', 'en'] as const) {
      for (const regime of ['withText', 'claimOnly'] as const) {
        const pair = FITTED.thresholds[language][regime];
        expect(pair.likely).toBeLessThanOrEqual(pair.confident);
        // Each tier starts exactly at its fitted threshold (the two may coincide).
        expect(onCommonScale(pair.likely, pair)).toBeGreaterThanOrEqual(LIKELY_THRESHOLD);
        expect(onCommonScale(pair.likely - 1e-6, pair)).toBeLessThan(LIKELY_THRESHOLD);
        expect(onCommonScale(pair.confident, pair)).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
        expect(onCommonScale(pair.confident - 1e-6, pair)).toBeLessThan(MATCH_THRESHOLD);
      }
    }
  });
});
