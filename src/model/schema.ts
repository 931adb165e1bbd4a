/**
 * The vocabulary of corroborate (see DESIGN.md) as runtime schemas and types.
 * Everything else speaks these names; nothing here imports from other folders.
 */
import { z } from 'zod';

/** A span of the report's normalised text: `text.slice(start, end) === span.text` (UTF-16 offsets). */
export const SpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Span = z.infer<typeof SpanSchema>;

export const SOURCE_KINDS = [
  'media', 'organisation', 'government', 'armed_group', 'person', 'anonymous', 'unknown',
] as const;
export const SourceKindSchema = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKindSchema>;

export const SourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  kind: SourceKindSchema,
});
export type Source = z.infer<typeof SourceSchema>;

export const QUOTE_KINDS = ['direct', 'indirect', 'mixed', 'none'] as const;
export const ClaimSchema = z.object({
  id: z.string(),
  source: z.string().nullable(),
  sourceSpan: SpanSchema.nullable(),
  cue: SpanSchema.nullable(),
  content: SpanSchema,
  quote: z.enum(QUOTE_KINDS),
  hedges: z.array(SpanSchema),
  /** The claim this one is nested in (a source quoted inside another source's direct quote). */
  via: z.string().nullable(),
});
export type Claim = z.infer<typeof ClaimSchema>;
export type QuoteKind = Claim['quote'];

export const CitationSchema = z.object({
  /** The source that relies on `to`; "report" for the report's own voice. */
  from: z.string(),
  to: z.string(),
  evidence: SpanSchema,
});
export type Citation = z.infer<typeof CitationSchema>;

export const INCIDENT_TYPES = [
  'killing', 'execution', 'shooting', 'bombing', 'airstrike', 'shelling', 'armed_clash',
  'abduction', 'arrest', 'assault', 'arson', 'other_violence',
] as const;
export const IncidentTypeSchema = z.enum(INCIDENT_TYPES);
export type IncidentType = z.infer<typeof IncidentTypeSchema>;

export const DATE_PRECISIONS = ['day', 'week', 'month', 'year', 'unknown'] as const;
export const IncidentDateSchema = z.object({
  start: z.string().nullable(),
  end: z.string().nullable(),
  precision: z.enum(DATE_PRECISIONS),
  text: z.string().nullable(),
});
export type IncidentDate = z.infer<typeof IncidentDateSchema>;

export const PLACE_PRECISIONS = ['point', 'city', 'admin1', 'country', 'unknown'] as const;
export const LocationSchema = z.object({
  name: z.string().nullable(),
  country: z.string().nullable(),
  admin1: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  precision: z.enum(PLACE_PRECISIONS),
  text: z.string().nullable(),
});
export type Location = z.infer<typeof LocationSchema>;

export const PerpetratorSchema = z.object({
  name: z.string().nullable(),
  group: z.string().nullable(),
  text: z.string(),
});
export type Perpetrator = z.infer<typeof PerpetratorSchema>;

export const VictimSchema = z.object({
  name: z.string().nullable(),
  age: z.number().nullable(),
  gender: z.enum(['male', 'female']).nullable(),
  description: z.string().nullable(),
  text: z.string(),
});
export type Victim = z.infer<typeof VictimSchema>;

/**
 * A count of people as the text bounds it (src/nlp/numbers.ts has the table of expressions).
 * `max: null`: no upper bound is stated ("at least 12", "dozens"); `{min: 0, max: 0}`: nobody.
 * `approximate`: the text gives the figure as an estimate ("about 20", "some 20"), not a bound.
 */
export const CountRangeSchema = z.object({
  min: z.number().int().nonnegative(),
  max: z.number().int().nonnegative().nullable(),
  approximate: z.literal(true).optional(),
}).refine(c => c.max === null || c.min <= c.max, { message: 'min must not exceed max' });
export type CountRange = z.infer<typeof CountRangeSchema>;

export const IncidentMentionSchema = z.object({
  id: z.string(),
  type: IncidentTypeSchema,
  method: z.string().nullable(),
  date: IncidentDateSchema,
  location: LocationSchema,
  perpetrators: z.array(PerpetratorSchema),
  victims: z.array(VictimSchema),
  killed: CountRangeSchema.nullable(),
  injured: CountRangeSchema.nullable(),
  weapons: z.array(z.string()),
  evidence: z.array(SpanSchema),
  claims: z.array(z.string()),
});
export type IncidentMention = z.infer<typeof IncidentMentionSchema>;

export const ReportMetaSchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  language: z.string(),
  text: z.string(),
});
export type ReportMeta = z.infer<typeof ReportMetaSchema>;

/** The output contract of `corroborate extract` for one report. */
export const ExtractionSchema = z.object({
  report: ReportMetaSchema,
  sources: z.array(SourceSchema),
  claims: z.array(ClaimSchema),
  citations: z.array(CitationSchema),
  incidents: z.array(IncidentMentionSchema),
  /** Problems noticed while reading (e.g. language not English); never silent. */
  warnings: z.array(z.string()).optional(),
});
export type Extraction = z.infer<typeof ExtractionSchema>;

/** One input report as it reaches the pipeline (a file, or a JSONL line). */
export const ReportInputSchema = z.object({
  id: z.string().optional(),
  text: z.string(),
  title: z.string().nullable().optional(),
  published: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
  /** 'text' or 'html'; guessed from content when absent. */
  format: z.enum(['text', 'html']).optional(),
});
export type ReportInput = z.infer<typeof ReportInputSchema>;
