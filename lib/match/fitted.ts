// Written by `npm run eval` (tests/eval/fit-models.ts) from the fit halves only: review the diff, do not edit by hand.
export const FITTED = {
  decisionFeatures: ['coverage', 'phrase', 'coverageTimesPhrase', 'logSharedClaimMass', 'logClaimMass', 'logPostMass', 'postShareExplained', 'inverseClaimWords', 'wordCoverage', 'leadShare', 'rarestSharedIdf', 'logBestScore', 'lead', 'runnersUp', 'agreement', 'keyWordsShared', 'textMatch', 'logPostWords', 'coverageWhenShort', 'phraseWhenLong', 'question', 'chain', 'hearsay', 'report', 'notice', 'dated', 'laughing', 'alarmed', 'english', 'englishLogBestScore', 'englishCoverage'],
  /** Per regime (best item with a circulating text, or a claim only): the bias, then one weight per feature, in order. */
  decisionWeights: {
    withText: [0.239, 0.869, -0.077, -0.701, 1.327, -0.189, -0.677, -2.374, -0.705, 1.632, 1.297, -0.768, 2.916, 0.764, 0.29, 2.505, 0.019, 2.379, -0.083, -0.262, 0.101, 1.593, 1.714, 1.759, -0.248, -1.99, 0.015, -0.059, -1.132, -0.516, -2.043, -0.206],
    claimOnly: [3.909, -0.69, -0.449, -0.603, 1.915, -0.531, -1.617, -2.649, -1.836, 0.459, 2.782, 0.111, 2.008, 0.396, 0.291, 0.457, -0.049, 0, 0.763, -1.04, 0.593, 0.698, 1.558, 1.173, -0.162, -0.323, 0.857, -0.487, -0.619, 0.015, -0.632, 0.195],
  },
  debunkFeatures: ['debunkWords', 'debunkStated', 'debunkFirst', 'verdictLabel', 'question', 'chain', 'logWords', 'debunkDensity', 'notice', 'english'],
  /** The bias, then one weight per debunk feature, in order. */
  debunkWeights: [6.694, 0.581, 1.867, -0.18, 0.937, 1.398, -3.364, -3.119, 4.758, -1.118, 0.895],
  /** Per log-day between a post and a fact-check, in the ranking (posts with a known date only). */
  dateGapWeight: 0.4,
  /** Per decision model: hoax-match at or above `confident`, likely-match at or above `likely` (mapped onto one scale in lib/match). */
  thresholds: {
    withText: { confident: 0.815, likely: 0.675 },
    claimOnly: { confident: 0.85, likely: 0.75 },
  },
  fittedOn: '8147 training pairs, 566 realistic hoax posts, 248 hard negatives, 14852 ordinary posts, 2484 debunk shares (fit halves); date weight on 1196 CLEF train + dev tweets',
} as const;
