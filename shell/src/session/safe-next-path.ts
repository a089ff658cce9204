/** Where to go after sign-in: only same-origin absolute paths, never '//host' or the sign-in page. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/signin')) {
    return '/';
  }
  return next;
}
