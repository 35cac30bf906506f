import { existsSync, readFileSync } from 'node:fs';
import { problemsFromZodError } from '@openoutreach/core';
import { parse } from 'yaml';
import type { z } from 'zod';
import { FleetError } from './fleet-error.ts';

/** Reads a YAML file the fleet tool is given, or throws a FleetError saying what to do. */
export function readYaml(file: string, what: string, example: string): unknown {
  if (!existsSync(file)) throw new FleetError(`There is no ${what} at ${file}: name an existing file. ${example}`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new FleetError(`The ${what} ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): name a readable file.`);
  }
  try {
    return parse(text, { prettyErrors: true });
  } catch (error) {
    const first = (error as Error).message.split('\n')[0];
    throw new FleetError(`${file} is not valid YAML: ${first} — correct the line it names (indent with spaces, quote values holding a colon).`);
  }
}

/** One line per problem zod found: `file: field: what is wrong — the fix`. */
export function schemaProblems(error: z.ZodError, schema: z.core.$ZodType, file: string, input: unknown, where: string, example: string): string {
  if (input === null || typeof input !== 'object') return `${file}: the ${where} is empty or not what it should be. ${example}`;
  return problemsFromZodError(error, schema, file, input, where)
    .map((problem) => {
      // zod's messages for a field name it already (`"sites[0].name" (the site's name): …`).
      const named = !problem.field || problem.message.includes(`"${problem.field}"`);
      return `${problem.file}: ${named ? '' : `${problem.field}: `}${problem.message} — ${problem.fix}`;
    })
    .join('\n');
}
