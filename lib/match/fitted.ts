// Written by `npm run eval` (tests/eval/fit-models.ts) from the fit halves only: review the diff, do not edit by hand.
export const FITTED = {
  decisionFeatures: ['coverage', 'phrase', 'coverageTimesPhrase', 'logSharedClaimMass', 'logClaimMass', 'logPostMass', 'postShareExplained', 'inverseClaimWords', 'wordCoverage', 'leadShare', 'rarestSharedIdf', 'logBestScore', 'lead', 'runnersUp', 'agreement', 'keyWordsShared', 'textMatch', 'logPostWords', 'coverageWhenShort', 'phraseWhenLong', 'question', 'chain', 'hearsay', 'report', 'notice', 'dated', 'laughing', 'alarmed', 'english', 'englishLogBestScore', 'englishCoverage'],
  /** Per regime (best item with a circulating text, or a claim only): the bias, then one weight per feature, in order. */
  decisionWeights: {
    withText: [-0.843, 0.588, 0.148, -0.366, 1.2, -0.164, -0.214, -1.507, -0.602, 1.574, 1.167, -0.696, 2.793, 1.063, 0.418, 1.665, -0.256, 1.958, -0.562, -0.239, 0.228, 1.914, 1.634, 1.89, -0.918, -2.671, -0.675, 0.11, -1.082, -0.41, -1.913, 0.15],
    claimOnly: [3.611, -0.698, -0.046, -0.842, 2.144, -0.769, -1.356, -2.09, -1.844, 0.346, 2.743, -0.029, 1.979, 0.48, 0.487, 0.523, -0.248, 0, 0.518, -1.192, 0.557, 0.754, 1.565, 1.202, -0.397, -0.252, 0.698, -0.479, -0.557, -0.721, -0.686, 0.462],
  },
  debunkFeatures: ['debunkWords', 'debunkStated', 'debunkFirst', 'verdictLabel', 'question', 'chain', 'logWords', 'debunkDensity', 'notice', 'english'],
  /** The bias, then one weight per debunk feature, in order. */
  debunkWeights: [4.534, 0.516, 1.727, -0.295, 1.124, 0.947, -3.076, -2.445, 4.927, -1.144, 0.568],
  /** Per log-day between a post and a fact-check, in the ranking (posts with a known date only). */
  dateGapWeight: 0.4,
  /** Per decision model: hoax-match at or above `confident`, likely-match at or above `likely` (mapped onto one scale in lib/match). */
  thresholds: {
    withText: { confident: 0.475, likely: 0.395 },
    claimOnly: { confident: 0.78, likely: 0.7 },
  },
  fittedOn: '8147 training pairs, 566 realistic hoax posts, 248 hard negatives, 14822 ordinary posts, 2484 debunk shares (fit halves); date weight on 1196 CLEF train + dev tweets',
} as const;
