// Page 1: the scenario's name, the campus, the date and the verdict in one sentence.
import { COLOR, CONTENT_WIDTH, PAGE, newPage, write, type Report } from './layout.ts';
import { dateLong, latLon, mw, pct } from './format.ts';
import { designNameOf, deploymentTitle, type ReportInput } from './input.ts';
import { verdictSentence } from './verdict.ts';

export function titlePage(r: Report, input: ReportInput): void {
  newPage(r);
  const { doc } = r;
  const { result, campus } = input;
  doc.rect(0, 0, PAGE.width, 8).fill(COLOR.supply);
  write(r, 'SMR campus siting report', { x: PAGE.left, y: 120 }, { size: 11, color: COLOR.muted });
  write(r, input.name, { x: PAGE.left, y: 142 }, { size: 24, bold: true, width: CONTENT_WIDTH });
  doc.moveDown(0.8);
  const campusLine = `Campus: ${campus.name}${campus.state ? `, ${campus.state}` : ''} (${latLon(campus.lat, campus.lon)})`;
  write(r, campusLine, { x: PAGE.left, y: doc.y }, { size: 11, width: CONTENT_WIDTH });
  doc.moveDown(0.3);
  write(
    r,
    `Study year ${result.year} · generated ${dateLong(input.generatedAt)}`,
    { x: PAGE.left, y: doc.y },
    { size: 10, color: COLOR.muted },
  );
  doc.moveDown(2);

  const y = doc.y;
  const verdict = verdictSentence({
    campusName: campus.name,
    result,
    designName: designNameOf(input.designs),
    siteNames: input.siteNames,
  });
  doc.font('bold').fontSize(13);
  const h = doc.heightOfString(verdict, { width: CONTENT_WIDTH - 28, lineGap: 3 });
  doc.rect(PAGE.left, y, CONTENT_WIDTH, h + 40).fill('#eaf2fb');
  doc.rect(PAGE.left, y, 4, h + 40).fill(COLOR.supply);
  write(r, 'Verdict', { x: PAGE.left + 14, y: y + 10 }, { size: 8, color: COLOR.muted });
  write(
    r,
    verdict,
    { x: PAGE.left + 14, y: y + 24 },
    { size: 13, bold: true, width: CONTENT_WIDTH - 28, lineGap: 3 },
  );
  doc.y = y + h + 56;

  const lines = [
    `Reactors alone serve ${pct(result.coverage.servedEnergyFraction)} of the energy (P05 across trials ${pct(result.coverage.servedEnergyFractionP05)}); with backup and grid ${pct(result.afterBackup.servedEnergyFraction)}.`,
    `Campus peak ${mw(result.demand.peakMw)} against ${mw(result.supply.nameplateMw)} nameplate and ${mw(result.coverage.firmCapacityMw)} firm at the target reliability.`,
    ...result.deployments.map((_, i) => deploymentTitle(input, i)),
  ];
  for (const line of lines) {
    write(r, line, { x: PAGE.left, y: doc.y }, { size: 10, width: CONTENT_WIDTH, lineGap: 2 });
    doc.moveDown(0.4);
  }
  write(
    r,
    'A screening-level planning study. Every figure is computed by the open-source SMR campus planner from the data and assumptions listed in "Assumptions and sources"; it is not a licensing, engineering or investment analysis.',
    { x: PAGE.left, y: PAGE.height - 150 },
    { size: 8.5, color: COLOR.muted, width: CONTENT_WIDTH, lineGap: 1.5 },
  );
}
