/** The domains a library knows when its configuration names none. */
export const DEFAULT_DOMAINS: readonly string[] = [
  'business', 'customer-success', 'data', 'delivery', 'design', 'engineering', 'executive', 'finance', 'hr',
  'it', 'legal', 'marketing', 'operations', 'product', 'quality', 'research', 'sales', 'security', 'strategy',
  'support',
];
