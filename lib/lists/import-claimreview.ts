import { parseFactCheckDate } from './dates';
import { appearancesOf, manyOf, objectOf, textOf, withoutEmpty, type ImportedItems, type Publisher } from './imported';
import { deriveItemId } from './item-id';
import { LIMITS } from './schema';
import { fitText } from './text';
import type { ListProblem } from './validate';
import { ratingFromScale, ratingFromVerdict } from './verdicts';

/** `ClaimReview`, `schema:ClaimReview` and `https://schema.org/ClaimReview` are all the same type. */
function typesOf(node: Record<string, unknown>): string[] {
  return manyOf(node['@type']).map((type) => textOf(type).replace(/^.*[/:#]/, ''));
}

const isClaimReview = (node: Record<string, unknown>) => typesOf(node).includes('ClaimReview');

/** JSON-LD wrappers are shallow; deeper than this is not a feed of reviews. */
const MAX_WRAPPER_DEPTH = 6;

/**
 * Every ClaimReview in a JSON-LD document: the document itself, an array, an `@graph`, or a
 * `DataFeed`'s `dataFeedElement`s (each a ClaimReview or a `DataFeedItem` whose `item` is one).
 */
export function findClaimReviews(json: unknown, depth = 0): Record<string, unknown>[] {
  if (depth > MAX_WRAPPER_DEPTH) return [];
  if (Array.isArray(json)) return json.flatMap((node) => findClaimReviews(node, depth + 1));
  const node = objectOf(json);
  if (!node) return [];
  if (isClaimReview(node)) return [node];
  return ['@graph', 'dataFeedElement', 'item'].flatMap((key) =>
    key in node ? findClaimReviews(node[key], depth + 1) : [],
  );
}

function publisherOf(value: unknown): Publisher | undefined {
  const author = objectOf(value);
  const name = author ? textOf(author.name) : textOf(manyOf(value)[0]);
  if (!name) return undefined;
  const url = author ? textOf(author.url) : '';
  return url.startsWith('https://') ? { name, url } : { name };
}

function reviewToItem(review: Record<string, unknown>, where: string, problems: ListProblem[]) {
  const claim = textOf(review.claimReviewed);
  const reviewRating = objectOf(review.reviewRating) ?? {};
  const label = textOf(reviewRating.alternateName) || textOf(reviewRating.name);
  const rating =
    ratingFromVerdict(label) ??
    ratingFromScale(reviewRating.ratingValue, reviewRating.worstRating ?? 1, reviewRating.bestRating ?? 5);
  if (!rating) {
    problems.push({
      where: `${where}.reviewRating`,
      what: label
        ? `verdict ${JSON.stringify(label.slice(0, 60))} is not one Saring knows, and there is no ratingValue on a scale`
        : 'has neither a verdict (alternateName) nor a ratingValue on a scale',
    });
    return undefined;
  }
  const url = textOf(review.url) || textOf(review['@id']).replace(/#.*$/, '');
  const datePublished = textOf(review.datePublished);
  const published = parseFactCheckDate(datePublished);
  if (datePublished && !published) {
    problems.push({
      where: `${where}.datePublished`,
      what: `not a date: ${JSON.stringify(datePublished.slice(0, 40))}`,
    });
    return undefined;
  }
  const reviewed = objectOf(review.itemReviewed) ?? {};
  const appearanceUrls = [...manyOf(reviewed.appearance), ...manyOf(reviewed.firstAppearance)]
    .map((appearance) => textOf(objectOf(appearance)?.url ?? appearance))
    .filter(Boolean);
  const language = objectOf(review.inLanguage);
  return withoutEmpty({
    id: textOf(review.identifier) || deriveItemId(url, claim),
    claim,
    rating,
    label: label && fitText(label, LIMITS.label),
    url,
    published,
    summary: fitText(textOf(review.description), LIMITS.summary),
    appearances: appearancesOf(appearanceUrls, `${where}.appearances`, problems),
    language: language ? textOf(language.alternateName) : textOf(review.inLanguage),
  });
}

/** schema.org ClaimReview JSON-LD to candidate items; `author` of the first review is the publisher. */
export function importClaimReview(json: unknown): ImportedItems {
  const problems: ListProblem[] = [];
  const reviews = findClaimReviews(json);
  const entries = reviews.flatMap((review, index) => {
    const where = `ClaimReview[${index}]`;
    const item = reviewToItem(review, where, problems);
    return item ? [{ where, item }] : [];
  });
  const publisher = reviews.map((review) => publisherOf(review.author)).find(Boolean);
  return { format: 'claimreview', entries, problems, keySeparator: '.', ...(publisher ? { publisher } : {}) };
}
