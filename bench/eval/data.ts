/**
 * Locating and streaming the evaluation data in ../shared/eval (never shipped with the project).
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import path from 'node:path';

/** The evaluation folder: $CORROBORATE_EVAL_DIR or ../shared/eval relative to the working directory. */
export function evalDir(): string {
  return process.env.CORROBORATE_EVAL_DIR ?? path.resolve(process.cwd(), '../shared/eval');
}

/** The path of a dataset file, or null (with a message) when the evaluation data is absent. */
export function evalFile(dataset: string, file: string): string | null {
  const p = path.join(evalDir(), dataset, file);
  if (!existsSync(p)) {
    console.log(`skipped ${dataset}: ${p} not found (the evaluation data lives in ../shared/eval; set CORROBORATE_EVAL_DIR to point elsewhere)`);
    return null;
  }
  return p;
}

export async function* readJsonl<T>(file: string): AsyncGenerator<T> {
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) if (line.trim()) yield JSON.parse(line) as T;
}

export function pct(x: number): string { return (100 * x).toFixed(1); }

export function prf(tp: number, nPred: number, nGold: number): { p: number; r: number; f: number } {
  const p = nPred ? tp / nPred : 0, r = nGold ? tp / nGold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}
