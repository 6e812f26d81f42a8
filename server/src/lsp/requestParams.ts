import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import { GRAPH_REQUEST, NEW_ROLE_REQUEST, type NewRoleParams } from './protocol';

/**
 * What the connection hands a handler registered by method name: the params
 * (spread when they are an array, absent when there are none), then the
 * token.
 */
function split(args: readonly unknown[]): { params: unknown[]; token: CancellationToken } {
  return { params: args.slice(0, -1), token: args[args.length - 1] as CancellationToken };
}

/** The token of a fleetRoles/graph request; its params, if any, are refused as the protocol's InvalidParams, not met as a TypeError. */
export function graphRequest(args: readonly unknown[]): CancellationToken {
  const { params, token } = split(args);
  if (params.some(p => p !== null)) throw new ResponseError(ErrorCodes.InvalidParams, `${GRAPH_REQUEST} takes no parameters.`);
  return token;
}

/** The params of a fleetRoles/newRole request, checked: a wrong type is the protocol's InvalidParams, with what is expected. */
export function newRoleRequest(args: readonly unknown[]): { params: NewRoleParams; token: CancellationToken } {
  const {
    params: [p],
    token,
  } = split(args);
  const record = typeof p === 'object' && p !== null && !Array.isArray(p) ? (p as Record<string, unknown>) : undefined;
  const name = record?.name;
  const near = record?.near;
  if (typeof name !== 'string' || (near !== undefined && typeof near !== 'string')) {
    throw new ResponseError(
      ErrorCodes.InvalidParams,
      `${NEW_ROLE_REQUEST} takes { "name": the new role's name, "near": the URI of a file or folder of its library (optional) }.`,
    );
  }
  return { params: { name, near }, token };
}
