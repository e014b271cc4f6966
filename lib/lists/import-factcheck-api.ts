import { parseFactCheckDate } from './dates';
import { objectOf, textOf, withoutEmpty, type ImportedItems, type Publisher } from './imported';
import { deriveItemId } from './item-id';
import { LIMITS } from './schema';
import { fitText } from './text';
import type { ListProblem } from './validate';
import { ratingFromVerdict } from './verdicts';

/** Whether parsed JSON looks like a Google Fact Check Tools `claims:search` response. */
export function isFactCheckApiResponse(json: unknown): boolean {
  const root = objectOf(json);
  return !!root && !Array.isArray(json) && Array.isArray(root.claims);
}

/**
 * Google Fact Check Tools API `claims:search` responses to candidate items: `claims[].text` is
 * the claim, its first `claimReview` gives label (textualRating), url, date and language.
 */
export function importFactCheckApi(json: unknown): ImportedItems {
  const claims = (objectOf(json)?.claims ?? []) as unknown[];
  const problems: ListProblem[] = [];
  let publisher: Publisher | undefined;
  const entries = claims.flatMap((rawClaim, index) => {
    const where = `claims[${index}]`;
    const claimObject = objectOf(rawClaim) ?? {};
    const review = objectOf(claimObject.claimReview);
    if (!review) {
      problems.push({ where: `${where}.claimReview`, what: 'is required' });
      return [];
    }
    const label = textOf(review.textualRating);
    const rating = ratingFromVerdict(label);
    if (!rating) {
      problems.push({
        where: `${where}.claimReview[0].textualRating`,
        what: label ? `verdict ${JSON.stringify(label.slice(0, 60))} is not one Saring knows` : 'is required',
      });
      return [];
    }
    const reviewer = objectOf(review.publisher);
    if (!publisher && reviewer && textOf(reviewer.name)) publisher = { name: textOf(reviewer.name) };
    const claim = textOf(claimObject.text);
    const url = textOf(review.url);
    return [
      {
        where,
        item: withoutEmpty({
          id: deriveItemId(url, claim),
          claim,
          rating,
          label: fitText(label, LIMITS.label),
          url,
          published: parseFactCheckDate(textOf(review.reviewDate)),
          language: textOf(review.languageCode),
        }),
      },
    ];
  });
  return { format: 'factcheck-api', entries, problems, keySeparator: '.', ...(publisher ? { publisher } : {}) };
}
