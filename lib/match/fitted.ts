// Written by `npm run eval` (tests/eval/fit-models.ts) from the fit halves only: review the diff, do not edit by hand.
export const FITTED = {
  decisionFeatures: ['coverage', 'phrase', 'coverageTimesPhrase', 'logSharedClaimMass', 'logClaimMass', 'logPostMass', 'postShareExplained', 'inverseClaimWords', 'wordCoverage', 'leadShare', 'rarestSharedIdf', 'logBestScore', 'lead', 'runnersUp', 'agreement', 'keyWordsShared', 'textMatch', 'logPostWords', 'coverageWhenShort', 'phraseWhenLong', 'question', 'chain', 'hearsay', 'report', 'notice', 'dated', 'laughing', 'alarmed', 'english', 'englishLogBestScore', 'englishCoverage'],
  /** Per regime (best item with a circulating text, or a claim only): the bias, then one weight per feature, in order. */
  decisionWeights: {
    withText: [1.332, 0.187, 0.19, -0.463, 1.856, -0.544, -0.643, -1.626, -0.426, 1.363, 1.052, -1.343, 3.079, 0.766, 0.482, 1.608, -0.742, 2.019, -0.269, -0.434, 0.234, 2.166, 2.056, 1.977, -1.433, -2.392, -1.898, 0.292, -1.298, 0.181, -1.297, -0.066],
    claimOnly: [3.262, -0.401, -0.062, -0.701, 2.513, -0.72, -1.654, -2.377, -2.125, 0.693, 2.415, 0.073, 1.898, 0.039, -0.041, 0.27, 0.016, 0, 0.562, -1.165, 0.835, 0.885, 1.476, 1.273, 0.372, -0.127, -0.585, -0.652, -0.55, -1.819, -0.157, 0.149],
  },
  debunkFeatures: ['debunkWords', 'debunkStated', 'debunkFirst', 'verdictLabel', 'question', 'chain', 'logWords', 'debunkDensity', 'notice', 'english'],
  /** The bias, then one weight per debunk feature, in order. */
  debunkWeights: [3.946, 0.632, 2.052, -0.209, 1.537, 0.247, -2.209, -2.496, 4.448, -1.261, 1.655],
  /** Per log-day between a post and a fact-check, in the ranking (posts with a known date only). */
  dateGapWeight: 0.45,
  /** Per language (the post's cues) and decision model: hoax-match at or above `confident`, likely-match at or above `likely` (mapped onto one scale in lib/match). */
  thresholds: {
    id: {
      withText: { confident: 0.735, likely: 0.47 },
      claimOnly: { confident: 0.725, likely: 0.685 },
    },
    en: {
      withText: { confident: 0.625, likely: 0.625 },
      claimOnly: { confident: 0.905, likely: 0.705 },
    },
  },
  fittedOn: '7137 training pairs, 566 realistic hoax posts, 247 hard negatives, 139 second-writer negatives, 14823 ordinary posts, 2482 debunk shares (fit halves); date weight on 1196 CLEF train + dev tweets',
} as const;
