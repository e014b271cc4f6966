/**
 * A quick loop for working on the decision model: the realistic set's figures without writing
 * lib/match/fitted.ts. By default by cross-validation on the fit half (5 folds by claim, the rest
 * of the fit rows always in training), so nothing is tuned on the held-out half; `--held-out`
 * fits on every fit row and reports the held-out half, to be looked at only when reporting.
 * Figures are close to eval.ts's, not the same: "right" here is an expected item among the first
 * MAX_FACT_CHECKS candidates, not among the fact-checks the prompt shows.
 * Run: npx tsx tests/eval/experiment.ts [--held-out] [--list] (--list prints the negatives asked and the hoax posts missed)
 */
import { LIKELY_THRESHOLD } from '../../lib/core/verdict';
import { decideAmong, onCommonScale, thresholdsFor } from '../../lib/match/index';
import { collectRows, fitModels, foldOf, realisticRows, tierOfScore, type Row } from './fit-models';
import { splitOf } from './realistic-set';

const FOLDS = 5;

type Judged = Row & { tier: 'confident' | 'likely' | 'none'; common: number };


function judge(rows: readonly Row[], models: ReturnType<typeof fitModels>): Judged[] {
  return rows.map((row) => {
    const { input, score } = decideAmong(row.inputs, models.weights, models.thresholds);
    return { ...row, tier: tierOfScore(input, score, models.thresholds), common: onCommonScale(score, thresholdsFor(input, models.thresholds)) };
  });
}

const pct = (part: number, n: number) => `${((100 * part) / Math.max(n, 1)).toFixed(1)}%`;

function report(judged: readonly Judged[], label: string): void {
  const hoax = (set: string) => judged.filter((row) => row.set === set);
  const line = (name: string, rows: readonly Judged[]) => {
    const right = rows.filter((row) => row.y === 1 && row.tier !== 'none').length;
    const confident = rows.filter((row) => row.y === 1 && row.tier === 'confident').length;
    const asked = rows.filter((row) => row.tier !== 'none').length;
    return `${name} ${pct(right, rows.length)} right and asked (confident ${pct(confident, rows.length)}; asked ${pct(asked, rows.length)}; right in top 3 ${pct(rows.filter((row) => row.y === 1).length, rows.length)}; n ${rows.length})`;
  };
  console.log(`${label}`);
  console.log(`  ${line('Indonesian hoax', hoax('hoax-id'))}`);
  console.log(`  ${line('English hoax   ', hoax('hoax-en'))}`);
  const negatives = judged.filter((row) => row.group === 'hard-negative');
  const asked = (rows: readonly Judged[]) => `${pct(rows.filter((row) => row.tier !== 'none').length, rows.length)} of ${rows.length}`;
  const categories = [...new Set(negatives.map((row) => row.set.split(' ')[2]!))].sort();
  console.log(
    `  hard negatives asked ${asked(negatives)} (id ${asked(negatives.filter((row) => row.set.startsWith('neg id')))}, en ${asked(negatives.filter((row) => row.set.startsWith('neg en')))}); ` +
      categories.map((category) => `${category} ${asked(negatives.filter((row) => row.set.endsWith(` ${category}`)))}`).join(', '),
  );
  // How separable each language is, whatever the thresholds: right hoax posts above the cut that asks a share of its negatives.
  for (const [lang, set] of [['id', 'hoax-id'], ['en', 'hoax-en']] as const) {
    const negativeScores = negatives.filter((row) => row.set.startsWith(`neg ${lang}`)).map((row) => row.common).sort((a, b) => b - a);
    const positives = hoax(set);
    const at = (rate: number) => {
      const cut = negativeScores[Math.floor(rate * negativeScores.length)] ?? 0;
      return `${pct(positives.filter((row) => row.y === 1 && row.common > cut).length, positives.length)} at ${pct(rate * negativeScores.length, negativeScores.length)}`;
    };
    console.log(`  ${lang}: right above the cut asking a share of its negatives: ${[0, 0.03, 0.06, 0.1].map(at).join(', ')}`);
  }
  if (process.argv.includes('--list')) {
    for (const row of negatives.filter((row) => row.tier !== 'none')) console.log(`    asked ${row.set} ${row.key}: ${row.text}`);
    for (const row of judged.filter((row) => row.group === 'realistic-hoax' && row.tier === 'none')) {
      console.log(`    missed ${row.set} (${row.y ? 'right item ranked' : 'right item not ranked'}, ${(row.common / LIKELY_THRESHOLD).toFixed(2)} of the likely threshold): ${row.text}`);
    }
  }
}

function main(): void {
  const started = Date.now();
  const rows = collectRows();
  console.log(`${rows.length} fit rows in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const isRealistic = (row: Row) => row.group === 'realistic-hoax' || row.group === 'hard-negative';
  if (process.argv.includes('--held-out')) {
    const models = fitModels(rows);
    const heldOut = realisticRows('held-out');
    if (heldOut.some((row) => splitOf(row.key) !== 'held-out')) throw new Error('a held-out row keyed into the fit half');
    const ordinary = judge(
      rows.filter((row) => row.group === 'ordinary'),
      models,
    );
    console.log(`ordinary fit rows asked: ${pct(ordinary.filter((row) => row.tier !== 'none').length, ordinary.length)}`);
    report(judge(heldOut, models), 'held-out half (fitted on every fit row)');
  } else {
    const judged: Judged[] = [];
    for (let fold = 0; fold < FOLDS; fold++) {
      const models = fitModels(rows.filter((row) => !isRealistic(row) || foldOf(row.key, FOLDS, 'fold') !== fold));
      judged.push(
        ...judge(
          rows.filter((row) => isRealistic(row) && foldOf(row.key, FOLDS, 'fold') === fold && row.set !== 'hoax-id (claims)'),
          models,
        ),
      );
    }
    report(judged, `fit half by ${FOLDS}-fold cross-validation (folds by claim)`);
  }
  console.log(`${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main();
