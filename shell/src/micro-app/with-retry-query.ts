/**
 * import-html-entry caches fetches per URL, failed ones included, so a retry must
 * ask for different URLs. Attempt 0 keeps the URL as is (immutable caching works).
 */
export function withRetryQuery(url: string, attempt: number): string {
  if (attempt === 0) return url;
  return `${url}${url.includes('?') ? '&' : '?'}retry=${attempt}`;
}
