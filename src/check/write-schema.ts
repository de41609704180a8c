/**
 * Regenerates schema/f-diagnose.config.schema.json from the zod schema:
 *   npx tsc -p tsconfig.json && node dist/src/check/write-schema.js
 * A test checks that the committed file equals the generated one.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configJsonSchemaText } from './json-schema.js';

const target = fileURLToPath(new URL('../../../schema/f-diagnose.config.schema.json', import.meta.url));
writeFileSync(target, configJsonSchemaText());
console.log(`wrote ${target}`);
