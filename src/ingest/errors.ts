/**
 * An input that cannot be read: the message is one line, meant for
 * `corroborate: skipped <input>: <message>`.
 */
export type IngestErrorCode =
  | 'empty' | 'binary' | 'invalid_utf8' | 'too_large' | 'no_article' | 'not_found'
  | 'unreadable' | 'bad_json' | 'bad_record';

export class IngestError extends Error {
  readonly code: IngestErrorCode;
  constructor(code: IngestErrorCode, message: string) {
    super(message.replace(/\s*\n\s*/g, ' '));
    this.name = 'IngestError';
    this.code = code;
  }
}

export function isIngestError(e: unknown): e is IngestError {
  return e instanceof Error && (e as IngestError).name === 'IngestError' && typeof (e as IngestError).code === 'string';
}
