/** Only same-site paths may be a post-login destination; anything else (//evil, https://…) goes home. */
export function safeNextPath(next: string | null | undefined, fallback = '/home'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/login')) return fallback;
  return next;
}
