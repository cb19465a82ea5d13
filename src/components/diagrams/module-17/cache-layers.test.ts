import { describe, expect, it } from 'vitest';
import { CACHE_LAYERS, LAYER_SOURCES } from './cache-layers';

describe('the cache layers the diagram and the table draw', () => {
  it('are the five layers of the lesson, in the order a request meets them', () => {
    expect(CACHE_LAYERS.map((l) => l.id)).toEqual(['browser', 'cdn', 'reverse-proxy', 'app-cache', 'buffer-pool']);
  });

  it('never let a layer further along the path cost the user less than one before it', () => {
    for (let i = 1; i < CACHE_LAYERS.length; i++) {
      expect(CACHE_LAYERS[i]!.hitFloorMs).toBeGreaterThanOrEqual(CACHE_LAYERS[i - 1]!.hitFloorMs);
    }
  });

  it('puts the CDN, a nearby location, no later than the reverse proxy at the origin', () => {
    const at = (id: string) => CACHE_LAYERS.findIndex((l) => l.id === id);
    expect(at('cdn')).toBeLessThan(at('reverse-proxy'));
  });

  it('cites at least one source for every layer, and only sources that exist', () => {
    for (const layer of CACHE_LAYERS) {
      expect(layer.sources.length).toBeGreaterThan(0);
      for (const key of layer.sources) expect(LAYER_SOURCES[key].href).toMatch(/^https:\/\//);
    }
  });

  it('gives every layer a short label that fits the diagram', () => {
    for (const layer of CACHE_LAYERS) expect(layer.hitShort.length).toBeLessThanOrEqual(26);
  });
});
