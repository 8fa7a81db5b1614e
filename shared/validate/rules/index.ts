import type { Rule } from '../rule.js';

/** Every design rule, in the order they are listed. */
export const RULES: readonly Rule[] = [];
