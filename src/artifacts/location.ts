/** A step into a parsed document: a mapping key or a sequence index. */
export type PathSegment = string | number;

/** 1-based, as editors, SARIF and GitHub annotations count. */
export interface Position {
  line: number;
  column: number;
}
