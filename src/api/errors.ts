/**
 * Errors as the API sends them: `{ error: { status, code, message } }`, with a message a person
 * can act on. Handlers throw `HttpError`; the server's error handler turns everything else
 * (validation, body limits, content types, bugs) into the same shape.
 */
export type ErrorCode =
  | 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'payload_too_large'
  | 'unsupported_media_type' | 'not_implemented' | 'internal';

export class HttpError extends Error {
  constructor(readonly status: number, readonly code: ErrorCode, message: string) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string) => new HttpError(400, 'bad_request', message);
export const notFound = (message: string) => new HttpError(404, 'not_found', message);

export interface ErrorBody {
  error: { status: number; code: string; message: string };
}

export function errorBody(status: number, code: string, message: string): ErrorBody {
  return { error: { status, code, message } };
}
