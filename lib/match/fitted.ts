// Written by `npm run eval` (tests/eval/fit-models.ts) from the fit halves only: review the diff, do not edit by hand.
export const FITTED = {
  decisionFeatures: ['coverage', 'phrase', 'coverageTimesPhrase', 'logSharedClaimMass', 'logClaimMass', 'logPostMass', 'postShareExplained', 'inverseClaimWords', 'wordCoverage', 'leadShare', 'rarestSharedIdf', 'logBestScore', 'lead', 'runnersUp', 'agreement', 'keyWordsShared', 'textMatch', 'logPostWords', 'coverageWhenShort', 'phraseWhenLong', 'question', 'chain', 'hearsay', 'report', 'notice', 'english', 'englishLogBestScore', 'englishCoverage'],
  /** Per regime (best item with a circulating text, or a claim only): the bias, then one weight per feature, in order. */
  decisionWeights: {
    withText: [3.242, -3.575, 1.636, -5.413, -0.188, -0.429, -0.972, -5.352, -11.884, 10.439, 1.963, 2.284, 2.422, 3.759, -0.339, 7.535, 0.652, 5.557, -0.676, 1.188, 3.343, 1.998, 2.458, 1.817, 0.452, -7.531, -1.151, -2.13, 0.527],
    claimOnly: [10.265, -5.258, -3.95, 3.22, 12.093, -6.146, -7.555, -8.263, -9.596, 5.936, 3.542, 3.253, 0.688, -1.879, -2.032, 2.409, 0.388, 0, 3.324, -7.206, 3.985, 0.827, 2.316, 1.196, 0.128, -0.569, 1.458, -0.526, -1.544],
  },
  debunkFeatures: ['debunkWords', 'debunkStated', 'debunkFirst', 'verdictLabel', 'question', 'chain', 'logWords', 'debunkDensity', 'notice', 'english'],
  /** The bias, then one weight per debunk feature, in order. */
  debunkWeights: [0.577, 0.308, 5.807, -0.482, 1.554, 5.818, -2.362, -2.732, 6.208, -0.961, 2.198],
  /** Per log-day between a post and a fact-check, in the ranking (posts with a known date only). */
  dateGapWeight: 0.4,
  /** Per decision model: hoax-match at or above `confident`, likely-match at or above `likely` (mapped onto one scale in lib/match). */
  thresholds: {
    withText: { confident: 0.915, likely: 0.65 },
    claimOnly: { confident: 0.84, likely: 0.78 },
  },
  fittedOn: '7151 training pairs, 566 realistic hoax posts, 248 hard negatives, 14852 ordinary posts, 2484 debunk shares (fit halves); date weight on 1196 CLEF train + dev tweets',
} as const;
