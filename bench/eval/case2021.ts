/**
 * CASE-2021 dev: the type of each snippet's main incident, mapped to the shared task's labels
 * (ACLED sub-event types). Snippets with no incident are predicted as "NONE", which is right for
 * the non-violent labels only at the coarse level (violent vs not) reported beside.
 */
import { extractReport } from '../../src/extract/index.js';
import type { IncidentType } from '../../src/model/index.js';
import { evalFile, pct, prf, readJsonl } from './data.js';

const TO_LABEL: Record<IncidentType, string> = {
  airstrike: 'AIR_STRIKE', armed_clash: 'ARMED_CLASH', shooting: 'ATTACK', killing: 'ATTACK', execution: 'ATTACK',
  assault: 'ATTACK', bombing: 'REM_EXPLOS', shelling: 'ART_MISS_ATTACK', abduction: 'ABDUCT_DISSAP', arrest: 'ARREST',
  arson: 'PROPERTY_DISTRUCT', other_violence: 'OTHER',
};
/** Labels that are violent incidents in corroborate's sense. */
const VIOLENT = new Set(['AIR_STRIKE', 'ARMED_CLASH', 'ATTACK', 'SUIC_BOMB', 'GRENADE', 'REM_EXPLOS', 'CHEM_WEAP', 'ART_MISS_ATTACK',
  'ABDUCT_DISSAP', 'SEX_VIOL', 'MOB_VIOL', 'VIOL_DEMONSTR', 'FORCE_AGAINST_PROTEST', 'PROPERTY_DISTRUCT', 'ORG_CRIME']);

export async function evalCase2021(split: string): Promise<void> {
  const file = evalFile('case2021', `${split}.jsonl`);
  if (!file) return;
  const pairs: Array<[string, string]> = [];
  for await (const r of readJsonl<{ id: string; text: string; label: string }>(file)) {
    const x = extractReport({ id: r.id, text: r.text });
    const m = x.incidents[0];
    let pred = m ? TO_LABEL[m.type] : 'NONE';
    if (m?.type === 'bombing' && /suicide/i.test(r.text)) pred = 'SUIC_BOMB';
    if (m?.type === 'bombing' && /grenade/i.test(r.text)) pred = 'GRENADE';
    pairs.push([r.label, pred]);
  }
  const labels = [...new Set(pairs.map(p => p[0]))].sort();
  let weighted = 0, correct = 0;
  for (const l of labels) {
    const tp = pairs.filter(([g, p]) => g === l && p === l).length;
    const nPred = pairs.filter(([, p]) => p === l).length;
    const nGold = pairs.filter(([g]) => g === l).length;
    weighted += prf(tp, nPred, nGold).f * nGold;
    correct += tp;
  }
  const vTp = pairs.filter(([g, p]) => VIOLENT.has(g) && p !== 'NONE').length;
  const vPred = pairs.filter(([, p]) => p !== 'NONE').length;
  const vGold = pairs.filter(([g]) => VIOLENT.has(g)).length;
  const v = prf(vTp, vPred, vGold);
  console.log(`CASE-2021 ${split}: ${pairs.length} snippets`);
  console.log(`incident type (30 labels): accuracy ${pct(correct / pairs.length)}, weighted F1 ${pct(weighted / pairs.length)}   (best shared-task system, all 30 types, weighted F1: 77.1)`);
  console.log(`violent incident detected: P ${pct(v.p)} R ${pct(v.r)} F1 ${pct(v.f)}`);
}
