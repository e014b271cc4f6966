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
  /** Debunk or verdict words: "hoaks", "faktanya", "cek fakta", "tidak benar", "debunked", "fact check" … (not a verdict asked: "hoaks gak sih?"). */
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

/**
 * What chain messages say to be believed, which is no debunk (read as `chain`, not counted as stance):
 * vouching that it is not a hoax, an edit or a scam ("INI BUKAN HOAX!!", "not fake news"); the
 * disclaimer before the alarm ("bukan untuk menakut-nakuti", "not trying to scare you"); and the
 * hoax's own vindication, that it was once dismissed ("dulu dibilang hoaks", "they called it a
 * conspiracy theory").
 */
const VOUCHING = new RegExp(
  [
    String.raw`\b(?:(?:ini|itu)\s+)?(?:bukan|bkn|not\s+a|not|no)\s+(?:hoa(?:k|x)s?|hoaxx+|fake(?:\s+news)?|berita\s+bohong|bohong|palsu|editan|settingan|rekayasa|ai|mitos|penipuan|scam|satire|joke|prank|photoshopped|teori\s+konspirasi|conspiracy\s+theor(?:y|ies)|fearmongering|scaremongering)\b`,
    String.raw`\bbukan\s+(?:untuk|bermaksud|maksud(?:nya)?|mau|buat)\s+(?:menakut-nakuti|menakuti|nakut-nakutin|nakut2in|bikin\s+panik|memprovokasi|provokasi)\b|\bnot\s+(?:trying\s+)?to\s+(?:scare|frighten|alarm|panic)\b`,
    String.raw`\b(?:dulu|dulunya|sempat|pernah)\s+(?:\S+\s+){0,3}?(?:di)?(?:bilang|sebut|cap|tuduh|anggap|katain)\s+(?:\S+\s+){0,1}?(?:hoa(?:k|x)s?|bohong|mitos|teori\s+konspirasi|konspirasi)\b`,
    String.raw`\b(?:they|people|everyone|the\s+media|media|you)\s+(?:all\s+)?(?:called|said|told\s+us|claimed|laughed\s+and\s+said)\s+(?:it|this|that|me|us)\s+(?:was\s+|were\s+)?(?:(?:a|an|just|just\s+a)\s+)?(?:hoax|fake(?:\s+news)?|conspiracy\s+theory|conspiracy|myth|misinformation|lie|crazy)\b`,
  ].join('|'),
  'g',
);

/** Indonesian negators, with their spoken and texting forms. */
const NEG_ID = String.raw`(?:tidak|tdk|tak|gak|ga|gk|gx|nggak|ngga|nggk|ngak|enggak|engga|ndak|nda|kagak|kaga|kgk|bukan|bkn|belum|blm|blom)`;
/** "Already" in its written and texting forms: "udah dibantah", "sdh diklarifikasi". */
const ALREADY_ID = String.raw`(?:sudah|telah|udah|udh|dah|sdh|uda)`;
/** Words that only ever name something as false, fabricated or misleading. */
const VERDICT_WORDS_ID = String.raw`hoa(?:k|x)s?(?:nya)?|hoaxx+|(?:berita|kabar|info|informasi|konten|klaim|narasi|isu|pesan(?:\s+berantai)?|broadcast|postingan|unggahan|video|foto|gambar)\s+(?:yang\s+)?(?:bohong|palsu|keliru|salah(?!\s+(?:satu|seorang|sebuah|seekor))|menyesatkan)|disinformasi|misinformasi|malinformasi|menyesatkan|fitnah|isapan\s+jempol|omong\s+kosong|mengada-ada|ngada-ngada|cocoklogi|salah\s+kaprah|asal-asalan|ngibul|ngawur|ngaco|menakut-nakuti|nakut-nakutin|nakut2in|provokatif|asbun|asal\s+bunyi|dipelintir|diplintir|fiktif|tiruan|dimanipulasi|manipulatif|ralat|deepfake|(?:hasil\s+)?(?:editan|suntingan)|hasil\s+(?:rekayasa|manipulasi)|rekayasa\s+(?:ai|digital|foto|video)|(?:buatan|hasil|bikinan|pakai)\s+ai`;
const VERDICT_WORDS_EN = String.raw`debunk(?:ed|s|ing)?|hoax(?:es)?|fake\s+news|misinformation|disinformation|misleading|fabricated|satirical|out\s+of\s+context|misattributed|misquoted|miscaptioned|mislabell?ed|baseless|unfounded|untrue|bogus|doctored|photoshopped|deepfake|ai[\s-]generated|urban\s+legend|fearmongering|scaremongering|clickbait|pseudo-?science|quackery|hogwash|baloney|poppycock|false\s+(?:claims?|rumou?rs?|story|stories|reports?|information|alarm)`;
/** Words that name something false only when said of it ("itu palsu", "it's fake"), not as part of a claim ("beras palsu"). */
const PREDICATED_ID = String.raw`ai|mitos|palsu|bohong|boong|bhong|bohongan|dusta|salah|keliru|penipuan|tipuan|modus|prank|editan|rekayasa|karangan|ngarang|halu|hoa(?:k|x)s?`;
const PREDICATED_EN = String.raw`ai|a\s+myth|myth|fake|false|wrong|a\s+lie|lies|a\s+scam|scam|phishing|malware|a\s+joke|a\s+prank|a\s+parody|parody|nonsense|rubbish|bs|bullshit|cap|made\s+up|satire|edited|a\s+composite|old|unrelated`;

/** Verdicts a writer may ask about or fear, rather than state: the predicated ones, and a few more. */
const ASKABLE_VERDICTS = String.raw`${PREDICATED_ID}|${PREDICATED_EN}|settingan|fitnah|dipelintir|diplintir|dimanipulasi|disinformasi|(?:video|foto|berita)\s+lama|photoshopped|a\s+(?:hoax|fake)|misleading`;

/**
 * A verdict asked or feared, not stated (removed before stance is counted; the post still reads as a
 * question): offered as the other answer ("beneran atau cuma mitos?", "atau video lama?", "real or
 * fake?"), put with a question tag ("itu penipuan kan?", "hoaks gak sih?", "fake right?"), asked of
 * the post ("apa ini hoaks?", "is this a scam?"), feared ("takut penipuan", "jangan-jangan hoaks"), or
 * guarded against ("biar nggak jadi fitnah"). People who pass a claim on unsure write these; a debunk
 * states its verdict.
 */
const ASKED_VERDICT = new RegExp(
  [
    String.raw`\b(?:atau|ato|apa|apakah|or)\s+(?:(?:cuma|cuman|hanya|sekadar|sekedar|emang|memang|ini|itu|just|is\s+it|is\s+this|it'?s|another)\s+){0,2}(?:${ASKABLE_VERDICTS})\b(?=[^.!?\n]{0,30}\?)`,
    String.raw`\b(?:${ASKABLE_VERDICTS})(?:kah\b|(?:\s+(?:ya|yah|kan|bukan|bkn|gak|ga|nggak|ngga|enggak|sih|kah|dong|nih|tuh|ini|itu|right|or\s+not|or\s+real|or\s+what))+\s*\?)`,
    String.raw`\b(?:is|was|are|were)\s+(?:this|it|that|these|those)\s+(?:(?:just|all|another)\s+)?(?:${ASKABLE_VERDICTS})\b(?=[^.!?\n]{0,30}\?)`,
    String.raw`\b(?:takut(?:nya)?|khawatir|jangan-jangan|jangan2|jgn2|afraid|worried)\s+(?:(?:ini|itu|kena|ada|ketipu|it'?s|its|this\s+is|this'?s)\s+){0,2}(?:${ASKABLE_VERDICTS})\b`,
    String.raw`\b(?:supaya|biar|agar)\s+${NEG_ID}\s+(?:jadi|menjadi)\s+(?:fitnah|hoa(?:k|x)s?)\b`,
  ].join('|'),
  'g',
);

/** A question answered no, or answered with a verdict ("Garam ada kacanya? Hoaks.", "5G spreads covid? Fake!"). */
const ANSWERED_NO = String.raw`\?\s*(?:tidak|nggak|gak|enggak|ngga|bukan|salah|keliru|no|nope|nah|false|wrong)\b|\?\s*(?:hoa(?:k|x)s?|palsu|bohong|mitos|fake|myth)\s*(?:[.!,]|$)|(?:^|[.!?]\s*)(?:no|nope|nah|lol\s+no|tidak|nggak|gak|enggak|bukan)\s*[,.!]`;

/**
 * The stance vocabulary, by word class: each class is one way people refute, correct or warn
 * about what circulates, in Indonesian and English (written and texting forms). It was written
 * from how speakers refute, not grown from evaluation posts; tests/eval/README (stance) says how
 * it was checked on fact-checks' own conclusions against the hoax narratives they debunk.
 */
export const STANCE_CLASSES = {
  /** A verdict named outright: "hoaks", "disinformasi", "editan", "buatan AI"; "debunked", "misleading", "fabricated". */
  verdict: String.raw`\b(?:${VERDICT_WORDS_ID}|${VERDICT_WORDS_EN})\b`,
  /**
   * A verdict said of what circulates: after a demonstrative, copula or "already" ("itu palsu", "ini mah
   * editan", "merupakan konten palsu", "itu pesan berantai palsu", "udah jelas bohong"; "that's fake",
   * "this is false", "fake af", "the link is phishing"), or opening the post ("Bohong! …", "Fake.",
   * "Myth: …"); a chain message dismissed as only that ("cuma pesan berantai", "just another chain
   * letter"); nonsense with its kind named ("QAnon nonsense", "utter rubbish").
   */
  predicatedVerdict: [
    String.raw`(?:\b(?:itu|ini|tuh|mah|adalah|ialah|merupakan|ternyata|jelas|cuma|cuman|hanya|semuanya)|=)\s+(?:(?:sebenarnya|jelas|sudah|udah|juga|cuma|hanya|memang|emang|pasti|sih|konten|kabar|info|berita|informasi|video|foto|gambar|link|modus|yang|pesan|berantai|broadcast|postingan|unggahan|narasi|klaim|isu|tautan|surat|akun|situs|screenshot)\s+){0,2}(?:${PREDICATED_ID})\b`,
    String.raw`\b(?:it'?s|that'?s|this\s+is|these\s+are|those\s+(?:are|were)|(?:it|that|this|which|claim|story|photo|video|image|picture|post|quote|warning|message|email|letter|meme|screenshot|rumou?r|link|text|chain|clip|headline|article)s?\s+(?:is|was|are|were))\s+(?:(?:totally|completely|obviously|clearly|just|all|100%|pure|a|an|another)\s+)*(?:${PREDICATED_EN})\b`,
    String.raw`\b(?:fake|false|bs|cap)\s+(?:af|as\s+hell|asf)\b|\b(?:so|totally|completely|obviously)\s+(?:fake|false)\b`,
    // A verdict opening a sentence ("Bohong! …", "😂 Fake."): the marks before it are bounded, since a run of
    // them ("? ? ? …") would otherwise be rescanned from every sentence end, quadratic in a hostile post.
    String.raw`(?:^|[.!?]\s*)\W{0,12}(?:${PREDICATED_ID}|${PREDICATED_EN})\s*[!.:,]`,
    String.raw`\b(?:cuma|cuman|hanya|sekadar|sekedar)\s+(?:pesan\s+berantai|broadcast(?:an)?|copas(?:an)?)\b|\b(?:just|only|another|an?\s+old)\s+(?:(?:a|another)\s+)?chain\s+(?:letters?|messages?|posts?|e-?mails?)\b`,
    String.raw`\b(?:utter|complete|total|pure|absolute|such|more|qanon|conspiracy|anti-?vax\w*)\s+(?:nonsense|rubbish|garbage|bs|bullshit|drivel)\b`,
  ].join('|'),
  /**
   * The truth of it denied: "tidak benar", "gak bener", "bukan fakta", "tanpa bukti", "belum ada penelitian",
   * "nggak ada tuh"; a source's no ("BMKG bilang bukan.", "dokter bilang nggak begitu"); "not true", "no
   * evidence", "no science behind it", "that's not how vaccines work".
   */
  negatedTruth: [
    String.raw`\b${NEG_ID}\s+(?:(?:sama\s+sekali|pernah|terlalu|begitu)\s+)?(?:benar|bener|bnr|betul|fakta|faktual|asli|nyata|valid|akurat|terbukti|berdasar|sahih|kredibel)\b`,
    String.raw`\btanpa\s+(?:bukti|dasar|sumber)\b|\b${NEG_ID}\s+(?:ada|ditemukan|terdapat|punya)\s+(?:\S+\s+){0,1}(?:bukti|informasi|data|pemberitaan|berita|sumber|laporan|dasar|catatan|penelitian|riset|studi|kajian|uji\s+klinis)(?:nya)?\b`,
    String.raw`\b${NEG_ID}\s+(?:pernah\s+)?(?:membenarkan|mengonfirmasi|mengkonfirmasi|dikonfirmasi|terkonfirmasi)\b|\b${NEG_ID}\s+sesuai\s+(?:dengan\s+)?(?:fakta|kenyataan)`,
    // Emphatic particles make a denial of existence a reply: "nggak ada tuh", "gak ada kok".
    String.raw`\b${NEG_ID}\s+ada\s+(?:tuh|kok)\b`,
    // Reported speech ending in a bare no: "BMKG bilang bukan.", "dokter gizi bilang nggak begitu".
    String.raw`\b(?:bilang|kata|jawab|menjawab|menegaskan|tegaskan|memastikan|pastikan)\s+(?:\S+\s+){0,2}?${NEG_ID}(?:\s+(?:begitu|gitu|benar|bener|kok|tuh))?\s*(?:[.!,;]|$)`,
    String.raw`\b${NEG_ID}\s+(?:begitu|gitu)\s+cara\s+kerja|\b(?:that'?s|this\s+is|it'?s|is)\s+not\s+how\s+(?:\w+\s+){1,2}works?\b|\bno\s+science\s+(?:behind|to|supports?|backing)\b`,
    String.raw`\b(?:not|isn'?t|aren'?t|wasn'?t|weren'?t|ain'?t|never)\s+(?:true|real|genuine|authentic|accurate|legit|correct|confirmed|verified|a\s+thing)\b`,
    String.raw`\bno\s+(?:evidence|proof|truth|basis|record|credible)\b|\bthere(?:'s|\s+is|\s+was)\s+no\s+(?:evidence|proof|truth|such)\b|\bzero\s+(?:evidence|proof)\b`,
  ].join('|'),
  /**
   * The claimed act or event denied: "tidak pernah menyatakan", "bukan X melainkan Y", "tidak mengandung",
   * "tidak berkaitan", "video lama", "itu kejadian 2016"; "never happened", "didn't say",
   * "doesn't cause", "was not arrested", "no such law", "old footage". Not the hoax's own tropes: the news
   * that never reported it ("tidak pernah diberitakan", "was never on the news"), a wonder that "won't
   * happen again", or the writer's disclaimer ("saya bukan antivaksin, tapi …").
   */
  negatedAct: [
    String.raw`\b(?:tidak|tdk|tak|gak|ga|gk|nggak|ngga|enggak|engga|kagak)\s+pernah\s+(?!(?:di|mem|me)(?:beritakan|siarkan|tayangkan|liput|ekspos|bahas))(?:ada|terjadi|me\w+|di\w+|ber\w+)\b`,
    String.raw`(?<!\b(?:saya|aku|gue|gw|gua|sy|kami|kita)\s+)\bbukan\s+(?:\S+\s+){0,4}(?:melainkan|tapi|tetapi|namun)\b`,
    String.raw`\bmana\s+ada\b|\b${NEG_ID}\s+ada\s+(?:program|aturan|kebijakan|rencana|pembagian|pendaftaran|bantuan|lowongan|rekrutmen|undian|giveaway|kewajiban|larangan)\s+(?:seperti|kayak|kaya|begitu|begituan|itu|semacam)\b`,
    String.raw`\b${NEG_ID}\s+(?:ada\s+)?(?:berkaitan|terkait|berhubungan|hubungannya)\b`,
    String.raw`\bbukan\s+(?:di|dari|terjadi|kejadian|peristiwa|rekaman|foto|video|gambar|program|milik|buatan|pernyataan|ucapan|disebabkan|karena|akibat)\b`,
    String.raw`\b(?:tidak|tak|gak|nggak|ga)\s+(?:menyebabkan|mengandung|memicu|berbahaya|mengakibatkan|menyembuhkan|menularkan)\b`,
    String.raw`\b(?:foto|video|gambar|rekaman|kejadian|peristiwa|berita)\s+lama\b|\b(?:itu|tuh|tersebut)\s+(?:(?:cuma|hanya|sebenarnya|aslinya)\s+)?(?:kejadian|peristiwa|rekaman|video|foto|gambar)\s+(?:tahun\s+)?(?:19|20)\d\d\b`,
    String.raw`\bnever\s+(?:happened|said|existed|did|made|issued|announced|released|signed|ordered|banned)\b|\b(?:was|were)\s+never\b(?!\s+(?:(?:on|in)\s+(?:the\s+)?(?:news|tv|media|papers?)|reported|shown|told|aired|covered|mentioned|published|taught))`,
    String.raw`\b(?:did|does|do|has|have|had|was|were|is|are|will|wo|can|could|would)(?:n'?t|\s+not)\s+(?:happen(?!\w*\s+again\b)|say|said|exist|cause|contain|kill|cure|prevent|work|show|prove|mean|issue|announce|approve|confirm|ban|report|claim|warn|find|found|sell|recall|been\s+(?:confirmed|approved|announced|found))\w*`,
    // What rumours make happen to people, denied in the passive: "was not arrested", "weren't killed". Not any
    // passive: claims are often negative themselves ("was not invited", "is not required").
    String.raw`\b(?:was|were|is|are|has\s+been|have\s+been)(?:n'?t|\s+not)\s+(?:(?:being|ever|actually)\s+)?(?:arrested|detained|indicted|executed|killed|murdered|shot|hospitali[sz]ed|deported|kidnapped|abducted|injured|attacked|hacked)\b`,
    String.raw`\bnot\s+\w+\s*,\s*not\s+\w+|\bbukan\s+\w+\s*,\s*bukan\s+\w+|\bnothing\s+to\s+do\s+with\b|\b(?:is|was|are|were)\s+(?:actually\s+)?from\s+(?:19|20)\d\d\b`,
    String.raw`\bcannot\s+(?:cause|kill|cure|prevent|work)\b|\bno\s+such\s+(?:thing|law|rule|program|plan|bill|policy|event|offer|giveaway|order|person|product)\b|\bold\s+(?:photos?|videos?|footage|pictures?|clips?|images?)\b`,
  ].join('|'),
  /** The claim asked and answered no: "Bisa hilangkan vaksin? Tidak.", "Garam ada kacanya? Hoaks.", "Mars as big as the moon? No."; "Nope, …". */
  answeredNo: ANSWERED_NO,
  /**
   * An old rumour named as such: "beredar sejak 2016", "hoaks lama", "isu basi", "didaur ulang", "diunggah ulang
   * dengan narasi baru"; "has been around since 2003", "pops up after every hurricane", "recycled hoax".
   */
  recurring: [
    String.raw`\b(?:beredar|muncul|viral)\s+(?:lagi\s+)?sejak\s+(?:tahun\s+)?(?:19|20)\d\d\b|\b(?:hoa(?:k|x)s?|isu|pesan\s+berantai|broadcast)\s+(?:lama|basi|jadul|usang)\b|\b(?:di)?daur\s+ulang\b`,
    String.raw`\b(?:diunggah|diposting|dibagikan|disebar)\s+(?:ulang|kembali)\s+dengan\s+narasi\b|\bdengan\s+narasi\s+(?:baru|berbeda|lain|yang\s+(?:salah|keliru|berbeda))\b`,
    String.raw`\b(?:been\s+(?:around|circulating)|circulating|resurfac\w+)\s+(?:again\s+)?since\s+(?:19|20)\d\d\b|\b(?:pops?\s+up|comes?\s+back|resurfaces?|goes\s+around|makes\s+the\s+rounds)\s+(?:again\s+)?(?:every|each|after\s+every|whenever)\b|\brecycled\s+(?:hoax|rumou?r|claim|photo|video|image|post|story)s?\b`,
  ].join('|'),
  /**
   * What is actually so, or the record set straight: "faktanya", "yang benar", "klarifikasi", "diluruskan",
   * "dibantah", "udah dijawab BPOM", "cek fakta", "itu adegan film"; "fact check", "the truth is", "turns
   * out", "a scene from a movie".
   */
  correction: [
    String.raw`\b(?:faktanya|fakta\s+(?:sebenarnya|yang\s+benar|sesungguhnya)|yang\s+(?:benar|betul|bener)(?:nya)?\s+(?:adalah|itu|ialah)|aslinya|konteks\s+asli(?:nya)?|klarifikasi|klarifikasinya|mengklarifikasi|diklarifikasi|meluruskan|diluruskan|pelurusan|luruskan|membantah|dibantah|bantahan|bantah|menepis|ditepis)\b`,
    String.raw`\b(?:cek|periksa|pemeriksa|pemeriksaan)\s*fakta\b|\bcekfakta\b|\b${ALREADY_ID}\s+(?:di)?(?:cek|klarifikasi|bantah|luruskan|jelaskan|tepis|konfirmasi)\w*|\b${ALREADY_ID}\s+di(?:jelasin|jawab|tanggapi)\b|\bdipastikan\s+(?:tidak|bukan|hoa(?:k|x)s?)\b`,
    String.raw`\bfact[\s-]?check(?:ed|ers?|ing)?\b|\bthe\s+(?:truth|fact|reality)\s+is\b|\bin\s+reality\b|\bcorrection\s*:|\bto\s+clarify\b|\bclarif(?:y|ied|ication)\b|\bfor\s+the\s+record\b|\bset(?:ting)?\s+the\s+record\s+straight\b|\bturns\s+out\b|\b(?:denied|refuted)\b|\bpsa\b`,
    // Footage from fiction or a game passed off as news: "itu adegan film", "video dari game"; "a scene from a movie".
    String.raw`\b(?:itu|tuh|tersebut)\s+(?:(?:adalah|merupakan|cuma|hanya|sebenarnya|aslinya)\s+)?(?:adegan|cuplikan|potongan)\s+(?:dari\s+)?(?:film|game|gim)\b|\b(?:video|foto|rekaman|gambar)(?:nya)?\s+(?:itu\s+|tersebut\s+)?(?:diambil\s+)?dari\s+(?:sebuah\s+)?(?:film|game|gim)\b|\bfrom\s+a\s+(?:movie|film|video\s+game)\b`,
  ].join('|'),
  /**
   * Dissuading belief or spread: "jangan percaya", "jgn disebar", "jangan kepancing", "gausah panik", "stop
   * share", "tahan jempol", "tolong hapus"; "don't fall for it", "stop sharing", "please delete".
   */
  dissuasion: [
    String.raw`\b(?:jangan|jgn|jngn|jng|gausah|(?:ga|gak|nggak|ngga|tidak|tak)\s+usah|tidak\s+perlu|stop|berhenti|hentikan|setop)\s+(?:(?:mudah|langsung|asal|ikut|ikut-ikutan|lagi|dulu|sampai|sampe)\s+)?(?:percaya|pecaya|termakan|kemakan|terpancing|kepancing|terprovokasi|terhasut|tertipu|ketipu|kena\s+tipu|panik|(?:di|me|meny|ny)?sebar\w*|share|nge-?share|bagikan|dibagikan|membagikan|(?:di)?teruskan|meneruskan|forward|viralkan|repost|framing)\b`,
    String.raw`\btahan\s+jempol\b|\bsaring\s+sebelum\s+sharing\b|\bcek\s+(?:dulu\s+|dahulu\s+)?sebelum\s+(?:share|sharing|sebar\w*|percaya|bagikan|diteruskan)\b|\bcek\s+(?:dan|&)\s+ri?cek\b|\blawan\s*hoa(?:k|x)s?\b|\b(?:tolong|mohon|please|pls|plz)\s+(?:di)?(?:hapus|delete|take\s+(?:it\s+)?down|remove)\b`,
    String.raw`\b(?:don'?t|do\s+not|never|stop|quit)\s+(?:(?:just|blindly|ever)\s+)?(?:believe|fall(?:ing)?\s+for|shar(?:e|ing)|spread(?:ing)?|forward(?:ing)?|repost(?:ing)?|panic(?:king)?)\b|\b(?:think|check)\s+before\s+(?:you\s+)?(?:share|sharing|forward)\b`,
  ].join('|'),
  /**
   * A scam or an impostor called by its name: "penipuan", "phishing", "link palsu", "akun bodong", "laman tak
   * resmi", "mencatut", "nyatut"; "scam", "fraudulent", "like-farming", "impersonating". Not a scam warned of
   * in general ("awas penipuan!", "waspada terhadap penipuan"): scam messages say that too, to be trusted;
   * an official notice still reads as one (`notice`).
   */
  scamNamed: String.raw`\b${NEG_ID}\s+resmi\b|(?<!\b(?:awas|hati-hati|hati2|waspada|waspadai|beware\s+of|watch\s+out\s+for)\s+(?:(?:ada|modus|dengan|terhadap|of|the)\s+)?)\b(?:penipuan|penipu|phishing|link\s+(?:palsu|phishing|abal-abal)|akun\s+(?:palsu|bodong|abal-abal)|nomor\s+(?:palsu|penipu)|situs\s+(?:palsu|abal-abal)|mencatut|dicatut|catut|nyatut|scam(?:s|mers?)?|fraudulent|like-?farming|impersonat\w+)\b`,
  /** A fact-checker's bracketed label, as Indonesian and English checkers rate: "[SALAH]", "[HOAKS]", "[KELIRU]", "[FALSE]", "[MISSING CONTEXT]". */
  label: String.raw`\[\s*(?:salah|hoaks|hoax|disinformasi|misinformasi|penipuan|keliru|menyesatkan|fitnah|hasut|manipulasi|tidak\s+terbukti|konten\s+(?:parodi|satire|manipulasi|palsu|tiruan|yang\s+menyesatkan)|konteks\s+(?:yang\s+)?(?:salah|keliru)|false|fake|misleading|partly\s+false|missing\s+context|altered|false\s+context)\s*\]`,
} as const;

/** A question its writer answers no to asks nothing: "Bikin kanker? Tidak." is a debunk's rhetoric. */
const ANSWERED = new RegExp(ANSWERED_NO);

/** Stance words (counted; each occurrence of any class). */
const DEBUNK = new RegExp(Object.values(STANCE_CLASSES).join('|'), 'g');

/** A verdict shouted in capitals ("SALAH.", "PALSU", "PENIPUAN", "FAKE"): read on the text as written. */
const CAPITAL_VERDICT = /\b(?:SALAH|KELIRU|HOA[KX]S?|DISINFORMASI|PALSU|PENIPUAN|BOHONG|FAKE|FALSE|DEBUNKED)\b/;

const VERDICT_LABEL = new RegExp(STANCE_CLASSES.label);
/** Characters counted as a post's opening. */
const OPENING_LENGTH = 60;

const QUESTION =
  /\?|\b(?:bener\s*(?:gak|ga|nggak|ngga|engga|enggak|tidak|gk|g|nggk|kah|an)|benarkah|beneran(?:kah)?|apa\s+(?:benar|bener|iya|betul)|masa\s+sih|serius(?:an)?\s*\?|ada\s+yang\s+tahu|ada\s+yg\s+tau|is\s+(?:it|this|that)\s+(?:true|real)|anyone\s+know|can\s+someone\s+(?:confirm|verify)|true\s+or\s+(?:not|false))\b/;

const CHAIN =
  /\b(?:sebar(?:kan|in)|viral(?:kan|in)|teruskan|bagikan|share\s+ke|info\s+(?:dari|dr)\s+(?:grup|group|grp)|grup\s+sebelah|group\s+sebelah|copas|copy\s+paste|forwarded|please\s+share|pls\s+share|share\s+this|pass\s+(?:it|this)\s+on|spread\s+the\s+word|before\s+(?:it'?s|they)\s+delete)\b/;

const HEARSAY =
  /\b(?:katanya|kata\s+orang|kabarnya|konon|beredar|viral|rame|ramai\s+di|heboh|denger(?:-denger|2)?|dengar(?:-dengar|2)|ada\s+info|info\s+penting|awas|hati-hati|hati2|waspada|ngeri|merinding|breaking|urgent|apparently|i\s+heard|they\s+say|word\s+is|wake\s+up|share\s+before)\b|!!/;

/**
 * News reporting: an announcement, a source cited ("dilansir", "dikutip", "juru bicara", "siaran pers";
 * "according to", "told reporters", "in a statement"), data cited as data ("menurut data", "tercatat",
 * "records show"), and the clock news keeps ("pukul 10.00 WIB"). Verbs of saying alone ("mengatakan")
 * are left out: hoaxes put words in officials' mouths as often as news reports them.
 */
const REPORT = new RegExp(
  [
    String.raw`\b(?:mengumumkan|diumumkan|menyampaikan|menyatakan|dilansir|dikutip|melaporkan|dilaporkan|merilis|dirilis|mencatat|tercatat|juru\s+bicara|jubir)\b`,
    String.raw`\b(?:siaran\s+pers|keterangan\s+(?:resmi|tertulis|pers)|(?:konferensi|jumpa)\s+pers|(?:menurut|berdasarkan)\s+(?:data|keterangan|laporan|catatan|hasil))\b`,
    String.raw`\bpukul\s+\d|\b(?:wib|wita|wit)\b|\bper\s+\d+\s+\w+\s+\d{4}\b`,
    String.raw`\b(?:according\s+to|announced|confirmed|reported|press\s+release|officials?\s+said|spokes(?:man|woman|person)|told\s+reporters|in\s+a\s+statement|(?:data|records|figures)\s+show(?:ed)?)\b`,
  ].join('|'),
);

const NOTICE =
  /\b(?:hanya\s+(?:melalui|lewat|di|dari)|tidak\s+pernah\s+(?:meminta|memungut|mengirim|menghubungi)|tidak\s+dipungut|tanpa\s+dipungut|tidak\s+dikenakan\s+biaya|bebas\s+biaya|waspada(?:i)?\s+(?:penipuan|modus)|mengatasnamakan|(?:situs|akun|kanal|saluran|laman|website|nomor)\s+resmi|terverifikasi|only\s+(?:through|via|on)|never\s+(?:ask|call|send|request)s?|free\s+of\s+charge|official\s+(?:website|site|channels?|account)|beware\s+of\s+(?:scams?|fraud))\b/;

const DATED =
  /\b(?:19|20)\d\d\b|\(\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\)|\b\d{1,2}(?:\s*[–-]\s*\d{1,2})?\s+(?:januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|jan|feb|mar|apr|jun|jul|agu|aug|sep|okt|oct|nov|des|dec|january|february|march|may|june|july|august|october|december)\b/;
/** Laughter and a wink, as typed ("wkwk", "awokawok", "xixi", "lmfao", "jk") or shown (😂🤭💀), and satire named. */
const LAUGHING =
  /\b(?:wk(?:wk)+\w*|awok\w*|kwkw\w*|(?:ha){2,}\w*|(?:he){2,}|(?:hi){2,}|xixi\w*|lol|lmao+|lmfao|rofl|ngakak|canda|becanda|bercanda|guyon|jk|just\s+kidding|satir|satire|parodi|parody)\b|[😂🤣😆😅😜🤪🤭💀]/u;
const ALARMED = /!!|[😱😭🙏⚠🚨‼❗]|\b[A-Z]{4,}\b/u;

/** Fact-check publishers and pages: by host, or a fact-check path on a news site. */
const FACT_CHECK_HOST =
  /(?:^|\.)(?:turnbackhoax\.id|cekfakta\.com|mafindo\.or\.id|komdigi\.go\.id|kominfo\.go\.id|snopes\.com|politifact\.com|factcheck\.org|fullfact\.org|leadstories\.com|checkyourfact\.com)$|^(?:cekfakta\.|factcheck\.)/;
const FACT_CHECK_PATH = /\/(?:cek-?fakta|cekfakta|fact-?check|hoaks|hoax)(?:[/-]|$)/;
/** A fact-check site named in the text without a link ("cek di turnbackhoax.id"). */
const FACT_CHECK_NAMED =
  /\b(?:turnbackhoax(?:\.id)?|mafindo|cekfakta\.com|snopes(?:\.com)?|politifact|factcheck\.org|full\s+fact|lead\s+stories|(?:afp|reuters|aap)\s+fact\s*check)\b/;

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

/** How many debunk or verdict words the text has, and where the first is (-1: none), in one scan of the long pattern. */
function debunkWordsIn(text: string): { count: number; firstAt: number } {
  let count = 0;
  let firstAt = -1;
  DEBUNK.lastIndex = 0;
  for (let found = DEBUNK.exec(text); found; found = DEBUNK.exec(text)) {
    if (firstAt < 0) firstAt = found.index;
    count++;
    if (found[0] === '') DEBUNK.lastIndex++;
  }
  return { count, firstAt };
}

export function postCues(text: string, urls: readonly string[] = []): PostCues {
  const full = (typeof text === 'string' ? text : '').slice(0, CUE_TEXT_LENGTH);
  const linksWritten = full.match(LINK_IN_TEXT) ?? [];
  const written = full.replace(LINK_IN_TEXT, ' ');
  const lower = written.toLowerCase();
  const vouched = lower.replace(VOUCHING, ' ');
  const vouching = vouched !== lower;
  const stated = vouched.replace(ASKED_VERDICT, ' ');
  const { count: debunk, firstAt } = debunkWordsIn(stated);
  return {
    words: written.split(/\s+/).filter(Boolean).length,
    english: languageOf(lower.split(/[^a-z']+/)) === 'en',
    debunk,
    debunkFirst: firstAt >= 0 && firstAt < OPENING_LENGTH,
    verdictLabel:
      VERDICT_LABEL.test(lower) ||
      CAPITAL_VERDICT.test(written.replace(/\b(?:BUKAN|BKN|NOT)\s+(?:HOA[KX]S?|FAKE)\b/g, ' ')),
    question: QUESTION.test(lower) && !ANSWERED.test(stated),
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
