/** Why the core will not do what it was asked (a rename, a new role), in words for the user. */
export type Refusal = { error: string };

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'error' in value;
}
