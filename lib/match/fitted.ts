// Written by `npm run eval` (tests/eval/fit-models.ts) from the fit halves only: review the diff, do not edit by hand.
export const FITTED = {
  decisionFeatures: ['coverage', 'phrase', 'coverageTimesPhrase', 'logSharedClaimMass', 'logClaimMass', 'logPostMass', 'postShareExplained', 'inverseClaimWords', 'wordCoverage', 'leadShare', 'rarestSharedIdf', 'logBestScore', 'lead', 'runnersUp', 'agreement', 'keyWordsShared', 'textMatch', 'logPostWords', 'coverageWhenShort', 'phraseWhenLong', 'question', 'chain', 'hearsay', 'report'],
  /** Per regime (best item with a circulating text, or a claim only): the bias, then one weight per feature, in order. */
  decisionWeights: {
    withText: [-3.49, -2.453, 1.956, -5.609, -0.329, 0.19, -0.194, -5.329, -8.591, 10.83, 2.334, 2.858, 1.052, 5.929, -0.223, 7.444, -0.036, 6.42, -1.567, 0.007, 2.822, 1.788, 2.901, 1.571, 0.108],
    claimOnly: [0.495, -1.351, -4.278, 3.562, 11.675, -3.954, -6.134, -8.835, -8.005, 4.925, 3.661, 1.967, 0.471, -3.055, -1.667, 1.003, 0.445, 0, 1.467, -4.644, 4.216, 0.705, 2.231, 1.117, 0.258],
  },
  debunkFeatures: ['debunkWords', 'debunkStated', 'debunkFirst', 'verdictLabel', 'question', 'chain', 'logWords', 'debunkDensity'],
  /** The bias, then one weight per debunk feature, in order. */
  debunkWeights: [9.267, -0.102, -1.761, -0.645, 1.037, -2.317, -2.431, -2.699, 6.071],
  /** Per log-day between a post and a fact-check, in the ranking (posts with a known date only). */
  dateGapWeight: 0.4,
  /** Per decision model: hoax-match at or above `confident`, likely-match at or above `likely` (mapped onto one scale in lib/match). */
  thresholds: {
    withText: { confident: 0.995, likely: 0.69 },
    claimOnly: { confident: 0.82, likely: 0.745 },
  },
  fittedOn: '7151 training pairs, 566 realistic hoax posts, 248 hard negatives, 14775 ordinary posts, 2484 debunk shares (fit halves); date weight on 1196 CLEF train + dev tweets',
} as const;
