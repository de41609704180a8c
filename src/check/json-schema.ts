import { z } from 'zod';
import { ConfigSchema } from './config.js';

/** The JSON Schema of the config file, as shipped in schema/ (draft-07: what editors understand best). */
export function configJsonSchemaText(): string {
  const schema = z.toJSONSchema(ConfigSchema, { target: 'draft-7', io: 'input' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
