// The calendar view of the fleet's outage plan (DESIGN.md "Refuelling (revised)" `schedule`):
// for each calendar year, the October–May season's planned outages of the units online that
// year, with dates. Calendar year Y shows plan year (Y − 2024) mod P; the study year never
// chooses which plan year is simulated (every trial t simulates plan year t mod P).
import { MONTH_START_DAY } from '../calendar.ts';
import { planYearOf, type FleetOutagePlan } from '../supply/plan.ts';
import type { PreparedDeployment, ScheduleYear } from './types.ts';

/** Entries above this are left out of the calendar view (a warning says so). */
export const SCHEDULE_MAX_ENTRIES = 20_000;

const pad = (n: number): string => String(n).padStart(2, '0');

/** ISO date of an hour on year Y's 8,760-hour axis (negative: the year before). */
export function modelDate(year: number, hour: number): string {
  let y = year;
  let day = Math.floor(hour / 24);
  while (day < 0) {
    day += 365;
    y -= 1;
  }
  while (day >= 365) {
    day -= 365;
    y += 1;
  }
  let month = 11;
  while (MONTH_START_DAY[month] > day) month -= 1;
  return `${y}-${pad(month + 1)}-${pad(day - MONTH_START_DAY[month] + 1)}`;
}

export function fleetScheduleByYear(
  plan: FleetOutagePlan,
  deployments: readonly PreparedDeployment[],
  years: readonly number[],
): ScheduleYear[] {
  const out: ScheduleYear[] = [];
  let entries = 0;
  for (const year of years) {
    const planYear = planYearOf(year, plan.periodYears);
    const outages = plan.outages
      .filter((o) => o.planYear === planYear && deployments[o.deployment].codYear <= year)
      .sort((a, b) => a.startHour - b.startHour || a.deployment - b.deployment || a.unit - b.unit)
      .map((o) => ({
        deployment: o.deployment,
        unit: o.unit,
        kind: o.kind,
        start: modelDate(year, o.startHour),
        end: modelDate(year, o.endHour),
      }));
    if (outages.length === 0) continue;
    if (entries + outages.length > SCHEDULE_MAX_ENTRIES) break;
    entries += outages.length;
    out.push({ year, planYear, outages });
  }
  return out;
}
