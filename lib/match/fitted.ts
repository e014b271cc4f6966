// Written by `npm run eval` (tests/eval/fit-models.ts) from the fit halves only: review the diff, do not edit by hand.
export const FITTED = {
  decisionFeatures: ['coverage', 'phrase', 'coverageTimesPhrase', 'logSharedClaimMass', 'logClaimMass', 'logPostMass', 'postShareExplained', 'inverseClaimWords', 'wordCoverage', 'leadShare', 'rarestSharedIdf', 'logBestScore', 'lead', 'runnersUp', 'agreement', 'keyWordsShared', 'textMatch', 'logPostWords', 'coverageWhenShort', 'phraseWhenLong', 'question', 'chain', 'hearsay', 'report', 'notice', 'dated', 'laughing', 'alarmed', 'english', 'englishLogBestScore', 'englishCoverage'],
  /** Per regime (best item with a circulating text, or a claim only): the bias, then one weight per feature, in order. */
  decisionWeights: {
    withText: [-0.283, 0.623, 0.094, -0.37, 1.216, -0.223, -0.35, -1.714, -0.642, 1.625, 1.199, -0.716, 2.8, 1.048, 0.006, 1.989, -0.287, 2.223, -0.424, -0.235, 0.252, 1.903, 1.627, 1.888, -0.842, -2.663, -0.634, 0.093, -1.059, -0.407, -1.891, 0.117],
    claimOnly: [4.72, -0.684, -0.215, -0.734, 1.997, -0.757, -1.675, -2.576, -2.021, 0.423, 2.729, -0.022, 1.969, 0.561, 0.24, 0.582, -0.215, 0, 0.805, -1.145, 0.64, 0.766, 1.568, 1.2, -0.366, -0.23, 0.725, -0.474, -0.524, -0.549, -0.658, 0.424],
  },
  debunkFeatures: ['debunkWords', 'debunkStated', 'debunkFirst', 'verdictLabel', 'question', 'chain', 'logWords', 'debunkDensity', 'notice', 'english'],
  /** The bias, then one weight per debunk feature, in order. */
  debunkWeights: [4.534, 0.516, 1.727, -0.295, 1.124, 0.947, -3.076, -2.445, 4.927, -1.144, 0.568],
  /** Per log-day between a post and a fact-check, in the ranking (posts with a known date only). */
  dateGapWeight: 0.4,
  /** Per decision model: hoax-match at or above `confident`, likely-match at or above `likely` (mapped onto one scale in lib/match). */
  thresholds: {
    withText: { confident: 0.47, likely: 0.375 },
    claimOnly: { confident: 0.725, likely: 0.675 },
  },
  fittedOn: '8147 training pairs, 566 realistic hoax posts, 248 hard negatives, 14852 ordinary posts, 2484 debunk shares (fit halves); date weight on 1196 CLEF train + dev tweets',
} as const;
