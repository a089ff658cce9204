/** One field an operation changed, as the Activity screen shows it. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** Fields that identify rather than describe; never shown as a change. */
const IDENTITY_FIELDS = new Set(['id', 'productId', 'warehouseId', 'movementId', 'tenantId']);
/** Most fields one row lists for a create, so a new product does not fill the screen. */
const MAX_CREATED_FIELDS = 3;

function parse(json: string | null | undefined): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * What changed between the JSON before and after an operation: the fields both have whose values
 * differ (an edit, a stock count), or, for a create, the first few plain fields of the new entity.
 */
export function valueChanges(beforeJson: string | null, afterJson: string | null): FieldChange[] {
  const before = parse(beforeJson);
  const after = parse(afterJson);
  if (!after) return [];
  if (!before) {
    return Object.entries(after)
      .filter(([field, value]) => !IDENTITY_FIELDS.has(field) && typeof value !== 'object')
      .slice(0, MAX_CREATED_FIELDS)
      .map(([field, value]) => ({ field, before: '—', after: show(value) }));
  }
  return Object.keys(before)
    .filter((field) => !IDENTITY_FIELDS.has(field) && field in after)
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ field, before: show(before[field]), after: show(after[field]) }));
}
