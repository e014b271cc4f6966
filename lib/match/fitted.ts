// Written by `npm run eval` (tests/eval/fit-models.ts) from the fit halves only: review the diff, do not edit by hand.
export const FITTED = {
  decisionFeatures: ['coverage', 'phrase', 'coverageTimesPhrase', 'logSharedClaimMass', 'logClaimMass', 'logPostMass', 'postShareExplained', 'inverseClaimWords', 'wordCoverage', 'leadShare', 'rarestSharedIdf', 'logBestScore', 'lead', 'runnersUp', 'agreement', 'keyWordsShared', 'textMatch', 'logPostWords', 'coverageWhenShort', 'phraseWhenLong', 'question', 'chain', 'hearsay', 'report', 'notice', 'dated', 'laughing', 'alarmed', 'english', 'englishLogBestScore', 'englishCoverage'],
  /** Per regime (best item with a circulating text, or a claim only): the bias, then one weight per feature, in order. */
  decisionWeights: {
    withText: [1.434, 0.159, 0.179, -0.452, 1.833, -0.554, -0.631, -1.615, -0.423, 1.349, 1.021, -1.337, 3.079, 0.787, 0.482, 1.612, -0.706, 2.04, -0.288, -0.439, 0.234, 2.195, 2.154, 1.939, -1.419, -2.374, -1.881, 0.304, -1.332, 0.194, -1.289, -0.049],
    claimOnly: [3.256, -0.4, -0.066, -0.699, 2.512, -0.72, -1.653, -2.374, -2.124, 0.696, 2.409, 0.076, 1.895, 0.039, -0.04, 0.269, 0.019, 0, 0.559, -1.164, 0.837, 0.888, 1.494, 1.266, 0.374, -0.125, -0.582, -0.651, -0.553, -1.814, -0.155, 0.15],
  },
  debunkFeatures: ['debunkWords', 'debunkStated', 'debunkFirst', 'verdictLabel', 'question', 'chain', 'logWords', 'debunkDensity', 'notice', 'english'],
  /** The bias, then one weight per debunk feature, in order. */
  debunkWeights: [4.608, 0.513, 1.201, -0.521, 1.398, 1.064, -3.224, -2.73, 6.201, -1.293, 2.896],
  /** Per log-day between a post and a fact-check, in the ranking (posts with a known date only). */
  dateGapWeight: 0.45,
  /** Per language (the post's cues) and decision model: hoax-match at or above `confident`, likely-match at or above `likely` (mapped onto one scale in lib/match). */
  thresholds: {
    id: {
      withText: { confident: 0.58, likely: 0.37 },
      claimOnly: { confident: 0.725, likely: 0.685 },
    },
    en: {
      withText: { confident: 0.625, likely: 0.625 },
      claimOnly: { confident: 0.705, likely: 0.7 },
    },
  },
  fittedOn: '7137 training pairs, 566 realistic hoax posts, 247 hard negatives, 139 second-writer negatives, 14823 ordinary posts, 2482 debunk shares (fit halves); date weight on 1196 CLEF train + dev tweets',
} as const;
