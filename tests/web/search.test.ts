// Search matching and ranking (web/features/search/match.ts), on the real campuses, sites and
// places: campus names (short and full), cities, operators, owners' initials and states find
// what a planner means; campuses always first, then sites, then places and states; short
// queries match word starts only.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Point } from 'geojson';
import {
  buildEntries,
  findEntry,
  initials,
  matchLevel,
  normalize,
  operatorNames,
  rankEntries,
  type SearchEntry,
} from '../../web/features/search/match.ts';
import { dedupePlaces } from '../../models/population.ts';
import { readPlaces } from '../../server/population/index.ts';
import { shortCampusName } from '../../web/map/campus-mw.ts';
import { placeCollection } from '../../server/routes/population.ts';

const read = <P>(file: string) =>
  JSON.parse(readFileSync(`geo-data/${file}`, 'utf8')) as FeatureCollection<Point, P>;
type Props = Record<string, string | undefined> & { id: string; name: string };
const campuses = read<Props>('campuses.geojson');
const sites = read<Props>('sites.geojson');
const places = placeCollection(dedupePlaces(readPlaces()).kept, 10_000);

const entries: SearchEntry[] = buildEntries({
  // As web/features/search/search.ts builds them: the short name shown, the full name a keyword.
  campuses: campuses.features.map((f) => ({
    ...f.properties,
    shortName: shortCampusName(f.properties.name),
    coordinates: f.geometry.coordinates,
  })),
  sites: sites.features.map((f) => ({
    ...f.properties,
    kindLabel: String(f.properties.kind),
    coordinates: f.geometry.coordinates,
  })),
  places: places.features.map((f) => ({ ...f.properties, coordinates: f.geometry.coordinates })),
  states: [
    { code: 'TN', name: 'Tennessee', coordinates: [-86.3, 35.8] },
    { code: 'TX', name: 'Texas', coordinates: [-99, 31] },
  ],
});
const top = (query: string, n = 8) => rankEntries(entries, query, n);
const ids = (query: string, n = 8) => top(query, n).map((e) => `${e.kind}:${e.id}`);

describe('matching', () => {
  it('normalizes accents, case and punctuation', () => {
    expect(normalize('Doña Ana County, NM')).toBe('dona ana county nm');
  });

  it('ranks whole, start, word start and anywhere', () => {
    expect(matchLevel('Memphis', 'memphis')).toBe(4);
    expect(matchLevel('Memphis', 'mem')).toBe(3);
    expect(matchLevel('xAI Colossus', 'colo')).toBe(2);
    expect(matchLevel('Stargate Abilene', 'bilen')).toBe(1);
    // Two letters match only at a word start: "tn" is not inside "Stanton".
    expect(matchLevel('Stanton', 'tn')).toBe(0);
    expect(matchLevel('Stanton Energy', 'en')).toBe(2);
  });

  it('takes the initials of a name of three words or more', () => {
    expect(initials('Tennessee Valley Authority')).toBe('tva');
    expect(initials('Duke Energy')).toBeNull();
  });

  it('splits an operator line into its companies', () => {
    expect(
      operatorNames('Crusoe (builder/operator); Oracle (OCI tenant); OpenAI (end user)'),
    ).toEqual(['Crusoe', 'Oracle', 'OpenAI']);
  });
});

describe('ranking on the bundled data', () => {
  it('Memphis: the Colossus campuses first, then the city of Memphis, TN', () => {
    const found = top('Memphis');
    expect(found[0].kind).toBe('campus');
    expect(found[0].id).toMatch(/colossus/);
    const city = found.find((e) => e.kind === 'place');
    expect(city?.name).toBe('Memphis');
    expect(city?.detail).toContain('TN');
    expect(found.findIndex((e) => e.kind === 'place')).toBeGreaterThan(
      found.map((e) => e.kind).lastIndexOf('campus'),
    );
  });

  it('Abilene: Stargate Abilene first, then the city', () => {
    const found = top('Abilene');
    expect(found[0].id).toBe('stargate-abilene');
    expect(found.some((e) => e.kind === 'place' && e.name === 'Abilene')).toBe(true);
  });

  it('Phoenix finds the city and the TSMC fab near it', () => {
    const found = top('Phoenix');
    expect(found[0].id).toBe('tsmc-arizona');
    expect(found.some((e) => e.kind === 'place' && e.name === 'Phoenix')).toBe(true);
  });

  it('Colossus finds both xAI campuses by name', () => {
    expect(ids('Colossus', 2).every((id) => id.startsWith('campus:xai-colossus'))).toBe(true);
  });

  it('an operator finds its campuses: "Meta", "Vantage"', () => {
    expect(ids('Meta')).toEqual(expect.arrayContaining(['campus:meta-hyperion']));
    expect(top('Vantage').filter((e) => e.kind === 'campus').length).toBeGreaterThanOrEqual(2);
  });

  it('TVA finds TVA sites, by name or by the owner’s initials', () => {
    const found = top('TVA', 20).filter((e) => e.kind === 'site');
    expect(found.length).toBeGreaterThan(1);
    expect(found.map((e) => e.name).join(' ')).toMatch(/TVA|Clinch River/);
  });

  it('Tennessee and TN: its campuses, then its sites, then the state', () => {
    for (const query of ['Tennessee', 'TN']) {
      const found = top(query, 200);
      expect(found[0].kind).toBe('campus');
      expect(found.some((e) => e.kind === 'site')).toBe(true);
      const state = found.findIndex((e) => e.kind === 'state');
      expect(found[state].name).toBe('Tennessee');
      expect(found.slice(0, state).every((e) => e.kind !== 'place')).toBe(true);
    }
  });

  it('always ranks campuses, then sites, then places and states', () => {
    const order = { campus: 0, site: 1, place: 2, state: 2 };
    for (const query of [
      'Memphis',
      'Abilene',
      'Colossus',
      'Phoenix',
      'TN',
      'Texas',
      'Oak',
      'Meta',
    ]) {
      const ranks = top(query, 60).map((e) => order[e.kind]);
      expect(ranks, query).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it('Memphis: the first suggestion is a Colossus campus, both before any site or city', () => {
    const found = top('Memphis');
    expect(found[0].id).toMatch(/^xai-colossus-/);
    expect(
      found
        .slice(0, 2)
        .map((e) => e.id)
        .sort(),
    ).toEqual(['xai-colossus-1', 'xai-colossus-2']);
  });

  it('matches the short name, the full name, the city, the state and the operator', () => {
    // Short name (shown) and full name (a keyword): "Stargate I – Abilene (Crusoe / …)".
    expect(top('Stargate I')[0].id).toBe('stargate-abilene');
    expect(top('Lancium Clean Campus')[0].id).toBe('stargate-abilene');
    expect(top('Whitehaven')[0].id).toBe('xai-colossus-2');
    // City ("Memphis / Southaven"), state, operator ("Crusoe (builder/operator); Oracle …").
    expect(ids('Southaven')).toContain('campus:xai-colossus-2');
    expect(ids('Arizona')).toContain('campus:tsmc-arizona');
    expect(ids('Crusoe')).toContain('campus:stargate-abilene');
    expect(ids('xAI')).toEqual(
      expect.arrayContaining(['campus:xai-colossus-1', 'campus:xai-colossus-2']),
    );
    // The suggestion shows the short name.
    expect(top('Abilene')[0].name).toBe('Stargate I – Abilene');
  });

  it('among cities, a bigger one comes first on an equal match', () => {
    const cities = top('Springfield', 50).filter((e) => e.kind === 'place');
    const populations = cities.map((e) => e.population ?? 0);
    expect(cities.length).toBeGreaterThan(2);
    expect(populations[0]).toBeGreaterThanOrEqual(populations[1]);
  });

  it('finds nothing for nonsense and for an empty query; findEntry is the top match', () => {
    expect(top('zzqx')).toEqual([]);
    expect(top('  ')).toEqual([]);
    expect(findEntry(entries, 'abilene')?.id).toBe('stargate-abilene');
    expect(top('a').length).toBeLessThanOrEqual(8);
  });
});
