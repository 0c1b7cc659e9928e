// Graceful shutdown's answers (server.ts): once draining, a new request answers 503
// SHUTTING_DOWN with Retry-After in the standard shape (Fastify's own closing 503 has another
// body, so app.ts turns it off), and every response closes its keep-alive connection, so the
// server's sockets end as their in-flight requests do.
import type { FastifyInstance } from 'fastify';
import { sendShed, ShedError } from './shed.ts';

export interface Drain {
  draining: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    drain: Drain;
  }
}

export function registerDrain(app: FastifyInstance): void {
  const drain: Drain = { draining: false };
  app.decorate('drain', drain);
  app.addHook('onRequest', async (_request, reply) => {
    if (!drain.draining) return;
    reply.header('connection', 'close');
    return sendShed(
      reply,
      new ShedError('SHUTTING_DOWN', 'The server is shutting down; retry in a moment.', 5),
    );
  });
  app.addHook('onSend', async (_request, reply) => {
    if (drain.draining) reply.header('connection', 'close');
  });
}
