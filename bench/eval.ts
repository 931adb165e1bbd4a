/**
 * The evaluation harness: `npm run eval -- gva|polnear|muc4|case2021|cluster|all [--split dev] [--limit N]`.
 * Scores the extractor on ../shared/eval (skips with a message when it is absent).
 */
import { evalGva } from './eval/gva.js';
import { evalMuc4 } from './eval/muc4.js';
import { evalCase2021 } from './eval/case2021.js';
import { evalPolnear } from './eval/polnear.js';
import { evalCluster } from './eval/cluster.js';
import { evalDir } from './eval/data.js';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const dataset = args.find(a => !a.startsWith('--') && !args[args.indexOf(a) - 1]?.startsWith('--')) ?? 'all';
const split = opt('split') ?? 'dev';
const limit = opt('limit') ? Number(opt('limit')) : undefined;
const field = opt('show-errors');

async function main(): Promise<void> {
  const all = dataset === 'all';
  if (all || dataset === 'gva') await evalGva(split, { limit, verbose: !!field, field });
  if (all || dataset === 'polnear') await evalPolnear(split, evalDir());
  if (all || dataset === 'muc4') await evalMuc4(split, { limit });
  if (all || dataset === 'case2021') await evalCase2021(split);
  if (all || dataset === 'cluster') await evalCluster(split);
  if (!['all', 'gva', 'polnear', 'muc4', 'case2021', 'cluster'].includes(dataset)) {
    console.error(`unknown dataset ${dataset}: use gva, polnear, muc4, case2021, cluster or all`);
    process.exitCode = 2;
  }
}
main().catch(e => { console.error(e); process.exitCode = 1; });
