/**
 * The background is the only owner of the engine and its data: assets are loaded once per
 * background lifetime, never per tab, and every surface asks here.
 */
import { type Analyzer, createAnalyzer } from '../core/analyze';
import { loadResources, type ReadAsset } from '../core/resources';

let analyzer: Promise<Analyzer> | null = null;

export function getAnalyzer(read: ReadAsset): Promise<Analyzer> {
  if (!analyzer) {
    analyzer = loadResources(read).then(createAnalyzer);
    // A failed load (e.g. during an update) may succeed on the next request.
    analyzer.catch(() => {
      analyzer = null;
    });
  }
  return analyzer;
}
