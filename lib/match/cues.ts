/**
 * What a post says about itself, whatever claim it carries: whether it calls something a hoax
 * (sharing the debunk), asks whether something is true (about to pass it on, unsure), or urges
 * passing it on (a chain message). The decision model weighs these beside the claim evidence; they
 * are read from the post's own words, in Indonesian and English, and never leave the device.
 */

import { languageOf } from './english';

export interface PostCues {
  /** Words in the post (up to CUE_TEXT_LENGTH characters): a stray verdict word in a long text says less. */
  words: number;
  /** Written in English (more English function words than Indonesian ones): the models were fitted mostly on Indonesian. */
  english: boolean;
  /** Debunk or verdict words: "hoaks", "faktanya", "cek fakta", "tidak benar", "debunked", "fact check" … */
  debunk: number;
  /** A debunk word in the post's opening ("HOAKS! …", "Cek fakta: …"): the post leads with the verdict. */
  debunkFirst: boolean;
  /** A fact-checker's bracketed verdict label ("[SALAH]", "[HOAKS]"), or a verdict in capitals ("PALSU"). */
  verdictLabel: boolean;
  /** Asks whether it is true: "bener gak sih?", "benarkah", "is it true?" … */
  question: boolean;
  /** Urges passing it on, or vouches for it: "sebarkan!", "info dari grup sebelah", "bukan hoax", "please share" … */
  chain: boolean;
  /** Passes on hearsay or alarm: "katanya", "beredar", "viral", "awas", "hati-hati", "apparently", "I heard" … */
  hearsay: boolean;
  /** Reads as a report: "mengumumkan", "menurut data", "siaran pers", "pukul 10.00 WIB", "according to", "announced" … */
  report: boolean;
  /**
   * Reads as an official or anti-scam notice: "hanya melalui", "tidak pernah meminta", "tidak dipungut biaya",
   * "waspada penipuan", "situs resmi", "only through", "never ask", "official website" …
   */
  notice: boolean;
  /** Names a year or a full date ("2024", "17 Agustus 2022", "3–6 September"): news and notices date themselves, rumours rarely do. */
  dated: boolean;
  /** Laughs or winks ("wkwk", "haha", "lol", "😂"): jokes and satire on a hoax's topic. */
  laughing: boolean;
  /** Alarm in the writing itself: "!!", a word in capitals, alarmed emoji (😱🙏⚠️). */
  alarmed: boolean;
  /** Links to, or names, a fact-check page or publisher (turnbackhoax.id, cekfakta, snopes.com, a /cek-fakta/ path …). */
  factCheckLink: boolean;
}

/** Vouching that a message is not a hoax is what chain messages do; it is no debunk. */
const VOUCHING =
  /\b(?:(?:ini|itu)\s+)?(?:bukan|bkn|not\s+a|not|no)\s+(?:hoa(?:k|x)s?|hoaxx+|fake(?:\s+news)?|berita\s+bohong)\b/g;

/** Debunk and verdict words (counted; each occurrence). */
const DEBUNK = new RegExp(
  [
    // Indonesian verdict words and phrases.
    String.raw`\b(?:hoa(?:k|x)s?|hoaxx+|faktanya|fakta(?:\s+sebenarnya|\s+yang\s+benar)|cek\s*fakta|klarifikasi|diklarifikasi|disinformasi|misinformasi|menyesatkan|berita\s+bohong|kabar\s+bohong|dibantah|membantah|bantahan|jangan\s+(?:mudah\s+)?percaya|jangan\s+termakan|jangan\s+panik|lawan\s*hoa(?:k|x)s?|salah\s+konteks|konteksnya\s+salah|dipelintir|hasil\s+editan|editan|ngawur|keliru)\b`,
    // "… tidak benar", "belum terbukti", "tidak ada bukti(nya)", "tidak berdasar".
    String.raw`\b(?:tidak|tdk|gak|ga|nggak|bukan)\s+(?:benar|berdasar|fakta)\b|\b(?:tidak|belum|gak|nggak)\s+(?:pernah\s+)?terbukti\b|\b(?:tidak|tak|gak|nggak)\s+ada\s+(?:bukti|programnya|program\s+seperti\s+itu)\w*`,
    // "itu palsu", "adalah penipuan", "= penipuan": a verdict said of what circulates.
    String.raw`(?:\b(?:itu|ini|adalah|ternyata)|=)\s+(?:(?:sebenarnya|jelas|sudah|juga|cuma|hanya)\s+)?(?:palsu|penipuan|modus\s+penipuan|bohong|salah|trik|karangan|pesan\s+berantai\s+palsu)\b`,
    String.raw`\b(?:stop|berhenti|jangan)\s+(?:di)?(?:sebar|share|bagikan|framing)\w*`,
    String.raw`\bbukan\s+(?:dari|program|kejadian|rekaman|foto|video)\b|\b(?:sudah|telah)\s+(?:di)?(?:cek|jelaskan|bantah|luruskan|klarifikasi)\w*|\b(?:bantah|luruskan|fiktif|tiruan|salah\s+paham)\b`,
    // English.
    String.raw`\b(?:debunk(?:ed|s)?|fact[\s-]?check(?:ed|ers?)?|fake\s+news|false\s+claim|(?:is|was|are|were)\s+(?:false|fake|untrue|not\s+true|a\s+hoax|satire|doctored|edited|photoshopped|altered|old\s+footage)|out\s+of\s+context|misleading|misinformation|disinformation|no\s+evidence|there\s+is\s+no\s+(?:such|record|proof)|don'?t\s+believe|do\s+not\s+believe|(?:scam|hoax)\s+alert|scams?|phishing|like-farming|made\s+up|nonsense|(?:it|that|this)\s+(?:isn'?t|is\s+not|wasn'?t|was\s+not|doesn'?t|does\s+not|didn'?t)\s+(?:true|real|show|mean|what))\b`,
    // English stance in contractions and plain words: "isn't true", "doesn't show", "it's false", "not ballots", "PSA".
    String.raw`\b(?:isn'?t|aren'?t|wasn'?t|weren'?t|doesn'?t|don'?t|didn'?t|won'?t|can'?t|does\s+not|did\s+not|will\s+not|cannot)\s+(?:true|real|show|prove|mean|cause|kill|contain|work|exist|happen|the\s+same|what)\w*|\b(?:it'?s|that'?s|this\s+is|these\s+are|those\s+(?:are|were))\s+(?:false|fake|not\s+true|a\s+hoax|satire|old|a\s+scam)|\bnot\s+(?:true|real|genuine|authentic)\b|\bpsa\b|\bfalse\s*[:.!]`,
    // Indonesian stance said of a cause or a content: "bukan disebabkan", "tidak mengandung", "tidak menyebabkan".
    String.raw`\bbukan\s+(?:\S+\s+){1,4}(?:melainkan|tapi|tetapi|namun)\b|\bbukan\s+(?:disebabkan|karena|akibat)\b|\b(?:tidak|tak|gak|nggak)\s+(?:mengandung|menyebabkan|berbahaya|memicu)\b`,
    // Saying it never was: "never happened", "no such law", "hasn't been confirmed", "old footage"; "video lama", "tidak pernah ada/menerbitkan", "dipastikan tidak".
    String.raw`\b(?:never\s+happened|no\s+such\s+(?:thing|law|rule|program|plan|bill|policy)|(?:has|have|had)(?:n'?t|\s+not)\s+(?:been\s+)?(?:confirmed|approved|announced|happened|said)|(?:was|were)\s+never|nope|old\s+(?:photo|video|footage|picture|clip)s?)\b|\b(?:foto|video|gambar|rekaman)\s+lama\b|\bdipastikan\s+(?:tidak|bukan|hoaks)\b|\btidak\s+pernah\s+(?:ada|terjadi|mengeluarkan|menerbitkan|membuat|menyatakan|mengatakan)\b`,
    // A fact-checker's bracketed label.
    String.raw`\[\s*(?:salah|hoaks|hoax|disinformasi|misinformasi|penipuan|false|fake|misleading)\s*\]`,
  ].join('|'),
  'g',
);

/** A verdict shouted in capitals ("SALAH.", "PALSU", "PENIPUAN", "FAKE"): read on the text as written. */
const CAPITAL_VERDICT = /\b(?:SALAH|HOA[KX]S?|PALSU|PENIPUAN|BOHONG|FAKE|FALSE)\b/;

const VERDICT_LABEL = /\[\s*(?:salah|hoaks|hoax|disinformasi|misinformasi|penipuan|false|fake|misleading)\s*\]/;
/** Characters counted as a post's opening. */
const OPENING_LENGTH = 60;

const QUESTION =
  /\?|\b(?:bener\s*(?:gak|ga|nggak|ngga|engga|enggak|tidak|gk|g|nggk|kah|an)|benarkah|beneran(?:kah)?|apa\s+(?:benar|bener|iya|betul)|masa\s+sih|serius(?:an)?\s*\?|ada\s+yang\s+tahu|ada\s+yg\s+tau|is\s+(?:it|this|that)\s+(?:true|real)|anyone\s+know|can\s+someone\s+(?:confirm|verify)|true\s+or\s+(?:not|false))\b/;

const CHAIN =
  /\b(?:sebar(?:kan|in)|viral(?:kan|in)|teruskan|bagikan|share\s+ke|info\s+(?:dari|dr)\s+(?:grup|group|grp)|grup\s+sebelah|group\s+sebelah|copas|copy\s+paste|forwarded|please\s+share|pls\s+share|share\s+this|pass\s+(?:it|this)\s+on|spread\s+the\s+word|before\s+(?:it'?s|they)\s+delete)\b/;

const HEARSAY =
  /\b(?:katanya|kata\s+orang|kabarnya|konon|beredar|viral|rame|ramai\s+di|heboh|denger(?:-denger|2)?|dengar(?:-dengar|2)|ada\s+info|info\s+penting|awas|hati-hati|hati2|waspada|ngeri|merinding|breaking|urgent|apparently|i\s+heard|they\s+say|word\s+is|wake\s+up|share\s+before)\b|!!/;

const REPORT =
  /\b(?:mengumumkan|diumumkan|menyampaikan|menyatakan|dilansir|siaran\s+pers|keterangan\s+resmi|menurut\s+data|berdasarkan\s+data|tercatat|pukul\s+\d|wib\b|wita\b|wit\b|per\s+\d+\s+\w+\s+\d{4}|according\s+to|announced|confirmed|reported|press\s+release|officials?\s+said)\b/;

const NOTICE =
  /\b(?:hanya\s+(?:melalui|lewat|di|dari)|tidak\s+pernah\s+(?:meminta|memungut|mengirim|menghubungi)|tidak\s+dipungut|tanpa\s+dipungut|tidak\s+dikenakan\s+biaya|bebas\s+biaya|waspada(?:i)?\s+(?:penipuan|modus)|mengatasnamakan|(?:situs|akun|kanal|saluran|laman|website|nomor)\s+resmi|terverifikasi|only\s+(?:through|via|on)|never\s+(?:ask|call|send|request)s?|free\s+of\s+charge|official\s+(?:website|site|channels?|account)|beware\s+of\s+(?:scams?|fraud))\b/;

const DATED =
  /\b(?:19|20)\d\d\b|\b\d{1,2}(?:\s*[–-]\s*\d{1,2})?\s+(?:januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|jan|feb|mar|apr|jun|jul|agu|aug|sep|okt|oct|nov|des|dec|january|february|march|may|june|july|august|october|december)\b/;
const LAUGHING =
  /\b(?:wk(?:wk)+\w*|(?:ha){2,}\w*|(?:he){2,}|lol|lmao+|rofl|ngakak|canda|becanda|bercanda)\b|[😂🤣😆😅😜🤪]/u;
const ALARMED = /!!|[😱😭🙏⚠🚨‼❗]|\b[A-Z]{4,}\b/u;

/** Fact-check publishers and pages: by host, or a fact-check path on a news site. */
const FACT_CHECK_HOST =
  /(?:^|\.)(?:turnbackhoax\.id|cekfakta\.com|mafindo\.or\.id|komdigi\.go\.id|kominfo\.go\.id|snopes\.com|politifact\.com|factcheck\.org|fullfact\.org|leadstories\.com|checkyourfact\.com)$|^(?:cekfakta\.|factcheck\.)/;
const FACT_CHECK_PATH = /\/(?:cek-?fakta|cekfakta|fact-?check|hoaks|hoax)(?:[/-]|$)/;
/** A fact-check site named in the text without a link ("cek di turnbackhoax.id"). */
const FACT_CHECK_NAMED =
  /\b(?:turnbackhoax(?:\.id)?|cekfakta\.com|snopes(?:\.com)?|politifact|factcheck\.org|afp\s+fact\s+check)\b/;

function isFactCheckUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    const host = url.hostname.toLowerCase().replace(/^(?:www|m)\./, '');
    return FACT_CHECK_HOST.test(host) || FACT_CHECK_PATH.test(url.pathname.toLowerCase());
  } catch {
    return false;
  }
}

/** Text read for cues: a post's opening and close say what it does with a claim; 4,000 characters bound the work. */
const CUE_TEXT_LENGTH = 4_000;

/**
 * Links written in a post. Their words are no cue ("hoaks" in a hoax site's own address does not
 * make a debunk); only where a link points is (a fact-check page).
 */
const LINK_IN_TEXT = /\bhttps?:\/\/[^\s<>"]+|\bwww\.[^\s<>"]+/gi;

export function postCues(text: string, urls: readonly string[] = []): PostCues {
  const full = (typeof text === 'string' ? text : '').slice(0, CUE_TEXT_LENGTH);
  const linksWritten = full.match(LINK_IN_TEXT) ?? [];
  const written = full.replace(LINK_IN_TEXT, ' ');
  const lower = written.toLowerCase();
  const vouched = lower.replace(VOUCHING, ' ');
  const vouching = vouched !== lower;
  DEBUNK.lastIndex = 0;
  const first = DEBUNK.exec(vouched);
  return {
    words: written.split(/\s+/).filter(Boolean).length,
    english: languageOf(lower.split(/[^a-z']+/)) === 'en',
    debunk: vouched.match(DEBUNK)?.length ?? 0,
    debunkFirst: first !== null && first.index < OPENING_LENGTH,
    verdictLabel:
      VERDICT_LABEL.test(lower) ||
      CAPITAL_VERDICT.test(written.replace(/\b(?:BUKAN|BKN|NOT)\s+(?:HOA[KX]S?|FAKE)\b/g, ' ')),
    question: QUESTION.test(lower),
    chain: vouching || CHAIN.test(lower),
    hearsay: HEARSAY.test(lower),
    report: REPORT.test(lower),
    notice: NOTICE.test(lower),
    dated: DATED.test(lower),
    laughing: LAUGHING.test(lower),
    alarmed: ALARMED.test(written),
    factCheckLink:
      FACT_CHECK_NAMED.test(full.toLowerCase()) ||
      [...urls, ...linksWritten.map((link) => (/^www\./i.test(link) ? `https://${link}` : link))].some(
        (url) => typeof url === 'string' && isFactCheckUrl(url),
      ),
  };
}

/**
 * Stock formulas people post on their own: condolences, greetings, prayers, blessings, thanks,
 * congratulations. Alone they carry no claim, though hoax headlines borrow them ("Innalillahi, X
 * meninggal dunia"); a post that is nothing but these is never asked about. Spelling varies a lot
 * ("innalilahi wainnailaihi rojiun", "aamiin yra"), hence the loose patterns.
 */
const STOCK_FORMULAS: readonly string[] = [
  // Condolences.
  String.raw`inn?a\s*lill?ah?i(?:\s*wa\s*-?\s*inn?a\s*(?:lill?ah?i\s*|ilaih?i\s*)?r[ao]ji['’]?[u]n)?`,
  String.raw`(?:turut\s+)?(?:ber)?duka\s*(?:cita|cinta)?(?:\s+(?:yang\s+)?(?:sedalam-dalamnya|mendalam))?`,
  String.raw`rest\s+in\s+peace|rip|(?:my\s+)?(?:deepest\s+)?condolences|sorry\s+for\s+your\s+loss|selamat\s+jalan`,
  String.raw`semoga\s+(?:almarhum(?:ah)?\s+)?(?:husnul\s+kh?o?t(?:h)?imah|diterima\s+(?:di\s+sisi-?nya|amal\s+ibadahnya)|tenang\s+di\s+sisi-?nya|keluarga\s+yang\s+ditinggalkan\s+diberi\s+(?:kesabaran|ketabahan)|diampuni\s+dosa-?dosanya)`,
  // Greetings.
  String.raw`ass?alam[ua]?['’]?\s*[ae]l[ae]ikum(?:\s+warahmatullahi(?:\s+wabarakatuh)?)?|wa['’]?\s*[ae]l[ae]ikum\s*(?:us)?salam(?:\s+warahmatullahi(?:\s+wabarakatuh)?)?|salam`,
  String.raw`(?:selamat|slamat|met|good)\s+(?:pagi|siang|sore|malam|tidur|beristirahat|datang|morning|afternoon|evening|night)|pagi|siang|sore|malam`,
  String.raw`halo|hallo|hai|hi|hello|hey|apa\s+kabar|how\s+are\s+you|have\s+a\s+(?:nice|good|great)\s+(?:day|weekend)|see\s+you`,
  // Prayers and blessings.
  String.raw`a+m+i+n+(?:\s+ya\s+rabb?(?:al)?\s*['’]?al(?:a|aa)min|\s+yra)?|alhamdulill?ah|masya\s*allah|ma\s*sya\s*allah|subhanall?ah|insya\s*allah|insha\s*allah|bismillah|astaghfirullah|allahu\s+akbar|ya\s+allah|amen`,
  String.raw`semoga\s+(?:sehat\s+selalu|lekas\s+sembuh|cepat\s+sembuh|panjang\s+umur|diberi\s+(?:kesabaran|ketabahan|kesehatan|kelancaran)|berkah|sukses(?:\s+selalu)?|bahagia(?:\s+selalu)?|dimudahkan|lancar)|cepat\s+sembuh|get\s+well\s+soon|doakan|mohon\s+doanya`,
  // Thanks and congratulations.
  String.raw`terima\s*kasih|terimakasih|makasih|makasi|trims|thanks?(?:\s+you)?|thx|sama-sama|you'?re\s+welcome`,
  String.raw`selamat\s+(?:ulang\s+tahun|ultah|ya|atas\s+\w+|hari\s+raya(?:\s+idul\s+(?:fitri|adha))?|idul\s+(?:fitri|adha)|natal|tahun\s+baru|menempuh\s+hidup\s+baru)|mohon\s+maaf\s+lahir\s+(?:dan|&)\s+batin|minal\s+aidin\s+wal\s+faizin|happy\s+(?:birthday|new\s+year)|congrat(?:ulation)?s|selamat`,
  // Words that go with them.
  String.raw`semua(?:nya)?|ya|yaa|bro|sis|kak|bun|pak|bu|guys|everyone|all|banyak|sekali|juga|a\s+lot|so\s+much`,
];
const STOCK_FORMULA = new RegExp(`(?<![\\p{L}\\p{N}])(?:${STOCK_FORMULAS.join('|')})(?![\\p{L}\\p{N}])`, 'gu');

/** Whether a post is nothing but stock formulas (greetings, condolences, prayers, thanks), with emoji and punctuation. */
export function onlyStockFormulas(text: string): boolean {
  const lower = text.slice(0, CUE_TEXT_LENGTH).toLowerCase();
  if (!/[\p{L}\p{N}]/u.test(lower)) return false;
  return !/[\p{L}\p{N}]/u.test(lower.replace(STOCK_FORMULA, ' '));
}
