import { describe, expect, it } from 'vitest';
import { onlyStockFormulas, postCues, STANCE_CLASSES } from '../../lib/match/cues';
import { DEBUNK_FEATURES, DECISION_FEATURES, debunkProbability } from '../../lib/match/claim-model';
import { FITTED } from '../../lib/match/fitted';

describe('postCues', () => {
  it('reads a shared debunk: verdict words, a verdict first, a fact-checker label', () => {
    const cues = postCues('HOAKS! Faktanya garam dapur tidak mengandung serpihan kaca, sudah dicek BPOM.');
    expect(cues.debunk).toBeGreaterThanOrEqual(2);
    expect(cues.debunkFirst).toBe(true);
    expect(cues.question).toBe(false);
    expect(postCues('[SALAH] Garam Dapur Mengandung Serpihan Kaca').verdictLabel).toBe(true);
    expect(postCues('Link bansos itu PALSU, jangan diisi').verdictLabel).toBe(true);
    expect(postCues('Fact check: the claim that 5G spreads covid is false.').debunk).toBeGreaterThan(0);
  });

  it('reads stance in English contractions and Indonesian claims about a cause, not only verdict words', () => {
    expect(postCues("The viral photo doesn't show fraud, and it isn't true that the ballots were dumped.").debunk).toBe(
      2,
    );
    expect(postCues("Bananas won't kill you if you eat six.").debunk).toBe(1);
    expect(postCues('Polio bukan disebabkan racun, tapi virus.').debunk).toBe(1);
    expect(postCues('Itu video lama, dipastikan tidak terjadi di sini.').debunk).toBe(2);
    expect(postCues('That never happened, the clip is old footage.').debunk).toBe(2);
    expect(postCues("Six bananas a day will kill you, doctors don't want you to know").debunk).toBe(0);
  });

  it('reads each stance class in written and texting forms, and not in a claim that only uses its words', () => {
    const examples: Record<keyof typeof STANCE_CLASSES, { stance: string[]; claim: string[] }> = {
      verdict: {
        stance: [
          'wkwk itu mah editan',
          'This was debunked years ago',
          'Hati-hati, ada pesan berantai palsu soal bansos',
          'omongan pejabat asbun',
          'pure pseudoscience',
        ],
        claim: ['Video detik-detik tsunami Aceh', 'Beredar foto salah seorang tentara menangis'],
      },
      predicatedVerdict: {
        stance: [
          'Link itu palsu bun',
          'merupakan konten palsu',
          'Itu pesan berantai palsu',
          "that's fake af",
          'Bohong! BPJS ga bagi duit',
          'cuma pesan berantai, jgn panik',
          "It's just another chain letter",
          'the link is phishing',
          'Myth: cold water causes cancer',
          'QAnon nonsense.',
        ],
        claim: [
          'Awas beras palsu dari China beredar di pasar',
          'Ini pesan berantai dari grup RT, sebarkan',
          'A chain message says NASA confirmed it',
          'Nonsense aside, the vaccine has a chip',
        ],
      },
      negatedTruth: {
        stance: [
          'Nggak bener itu, udah dicek',
          'Tidak ditemukan informasi kredibel',
          'this is not real',
          'Belum ada penelitian yang membuktikan itu',
          'Ditanya ke kelurahan, nggak ada tuh pendaftaran lewat WA',
          'Gelombang panas? BMKG bilang bukan.',
          'dokter gizi bilang nggak begitu',
          "that's not how vaccines work",
          'no science behind it',
        ],
        claim: [
          'Bener gak sih garam ada kacanya?',
          'Kata tetangga nggak bisa nyoblos kalau belum cek DPT',
          'Nggak ada yang mau ngaku, sebarkan',
          'Vaccines work by changing your DNA, no science can stop it',
        ],
      },
      negatedAct: {
        stance: [
          'Gubernur tidak pernah menyampaikan rencana itu',
          'Mana ada bansos lewat WA',
          "He didn't say that",
          'Tom Hanks was not arrested in Australia',
          'Video banjir itu kejadian 2016, bukan hari ini',
        ],
        claim: [
          'Sembako kena pajak, belum pernah terjadi sebelumnya',
          'Media tidak pernah memberitakan ini, sebarkan',
          'This was never on the news',
          "Mars will be as large as the moon, won't happen again for 60,000 years",
          'Saya bukan antivaksin, tapi coba pikir',
          'Melania was not invited to the gathering',
          'Ini video banjir Jakarta 2020',
        ],
      },
      answeredNo: {
        stance: ['Air es bikin kanker? Tidak.', 'Garam ada kacanya? Hoaks.', 'Nope, Mars will look like a dot.'],
        claim: ['Tidak nyangka BMKG bilang gitu', 'Garam ada kacanya? hoaks gak sih'],
      },
      recurring: {
        stance: [
          'Pesan ini beredar sejak 2016',
          'has been around since 2003',
          'Itu isu basi, tiap tahun muncul',
          'Hoaks yang didaur ulang',
          'Video lama diunggah ulang dengan narasi baru',
          'That shark photo pops up after every hurricane',
        ],
        claim: ['Gempa besar sejak kemarin', 'Video ini diunggah ulang dari grup sebelah', 'It pops up on your phone'],
      },
      correction: {
        stance: [
          'Faktanya vaksin aman',
          'udah dibantah Kemenkes',
          'Isu itu sudah dijawab BPOM',
          'Foto tsunami itu adegan film',
          'Videonya diambil dari game',
          'The truth is the clip is old',
          "It's a scene from a movie",
        ],
        claim: [
          'Vaksin berbahaya, sebarkan',
          'Sudah diuji di laboratorium Jepang, terbukti',
          'Slogan dari game karya Bill Gates',
        ],
      },
      dissuasion: {
        stance: [
          'Jgn percaya ya bun',
          'gausah disebar',
          'Jangan kepancing',
          'Tolong hapus postingannya',
          "Don't fall for it",
        ],
        claim: ['Cek dulu garam di dapur kalian', 'Tolong jangan dihapus, sebarkan'],
      },
      scamNamed: {
        stance: ['Itu link phishing', 'laman tak resmi', 'Pesannya nyatut nama kementerian', 'classic like-farming'],
        claim: ['Daftar bansos di link ini', 'Waspada terhadap penipuan! Hadiah dikirim gratis, klik di sini'],
      },
      label: {
        stance: [
          '[SALAH] Garam dapur mengandung kaca',
          '[KELIRU] Vaksin mengandung babi',
          '[Missing context] Biden quote',
        ],
        claim: ['Garam dapur mengandung kaca'],
      },
    };
    for (const [name, { stance, claim }] of Object.entries(examples)) {
      const pattern = new RegExp(STANCE_CLASSES[name as keyof typeof STANCE_CLASSES]);
      for (const text of stance) expect(pattern.test(text.toLowerCase()), `${name}: ${text}`).toBe(true);
      for (const text of claim) expect(pattern.test(text.toLowerCase()), `${name}: ${text}`).toBe(false);
    }
  });

  it('reads a verdict asked, feared or guarded against as a question, not a debunk', () => {
    for (const post of [
      'Anak disuruh minum jus daun pepaya mentah, bener bisa nyembuhin atau cuma mitos?',
      'Hujan pasir itu beneran kejadian atau video lama? Serem',
      'Motor 600rb yg dipromosiin di fb itu penipuan kan? Mertua udah transfer DP',
      'Is this a scam? My mom got the text too',
      'Apakah ini benar terjadi? Mohon dijelaskan supaya tidak jadi fitnah.',
    ]) {
      const cues = postCues(post);
      expect(cues.debunk, post).toBe(0);
      expect(cues.question, post).toBe(true);
    }
    expect(postCues('Dana BPJS 125 juta, banyak yg share linknya, takut penipuan').debunk).toBe(0);
    // Said, not asked: still a debunk.
    expect(postCues('Bisa nyembuhin DBD? Itu cuma mitos.').debunk).toBeGreaterThan(0);
    expect(postCues('Motor 600rb di fb itu penipuan, jangan transfer').debunk).toBeGreaterThan(0);
  });

  it('does not read a question its writer answers as a question', () => {
    expect(postCues('Minum air es bikin kanker? Salah. Tidak ada bukti ilmiahnya.').question).toBe(false);
    expect(postCues('Minum air es bikin kanker? bener gak?').question).toBe(true);
  });

  it('reads an official or anti-scam notice, and the language a post is in', () => {
    expect(
      postCues('Cek status penerima bansos hanya melalui cekbansos.kemensos.go.id. Kemensos tidak pernah meminta data.')
        .notice,
    ).toBe(true);
    expect(postCues('Our bank will never ask for your PIN, only use the official website.').notice).toBe(true);
    expect(postCues('Bansos cair lagi bun, daftar di link ini sebelum ditutup!').notice).toBe(false);
    expect(postCues('The Pope just endorsed Trump, can you believe it').english).toBe(true);
    expect(postCues('Paus sudah mendukung Trump, ini beritanya').english).toBe(false);
  });

  it('keeps a question a question, even when it names a hoax', () => {
    const cues = postCues('Garam ada serpihan kacanya, hoaks gak sih? bener gak?');
    expect(cues.question).toBe(true);
    expect(cues.debunk).toBe(0);
    expect(postCues('Garam ada serpihan kacanya? HOAKS. Faktanya garam aman.').question).toBe(false);
    expect(postCues('Is it true that bananas cure cancer').question).toBe(true);
  });

  it('reads vouching ("bukan hoax!") and pass-it-on wording as a chain message, not a debunk', () => {
    const cues = postCues('INI BUKAN HOAX!! Info dari grup sebelah, sebarkan ke keluarga');
    expect(cues.debunk).toBe(0);
    expect(cues.verdictLabel).toBe(false);
    expect(cues.chain).toBe(true);
    // The disclaimer before the alarm, and the hoax's vindication, are the chain message's too.
    for (const post of [
      'Vaksin merusak imun. Saya share supaya kita waspada, bukan untuk menakut-nakuti.',
      'Pfizer akhirnya ngaku, nah kan, dulu kita dibilang hoaks sama yg pro vaksin',
      'They called it a conspiracy theory, now the CDC admits it',
    ]) {
      expect(postCues(post), post).toMatchObject({ debunk: 0, chain: true });
    }
    expect(postCues('Itu hoaks, sudah dibantah Kominfo').chain).toBe(false);
  });

  it('finds links to and names of fact-check pages', () => {
    expect(postCues('baca ini', ['https://turnbackhoax.id/articles/1658-salah-garam']).factCheckLink).toBe(true);
    expect(postCues('baca ini', ['https://www.kompas.com/cekfakta/read/2024/01/01/x']).factCheckLink).toBe(true);
    expect(postCues('sudah ada di turnbackhoax ya').factCheckLink).toBe(true);
    expect(postCues('baca ini', ['https://news.example/garam-dapur']).factCheckLink).toBe(false);
    expect(postCues('baca ini https://turnbackhoax.id/articles/1658-salah-garam').factCheckLink).toBe(true);
  });

  it('reads no cue from the words of a link: a hoax site named "hoaks" shares no debunk', () => {
    const cues = postCues('Gunung Lawu akan erupsi besar, waspada. https://hoaks.example/lawu-erupsi?ref=hoax-alert');
    expect(cues).toMatchObject({ debunk: 0, debunkFirst: false, verdictLabel: false, factCheckLink: false });
    expect(cues.words).toBe(6);
  });

  it('reads nothing from an ordinary post, and survives anything', () => {
    expect(postCues('Selamat pagi semua, semoga sehat selalu')).toMatchObject({
      debunk: 0,
      question: false,
      chain: false,
      factCheckLink: false,
    });
    expect(() => postCues(undefined as unknown as string, ['::not a url', 42 as unknown as string])).not.toThrow();
    expect(postCues('x'.repeat(1_000_000)).words).toBe(1);
  });
});

describe('the fitted weights', () => {
  it('name the features the code computes, in order', () => {
    expect(FITTED.decisionFeatures).toEqual(DECISION_FEATURES.map(([name]) => name));
    expect(FITTED.decisionWeights.withText).toHaveLength(DECISION_FEATURES.length + 1);
    expect(FITTED.decisionWeights.claimOnly).toHaveLength(DECISION_FEATURES.length + 1);
    expect(FITTED.debunkFeatures).toEqual(DEBUNK_FEATURES.map(([name]) => name));
    expect(FITTED.debunkWeights).toHaveLength(DEBUNK_FEATURES.length + 1);
  });

  it('read a stated debunk as likelier a debunk than a question about the claim', () => {
    const stated = debunkProbability(
      postCues('HOAKS! Vaksin tidak mengandung microchip. Faktanya sudah dibantah Kemenkes.'),
    );
    const asked = debunkProbability(postCues('Vaksin ada microchipnya? ini hoaks bukan sih?'));
    expect(stated).toBeGreaterThan(0.5);
    expect(asked).toBeLessThan(stated);
    expect(debunkProbability(postCues('Vaksin mengandung microchip, sebarkan!'))).toBe(0);
  });
});

describe('onlyStockFormulas', () => {
  it('knows a post made only of condolences, greetings, prayers or thanks, however spelt', () => {
    for (const post of [
      'Innalillahi wa inna ilaihi rajiun',
      'Innalilahi wainnailaihi rojiun 😭',
      'Turut berduka cita sedalam-dalamnya',
      'Assalamualaikum warahmatullahi wabarakatuh',
      'Selamat pagi semua ☀️',
      'Aamiin ya rabbal alamin 🙏',
      'Semoga lekas sembuh ya',
      'Terima kasih banyak',
      'Rest in peace',
    ]) {
      expect(onlyStockFormulas(post), post).toBe(true);
    }
  });

  it('does not take a claim for a formula because it opens with one', () => {
    for (const post of [
      'Innalillahi, Indra Bekti meninggal dunia',
      'Selamat pagi, bansos cair hari ini, daftar di link ini',
      'RIP Morgan Freeman',
      'Amin, semoga vaksinnya tidak ada chipnya',
      '🙏🙏🙏',
      '',
    ]) {
      expect(onlyStockFormulas(post), post).toBe(false);
    }
  });
});
