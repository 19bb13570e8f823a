import { benchImport } from './import.js';

/** `npm run bench`: every benchmark, each printing our figure beside a baseline from the same run. */
const only = process.argv[2];
if (only === undefined || only === 'import') await benchImport();
