// Written by `npm run eval` (tests/eval/fit-models.ts) from the fit halves only: review the diff, do not edit by hand.
export const FITTED = {
  decisionFeatures: ['coverage', 'phrase', 'coverageTimesPhrase', 'logSharedClaimMass', 'logClaimMass', 'logPostMass', 'postShareExplained', 'inverseClaimWords', 'wordCoverage', 'leadShare', 'rarestSharedIdf', 'logBestScore', 'lead', 'runnersUp', 'agreement', 'keyWordsShared', 'textMatch', 'logPostWords', 'coverageWhenShort', 'phraseWhenLong', 'question', 'chain', 'hearsay', 'report', 'notice', 'dated', 'laughing', 'alarmed', 'english', 'englishLogBestScore', 'englishCoverage'],
  /** Per regime (best item with a circulating text, or a claim only): the bias, then one weight per feature, in order. */
  decisionWeights: {
    withText: [1.537, 0.232, 0.175, -0.45, 1.796, -0.524, -0.707, -1.813, -0.487, 1.377, 1.078, -1.306, 3.083, 0.697, 0.83, 1.546, -0.681, 1.82, -0.249, -0.435, 0.26, 2.142, 2.169, 1.964, -1.472, -2.549, -1.663, 0.424, -1.339, 0.168, -1.318, -0.074],
    claimOnly: [3.28, -0.432, -0.088, -0.76, 2.528, -0.757, -1.601, -2.428, -2.152, 0.678, 2.516, -0.073, 1.879, 0.162, 0.227, 0.203, 0.064, 0, 0.489, -1.175, 0.802, 0.846, 1.44, 1.247, 0.278, -0.134, -0.386, -0.477, -0.583, -1.713, -0.128, 0.254],
  },
  debunkFeatures: ['debunkWords', 'debunkStated', 'debunkFirst', 'verdictLabel', 'question', 'chain', 'logWords', 'debunkDensity', 'notice', 'english'],
  /** The bias, then one weight per debunk feature, in order. */
  debunkWeights: [4.148, 0.523, 1.846, -0.473, 1.383, 1.063, -3.046, -2.372, 4.945, -1.171, 0.866],
  /** Per log-day between a post and a fact-check, in the ranking (posts with a known date only). */
  dateGapWeight: 0.45,
  /** Per decision model: hoax-match at or above `confident`, likely-match at or above `likely` (mapped onto one scale in lib/match). */
  thresholds: {
    withText: { confident: 0.525, likely: 0.385 },
    claimOnly: { confident: 0.72, likely: 0.69 },
  },
  fittedOn: '7151 training pairs, 566 realistic hoax posts, 248 hard negatives, 14823 ordinary posts, 2484 debunk shares (fit halves); date weight on 1196 CLEF train + dev tweets',
} as const;
