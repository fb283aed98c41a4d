export { FRAMEWORK_CATALOGS, resolveFrameworkId } from './frameworks.ts';
export { SCANNER_CATALOGS, allScannerRules, normalizeIdentifier, resolveScannerId } from './scanners.ts';
export type { FrameworkCatalog, FrameworkEntry, ScannerCatalog, ScannerRule } from './types.ts';
