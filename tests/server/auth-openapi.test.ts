// The OpenAPI document states the bearer scheme, and which operations need it: every
// operation but the public ones (`config: { public: true }`), which list no security.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../helpers/app.ts';

type Operation = { security?: unknown[]; responses?: Record<string, unknown> };
let app: FastifyInstance;
let paths: Record<string, Record<string, Operation>>;
let doc: { components: { securitySchemes: Record<string, unknown> } };
beforeAll(async () => {
  app = await testApp({ evaluationWorkers: 0 });
  doc = (await app.inject({ url: '/docs/json' })).json();
  paths = (doc as unknown as { paths: typeof paths }).paths;
});
afterAll(async () => {
  await app.close();
});

describe('OpenAPI security', () => {
  it('declares the bearer scheme', () => {
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('asks for the token on every protected operation and documents its 401', () => {
    const protectedOps = [
      ['/api/scenarios', 'get'],
      ['/api/scenarios', 'post'],
      ['/api/scenarios/{id}', 'put'],
      ['/api/scenarios/{id}', 'delete'],
      ['/api/evaluate', 'post'],
      ['/api/report', 'post'],
      ['/api/demand', 'post'],
    ];
    for (const [path, method] of protectedOps) {
      const op = paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(op.security, `${method} ${path}`).toEqual([{ bearerAuth: [] }]);
      expect(op.responses?.['401'], `${method} ${path}`).toBeDefined();
    }
  });

  it('lists no security on the public operations, and every other one is protected', () => {
    const publicPaths = new Set<string>();
    for (const [path, methods] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (op.security?.length === 0) publicPaths.add(`${method} ${path}`);
        else expect(op.security, `${method} ${path}`).toEqual([{ bearerAuth: [] }]);
      }
    }
    expect(publicPaths).toContain('get /api/health');
    expect(publicPaths).toContain('get /api/campuses');
    expect(publicPaths).toContain('get /api/designs/{id}');
    expect(publicPaths).toContain('get /api/places');
    for (const op of publicPaths) expect(op).toMatch(/^get /);
    expect([...publicPaths].some((op) => op.includes('scenarios'))).toBe(false);
  });
});
