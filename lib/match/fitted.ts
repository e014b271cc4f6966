// Written by `npm run eval` (tests/eval/fit-models.ts) from the fit halves only: review the diff, do not edit by hand.
export const FITTED = {
  decisionFeatures: ['coverage', 'phrase', 'coverageTimesPhrase', 'logSharedClaimMass', 'logClaimMass', 'logPostMass', 'postShareExplained', 'inverseClaimWords', 'wordCoverage', 'leadShare', 'rarestSharedIdf', 'logBestScore', 'lead', 'runnersUp', 'agreement', 'keyWordsShared', 'textMatch', 'logPostWords', 'coverageWhenShort', 'phraseWhenLong', 'question', 'chain', 'hearsay', 'report', 'notice', 'dated', 'laughing', 'alarmed', 'english', 'englishLogBestScore', 'englishCoverage'],
  /** Per regime (best item with a circulating text, or a claim only): the bias, then one weight per feature, in order. */
  decisionWeights: {
    withText: [-1.9, 0.426, 0.567, -0.311, 1.385, -0.325, 0.247, -1.121, -0.492, 1.294, 1.467, -1.336, 2.697, 1.156, 0.613, 1.743, -0.505, 2.028, -0.927, -0.235, 0.215, 1.939, 1.75, 1.874, -0.911, -2.681, -0.801, 0.385, -1.028, -0.784, -2.236, -0.134],
    claimOnly: [4.106, -0.688, -0.102, -0.855, 2.047, -0.609, -1.339, -2.154, -1.757, 0.404, 2.267, 0.107, 2.047, 0.307, 0.429, 0.468, -0.297, 0, 0.422, -1.228, 0.636, 0.724, 1.629, 1.129, -0.526, 0.086, 0.951, -0.645, -0.627, 0.213, -0.426, 0.48],
  },
  debunkFeatures: ['debunkWords', 'debunkStated', 'debunkFirst', 'verdictLabel', 'question', 'chain', 'logWords', 'debunkDensity', 'notice', 'english'],
  /** The bias, then one weight per debunk feature, in order. */
  debunkWeights: [4.405, 0.474, 1.737, -0.51, 1.166, 0.775, -3.064, -2.438, 5.302, -1.118, 0.522],
  /** Per log-day between a post and a fact-check, in the ranking (posts with a known date only). */
  dateGapWeight: 0.4,
  /** Per decision model: hoax-match at or above `confident`, likely-match at or above `likely` (mapped onto one scale in lib/match). */
  thresholds: {
    withText: { confident: 0.46, likely: 0.375 },
    claimOnly: { confident: 0.795, likely: 0.715 },
  },
  fittedOn: '8147 training pairs, 566 realistic hoax posts, 248 hard negatives, 14823 ordinary posts, 2484 debunk shares (fit halves); date weight on 1196 CLEF train + dev tweets',
} as const;
