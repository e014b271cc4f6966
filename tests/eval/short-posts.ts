/**
 * Short ordinary posts for the false-prompt check: greetings, thanks and
 * one-liners are what people share most, and a prompt on them is pure noise.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Common one-liners, written for this check (not taken from the list data). */
export const ONE_LINERS: readonly string[] = [
  'Selamat pagi', 'Selamat pagi semua', 'Selamat siang', 'Selamat sore semuanya', 'Selamat malam',
  'Selamat tidur', 'Selamat beristirahat', 'Pagi semua', 'Met pagi', 'Good morning', 'Good morning everyone',
  'Good night', 'Have a nice day', 'Hello world', 'Halo semua', 'Apa kabar?', 'Assalamualaikum',
  'Assalamualaikum warahmatullahi wabarakatuh', 'Waalaikumsalam', 'Terima kasih', 'Terima kasih banyak',
  'Makasih ya', 'Makasih banyak semuanya', 'Thank you', 'Thanks a lot', 'Sama-sama', 'Selamat ulang tahun',
  'Selamat ulang tahun ya, semoga panjang umur', 'Happy birthday!', 'Selamat ya!', 'Selamat atas pernikahannya',
  'Selamat atas kelulusannya', 'Selamat menempuh hidup baru', 'Congratulations!', 'Congrats bro',
  'Selamat hari raya Idul Fitri, mohon maaf lahir dan batin', 'Minal aidin wal faizin', 'Selamat Natal',
  'Selamat tahun baru', 'Happy new year', 'Selamat hari ibu', 'Selamat berbuka puasa', 'Selamat menunaikan ibadah puasa',
  'Amin', 'Aamiin ya rabbal alamin', 'Semoga sehat selalu', 'Semoga lekas sembuh', 'Cepat sembuh ya',
  'Semoga diberi kesabaran', 'Turut berduka cita', 'Innalillahi wa inna ilaihi rajiun', 'Alhamdulillah',
  'Masya Allah', 'Subhanallah', 'Insya Allah', 'Bismillah', 'Astaghfirullah', 'Ya Allah lindungilah kami',
  'Doakan ya', 'Mantap', 'Mantap jiwa', 'Keren banget', 'Luar biasa', 'Setuju', 'Sepakat', 'Betul sekali',
  'Nah ini', 'Wkwkwk', 'Hahaha lucu banget', 'Lucu', 'Sedih banget', 'Sabar ya', 'Semangat!', 'Semangat pagi!',
  'Tetap semangat', 'Jaga kesehatan ya', 'Hati-hati di jalan', 'Otw', 'Lagi di jalan', 'Macet lagi',
  'Hujan deras', 'Panas banget hari ini', 'Lapar', 'Makan dulu', 'Ngopi dulu', 'Libur telah tiba',
  'Cek fakta dulu', 'Cek fakta dulu sebelum share', 'Hoaks nih', 'Ini hoaks', 'Hoax!', 'Awas hoaks',
  'Jangan percaya hoaks', 'Saring sebelum sharing', 'Benarkah?', 'Serius?', 'Masa sih?', 'Beneran nih?',
  'Sumbernya mana?', 'Share ya', 'Baca sampai habis', 'Wow', 'OMG', 'LOL', 'Nice', 'Ok', 'Siap', 'Noted',
  'Follow back', 'Cantik sekali', 'Indahnya', 'Rindu kampung halaman', 'I love you', 'Miss you', 'See you',
  '🙏🙏🙏', '😂😂', '❤️', '👍', 'Mantul 👍', 'Selamat pagi ☀️', 'Amin 🙏', 'Terima kasih 🙏',
];

/** The first sentence of a post, or the whole post when it has no sentence end. */
export function firstSentence(text: string): string {
  return text.split(/(?<=[.!?])\s+|\n/)[0]?.trim() ?? '';
}

/** Longer first sentences are ordinary posts, which the tweets check already covers. */
const MAX_SHORT_WORDS = 12;

/**
 * Short posts from ordinary tweets: each tweet's first sentence when short, and
 * its first 2–6 words (the count cycling over tweets, so every length is tried).
 */
export function shortPostsFrom(texts: readonly string[]): string[] {
  const posts: string[] = [];
  texts.forEach((text, at) => {
    const words = text.replace(/\[(?:username|url)\]/gi, ' ').trim().split(/\s+/);
    const sentence = firstSentence(text);
    if (sentence.split(/\s+/).length <= MAX_SHORT_WORDS) posts.push(sentence);
    posts.push(words.slice(0, 2 + (at % 5)).join(' '));
  });
  return posts.filter((post) => post.length > 0);
}

/** How many consecutive tweets make one long post: a few messages forwarded together, or a long chatty post. */
const LONG_POST_TWEETS = [3, 8];

/**
 * Long ordinary posts: runs of consecutive tweets joined, a run of each length
 * starting at every other tweet. A long post shares words with many claims by
 * chance; the matcher must not take length for evidence.
 */
export function longPostsFrom(texts: readonly string[]): string[] {
  const posts: string[] = [];
  for (const length of LONG_POST_TWEETS) {
    for (let at = 0; at + length <= texts.length; at += 2) posts.push(texts.slice(at, at + length).join('\n'));
  }
  return posts;
}

/**
 * Everyday English posts (tests/eval/en-everyday.txt, one a line, written for this project): the
 * ordinary tweets are Indonesian, and without these the decision model never sees an English post
 * that is about nothing it knows. Even-numbered lines are fitted on, odd-numbered ones reported.
 */
export function englishEverydayPosts(): string[] {
  return readFileSync(fileURLToPath(new URL('./en-everyday.txt', import.meta.url)), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}
