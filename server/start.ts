// `npm start`: build the web app when it is missing or stale (saying so, and how long it took),
// then serve it.
import { ensureWebBuilt } from './build-web.ts';
import { main } from './server.ts';

await ensureWebBuilt((line) => console.log(line));
await main();
