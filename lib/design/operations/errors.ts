export type OperationErrorCode = 'not-found' | 'duplicate-id' | 'invalid-operation' | 'invalid-argument';

/** Thrown by operations on input that cannot apply to the design (unknown id, id already used, bad args). */
export class OperationError extends Error {
  readonly code: OperationErrorCode;
  constructor(code: OperationErrorCode, message: string) {
    super(message);
    this.name = 'OperationError';
    this.code = code;
  }
}
