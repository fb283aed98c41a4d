/** The last segment of a path, decoded when it can be: "%E0%A4%A" is not valid percent-encoding and stays as typed. */
export function missingSegment(pathname: string): string {
  const segment = pathname.split('/').filter(Boolean).at(-1) ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The lower-case form of a path worth trying, or undefined when the path already is lower case.
 * Only the part after the site's base is the site's own: a copy served under /KB/ keeps it.
 */
export function lowerCaseCandidate(pathname: string, base = '/'): string | undefined {
  const prefix = pathname.startsWith(base) ? base : '';
  const lower = prefix + pathname.slice(prefix.length).toLowerCase();
  return lower !== pathname ? lower : undefined;
}
