/**
 * Answers a batch in the caller's order, each id once, leaving out ids that found nothing
 * (unknown, or another tenant's). Ids compare case-insensitively, as UUIDs do.
 */
export function inRequestOrder<T extends { id: string }>(ids: string[], found: T[]): T[] {
  const byId = new Map(found.map((item) => [item.id.toLowerCase(), item]));
  return [...new Set(ids.map((id) => id.toLowerCase()))]
    .map((id) => byId.get(id))
    .filter((item): item is T => item !== undefined);
}
