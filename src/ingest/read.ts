/**
 * From raw input to the normalised text the extractors see (STUB: being written).
 */
import type { ReportInput } from '../model/index.js';

export interface ReadReport {
  text: string;
  title: string | null;
  published: string | null;
  language: string;
  warnings: string[];
}

export function readReport(input: ReportInput): ReadReport {
  return { text: input.text.normalize('NFC'), title: input.title ?? null, published: input.published ?? null, language: 'en', warnings: [] };
}
