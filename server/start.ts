// `npm start`: build the web app when it is missing or stale, then serve it.
import { ensureWebBuilt } from './build-web.ts';
import { main } from './server.ts';

await ensureWebBuilt();
await main();
