/** The Unspun engine's public surface. Everything here is pure and DOM-free. */
export { type Analyzer, analyze, applySpans, createAnalyzer } from './analyze';
export { ASSET_PATHS, loadResources, type ReadAsset, type Resources } from './resources';
export { type Token, tokenize } from './tokenize';
export * from './types';
