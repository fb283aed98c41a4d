/** npm run sync:catalogs — copies the reference catalogs from ../shared/data into src/catalogs. */
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const shared = join(import.meta.dirname, '..', '..', 'shared', 'data');
const vendored = join(import.meta.dirname, '..', 'src', 'catalogs');
for (const folder of ['scanners', 'frameworks']) {
  for (const name of readdirSync(join(shared, folder)).filter((file) => file.endsWith('.json'))) {
    copyFileSync(join(shared, folder, name), join(vendored, folder, name));
    console.log(`${folder}/${name}`);
  }
}
