/** Process entry of the CLI in the repository: bin/bulkhead.mjs imports this. The npm package starts from package-entry.ts. */
import { main } from './main.ts';
import { runProcess } from './process.ts';

await runProcess((io) => main(io));
