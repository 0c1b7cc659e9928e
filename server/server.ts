// Starts the planner: validated configuration, the app, listen, and a graceful close on
// SIGINT/SIGTERM (in-flight requests finish; the database pool closes).
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, publicUrl } from './config.ts';

export async function main(env: Record<string, string | undefined> = process.env): Promise<void> {
  const config = loadConfig(env);
  const app = await buildApp({
    databaseUrl: config.databaseUrl,
    logger: { level: config.logLevel },
    authTokens: config.authTokens,
    allowedHosts: config.allowedHosts,
    rateLimitPerMinute: config.rateLimitPerMinute,
  });

  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'closing');
    const timer = setTimeout(() => process.exit(1), 10_000).unref();
    await app.close();
    clearTimeout(timer);
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // Tests and scripts read this exact line to learn the port.
  console.log(`listening on ${publicUrl(config.host, port)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
