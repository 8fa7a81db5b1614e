import { indexDesign, type DesignIndex } from '../model/index-of.js';
import type { Design } from '../model/schema.js';

const cache = new WeakMap<Design, DesignIndex>();

/** The element index of a design, built once per design object (designs are never mutated). */
export function indexOf(design: Design): DesignIndex {
  let index = cache.get(design);
  if (!index) {
    index = indexDesign(design);
    cache.set(design, index);
  }
  return index;
}
