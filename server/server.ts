// Starts the planner: validated configuration, the app, listen, and a graceful close on
// SIGINT/SIGTERM: new requests answer 503 SHUTTING_DOWN, idle keep-alive sockets close, in-flight
// requests finish, then the workers and the database close and the process exits 0. Past
// SHUTDOWN_DRAIN_MS the remaining connections are cut and it exits 1.
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
    computeLimits: config.computeLimits,
    jobsWorker: config.jobsWorker,
  });

  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal, drainMs: config.shutdownDrainMs }, 'closing');
    app.drain.draining = true;
    const timer = setTimeout(() => {
      app.log.warn('drain time over: closing the remaining connections');
      app.server.closeAllConnections();
      process.exit(1);
    }, config.shutdownDrainMs).unref();
    // Stops accepting, closes idle sockets, waits for in-flight requests, then the onClose hooks.
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
