/**
 * The identifiers a concept page names as explained there, without the spellings search already
 * folds together: "SYS_ADMIN" goes when "CAP_SYS_ADMIN" is listed (both still find the page).
 */
export function displayedIdentifiers(identifiers: readonly string[]): string[] {
  const listed = new Set(identifiers);
  return identifiers.filter((identifier, index) => !listed.has(`CAP_${identifier}`) && identifiers.indexOf(identifier) === index);
}

/** Up to this many chips show at once; a longer list folds into a disclosure. */
export const VISIBLE_CHIPS = 8;
