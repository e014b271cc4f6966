// Written by `npm run eval` (tests/eval/fit-models.ts) from the fit halves only: review the diff, do not edit by hand.
export const FITTED = {
  decisionFeatures: ['coverage', 'phrase', 'coverageTimesPhrase', 'logSharedClaimMass', 'logClaimMass', 'logPostMass', 'postShareExplained', 'inverseClaimWords', 'wordCoverage', 'leadShare', 'rarestSharedIdf', 'logBestScore', 'lead', 'runnersUp', 'agreement', 'keyWordsShared', 'textMatch', 'logPostWords', 'coverageWhenShort', 'phraseWhenLong', 'question', 'chain', 'hearsay', 'report'],
  /** Per regime (best item with a circulating text, or a claim only): the bias, then one weight per feature, in order. */
  decisionWeights: {
    withText: [-3.603, -3.417, 1.96, -5.646, -0.322, 0.225, -0.185, -5.314, -8.49, 11.443, 2.336, 2.775, 1.059, 5.962, -0.212, 7.429, 0.372, 6.345, -1.579, -0.052, 2.826, 1.797, 2.901, 1.563, 0.101],
    claimOnly: [0.498, -1.42, -4.269, 3.541, 11.681, -3.959, -6.141, -8.838, -8.003, 4.973, 3.663, 1.966, 0.469, -3.048, -1.66, 0.994, 0.475, 0, 1.473, -4.639, 4.219, 0.707, 2.234, 1.114, 0.259],
  },
  debunkFeatures: ['debunkWords', 'debunkStated', 'debunkFirst', 'verdictLabel', 'question', 'chain', 'logWords', 'debunkDensity'],
  /** The bias, then one weight per debunk feature, in order. */
  debunkWeights: [9.267, -0.102, -1.761, -0.645, 1.037, -2.317, -2.431, -2.699, 6.071],
  /** Per log-day between a post and a fact-check, in the ranking (posts with a known date only). */
  dateGapWeight: 0.4,
  /** Per decision model: hoax-match at or above `confident`, likely-match at or above `likely` (mapped onto one scale in lib/match). */
  thresholds: {
    withText: { confident: 0.995, likely: 0.685 },
    claimOnly: { confident: 0.82, likely: 0.745 },
  },
  fittedOn: '7151 training pairs, 566 realistic hoax posts, 248 hard negatives, 14775 ordinary posts, 2484 debunk shares (fit halves); date weight on 1196 CLEF train + dev tweets',
} as const;
