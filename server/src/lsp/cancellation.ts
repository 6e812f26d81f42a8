import { LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { CancelledError } from '../core';

/** A request the client cancelled ends with the protocol's error, not a half answer. */
export function protocolError(error: unknown): unknown {
  return error instanceof CancelledError ? new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled') : error;
}

/** The answer, or the protocol's error for a cancelled request. */
export function guard<T>(answer: () => T): T {
  try {
    return answer();
  } catch (error) {
    throw protocolError(error);
  }
}

/** The answer of an asynchronous request, or the protocol's error for a cancelled one. */
export async function guardAsync<T>(answer: () => Promise<T>): Promise<T> {
  try {
    return await answer();
  } catch (error) {
    throw protocolError(error);
  }
}
