/**
 * Plain BM25 (k1 1.2, b 0.75, lower-cased word tokens, no stemming, no stopwords): the baseline
 * the issue measures the engine against, computed in the same eval run.
 */

const K1 = 1.2;
const B = 0.75;

export function bm25Tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export interface Bm25Index {
  rank(query: string, top: number): string[];
}

export function bm25Index(docs: ReadonlyArray<{ id: string; text: string }>): Bm25Index {
  const postings = new Map<string, Array<[number, number]>>();
  const lengths: number[] = [];
  docs.forEach(({ text }, doc) => {
    const tokens = bm25Tokens(text);
    lengths.push(tokens.length);
    const counts = new Map<string, number>();
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    for (const [token, count] of counts) {
      let list = postings.get(token);
      if (!list) postings.set(token, (list = []));
      list.push([doc, count]);
    }
  });
  const n = docs.length;
  const averageLength = lengths.reduce((sum, length) => sum + length, 0) / Math.max(n, 1);
  return {
    rank(query, top) {
      const scores = new Map<number, number>();
      for (const token of new Set(bm25Tokens(query))) {
        const list = postings.get(token);
        if (!list) continue;
        const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
        for (const [doc, count] of list) {
          const norm = count + K1 * (1 - B + (B * lengths[doc]!) / averageLength);
          scores.set(doc, (scores.get(doc) ?? 0) + (idf * count * (K1 + 1)) / norm);
        }
      }
      return [...scores].sort((a, b) => b[1] - a[1]).slice(0, top).map(([doc]) => docs[doc]!.id);
    },
  };
}
