/**
 * The page's entry, kept small: it asks the backend for the design first, so the backend reads and
 * checks a large design while the app's code (mount.tsx and all it imports, its own chunk) downloads and starts.
 */
import { requestInitialDesign } from './api/initial-design.js';

requestInitialDesign();
void import('./mount.js');
