/**
 * Okapi BM25 over weighted term bags.
 *
 * Why BM25 rather than natural's TfIdf: natural's TfIdf adds raw term counts, so the
 * long articles (tongzhou 6 has five benefits and five times the words of shijingshan
 * 2) win any question that repeats a common word, and it has no notion of field
 * weight. BM25 saturates repeated terms (k1) and normalizes by length (b), and taking
 * weighted counts lets a word in a title count more than one in the body (a simple
 * BM25F). The terms themselves come from natural's stemmer and stop words
 * (analyzer.ts).
 */

export interface Bm25Params {
  /** Term-frequency saturation: how quickly repeating a term stops adding. */
  k1: number;
  /** Length normalization: 0 none, 1 full. */
  b: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.5 };

export interface Bm25Index {
  /** One score per document, in 0..1: the share of the best score the query terms could
   * reach. A term's weight (default 1) scales what it adds. */
  score(terms: string[], weightOf?: (term: string) => number): number[];
  idf(term: string): number;
}

/** `documents[i]` maps a term to its (weighted) count in document i. */
export function createBm25(documents: Map<string, number>[], params: Bm25Params = DEFAULT_BM25): Bm25Index {
  const lengths = documents.map((bag) => [...bag.values()].reduce((sum, n) => sum + n, 0));
  const averageLength = lengths.reduce((sum, n) => sum + n, 0) / Math.max(1, documents.length) || 1;
  const df = new Map<string, number>();
  for (const bag of documents) for (const term of bag.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = documents.length;
  // The Lucene form of idf: never negative, so a term in most documents still counts a little.
  const idf = (term: string) => {
    const count = df.get(term) ?? 0;
    return count === 0 ? 0 : Math.log(1 + (n - count + 0.5) / (count + 0.5));
  };
  const { k1, b } = params;
  const norms = lengths.map((length) => k1 * (1 - b + (b * length) / averageLength));
  // Each term's documents and counts, so a query visits only the documents that have its terms.
  const postings = new Map<string, { doc: number; tf: number }[]>();
  for (const [doc, bag] of documents.entries())
    for (const [term, tf] of bag) {
      if (!tf) continue;
      const list = postings.get(term);
      if (list) list.push({ doc, tf });
      else postings.set(term, [{ doc, tf }]);
    }

  return {
    idf,
    score(terms, weightOf = () => 1) {
      const unique = [...new Set(terms)];
      // The most a document could score: every query term present many times over.
      let ceiling = 0;
      const weights = unique.map((term) => {
        const weight = idf(term) * weightOf(term);
        ceiling += weight * (k1 + 1);
        return weight;
      });
      const totals = new Array<number>(n).fill(0);
      if (ceiling === 0) return totals;
      // Terms in query order for every document, as a sum over the query's terms would add them.
      for (const [t, term] of unique.entries()) {
        const weight = weights[t] as number;
        for (const { doc, tf } of postings.get(term) ?? [])
          totals[doc] = (totals[doc] as number) + (weight * tf * (k1 + 1)) / (tf + (norms[doc] as number));
      }
      return totals.map((total) => total / ceiling);
    },
  };
}
