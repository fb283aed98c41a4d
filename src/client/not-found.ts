/** The last segment of a path, decoded when it can be: "%E0%A4%A" is not valid percent-encoding and stays as typed. */
export function missingSegment(pathname: string): string {
  const segment = pathname.split('/').filter(Boolean).at(-1) ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The lower-case form of a path worth trying, or undefined when the path already is lower case. */
export function lowerCaseCandidate(pathname: string): string | undefined {
  const lower = pathname.toLowerCase();
  return lower !== pathname ? lower : undefined;
}
