/**
 * npm run build:lab-schema [-- --check] — writes labs/lab.schema.json, the JSON Schema of lab.json,
 * generated from the zod schema the grader and the site validate with (src/labs/schema.ts), so that
 * editors complete and check lab.json through its "$schema" field. With --check (in `npm test`) it
 * fails when the committed copy is out of date.
 */
import { z } from 'zod';
import { LAB_SCHEMA_FILE, LABS_DIR } from '../labs/layout';
import { labMetaSchema } from '../labs/schema';
import { isMain, writeOrCheck } from './generated';

/** The JSON Schema of lab.json, as editors read it (the input side: timeoutMs may be left out). */
export function labJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(labMetaSchema, { io: 'input', target: 'draft-2020-12' }),
    title: 'lab.json: one lab of Queues & Caches',
    description: 'Generated from src/labs/schema.ts by `npm run build:lab-schema`; do not edit.',
  };
}

/** What each lab.json's "$schema" says: the schema file, relative to the lab's folder. */
export const LAB_SCHEMA_REF = `../${LAB_SCHEMA_FILE}`;

if (isMain(import.meta.url)) {
  writeOrCheck(`${LABS_DIR}/${LAB_SCHEMA_FILE}`, `${JSON.stringify(labJsonSchema(), null, 2)}\n`, 'npm run build:lab-schema');
}
