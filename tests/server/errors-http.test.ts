// Errors Node's HTTP parser raises before Fastify routes anything (malformed request line,
// headers too large) answer the standard error shape too (issue 12). Listens on loopback.
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../helpers/app.ts';

function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('utf8')));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('HTTP parser errors', () => {
  let app: FastifyInstance;
  let port: number;
  beforeAll(async () => {
    app = await testApp({ evaluationWorkers: 0 });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app?.close();
  });

  const bodyOf = (response: string) => JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4));

  it('answers a malformed request line with a standard 400', async () => {
    const response = await raw(port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(response).toMatch(/^HTTP\/1\.1 400 /);
    expect(bodyOf(response)).toEqual({
      error: { code: 'BAD_REQUEST', message: 'The request is not valid HTTP' },
    });
  });

  it('answers headers too large with a standard 431', async () => {
    const response = await raw(
      port,
      `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(response).toMatch(/^HTTP\/1\.1 431 /);
    expect(bodyOf(response).error.code).toBe('HEADERS_TOO_LARGE');
  });
});
