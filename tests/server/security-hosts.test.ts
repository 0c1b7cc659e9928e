// Host allow-list: a page on evil.example that rebinds its DNS name to 127.0.0.1 sends
// `Host: evil.example`, and is refused before any route runs (421, standard error shape).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../server/config.ts';
import {
  defaultAllowedHosts,
  hostAllowed,
  parseAllowedHosts,
} from '../../server/plugins/security.ts';
import { testApp } from '../helpers/app.ts';

describe('the Host allow-list of an app with the defaults', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp({ evaluationWorkers: 0 });
  });
  afterAll(async () => {
    await app.close();
  });

  it.each([
    'localhost',
    'localhost:80',
    'LOCALHOST:3000',
    '127.0.0.1:3000',
    '[::1]:3000',
    'localhost.',
  ])('serves Host: %s', async (host) => {
    const res = await app.inject({ url: '/api/health', headers: { host } });
    expect(res.statusCode).toBe(200);
  });

  it.each([
    'evil.example',
    'evil.example:3000',
    'localhost.evil.example',
    '127.0.0.1.nip.io',
    '10.0.0.7:3000',
  ])('refuses Host: %j with 421 in the standard shape', async (host) => {
    const res = await app.inject({ url: '/api/health', headers: { host } });
    expect(res.statusCode).toBe(421);
    expect(res.json()).toEqual({
      error: { code: 'HOST_NOT_ALLOWED', message: expect.stringContaining('ALLOWED_HOSTS') },
    });
  });

  it('refuses a rebinding host on writes too, before auth or the body are looked at', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/scenarios',
      headers: { host: 'evil.example' },
      payload: { name: 'x' },
    });
    expect(res.statusCode).toBe(421);
    expect(await app.inject({ url: '/api/scenarios' }).then((r) => r.json().scenarios)).toEqual([]);
  });

  it('quotes at most 100 characters of a long Host', async () => {
    const res = await app.inject({ url: '/', headers: { host: `${'a'.repeat(5000)}.example` } });
    expect(res.statusCode).toBe(421);
    expect(res.json().error.message.length).toBeLessThan(200);
  });
});

describe('ALLOWED_HOSTS', () => {
  it('defaults to the listen host and the loopback names, any port', () => {
    expect(loadConfig({}).allowedHosts).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(loadConfig({ HOST: 'planner.lan' }).allowedHosts).toContain('planner.lan');
    expect(loadConfig({ HOST: '::1' }).allowedHosts).toContain('[::1]');
    // A wildcard bind is reached by this machine's addresses, never by a foreign name.
    const wildcard = defaultAllowedHosts('0.0.0.0');
    expect(wildcard).toContain('127.0.0.1');
    expect(wildcard).not.toContain('0.0.0.0');
    expect(hostAllowed(wildcard, 'evil.example')).toBe(false);
  });

  it('takes a list; an entry with a port allows only that port; * allows any', () => {
    const allowed = parseAllowedHosts(' Planner.Example.com , 10.0.0.7:8080,[fd00::1]', '0.0.0.0');
    expect(allowed).toEqual(['planner.example.com', '10.0.0.7:8080', '[fd00::1]']);
    expect(hostAllowed(allowed, 'planner.example.com:443')).toBe(true);
    expect(hostAllowed(allowed, '10.0.0.7:8080')).toBe(true);
    expect(hostAllowed(allowed, '10.0.0.7:3000')).toBe(false);
    expect(hostAllowed(allowed, '[fd00::1]:3000')).toBe(true);
    expect(hostAllowed(allowed, 'localhost')).toBe(false);
    expect(hostAllowed(parseAllowedHosts('*', '127.0.0.1'), 'anything.example')).toBe(true);
  });

  it('stops the start naming a bad entry', () => {
    expect(() => loadConfig({ ALLOWED_HOSTS: 'ok.example,http://bad.example/' })).toThrowError(
      /ALLOWED_HOSTS entry "http:\/\/bad.example\/"/,
    );
    expect(() => loadConfig({ ALLOWED_HOSTS: 'a b' })).toThrowError(/ALLOWED_HOSTS/);
  });

  it('is applied by the app', async () => {
    const app = await testApp({ evaluationWorkers: 0, allowedHosts: ['planner.example.com'] });
    try {
      const ok = await app.inject({ url: '/api/health', headers: { host: 'planner.example.com' } });
      expect(ok.statusCode).toBe(200);
      expect((await app.inject({ url: '/api/health' })).statusCode).toBe(421);
    } finally {
      await app.close();
    }
  });
});
