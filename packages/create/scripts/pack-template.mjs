// @ts-check
// prepack: copies the starter's tracked files into template/, so the published package carries
// them. postpack (--clean): removes template/ again, so that in the monorepo the command keeps
// reading ../../starter directly.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { packTemplate, PACKAGE_DIR } from '../src/template.mjs';

const templateDir = join(PACKAGE_DIR, 'template');
if (process.argv.includes('--clean')) {
  rmSync(templateDir, { recursive: true, force: true });
} else {
  const files = packTemplate(join(PACKAGE_DIR, '../../starter'), templateDir);
  console.log(`create-openoutreach: packed ${files.length} files of starter/ into template/.`);
}
