// Errors the models raise. They carry a stable code so the server can map them to HTTP
// statuses (400 bad input, 422 valid but unanswerable) without parsing messages.

export type ModelErrorCode = 'INVALID_INPUT' | 'UNKNOWN_ID' | 'NO_PUBLISHED_LOAD' | 'UNANSWERABLE';

export class ModelError extends Error {
  readonly code: ModelErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ModelErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ModelError';
    this.code = code;
    this.details = details;
  }
}

/** Bad input that names its field and value: `Invalid lat: 123 (must be -90..90)`. */
export function invalidInput(field: string, value: unknown, why: string): ModelError {
  return new ModelError('INVALID_INPUT', `Invalid ${field}: ${JSON.stringify(value)} (${why})`, {
    field,
    value,
  });
}
