// Section 8: what this report is and is not.
import { heading, paragraph, section, type Report } from './layout.ts';

export function disclaimerSection(r: Report): void {
  section(r, 'Disclaimer');
  paragraph(
    r,
    'This report is the output of a screening tool, not a licensing analysis. It ranks and sizes options for planning conversations; it does not show that any site can be licensed, built or financed, nor that any design will perform as its vendor claims.',
    { size: 10 },
  );
  heading(r, 'What a real siting study adds');
  paragraph(
    r,
    'An NRC early site permit or construction permit application needs site-specific geology, seismology (RG 1.208 probabilistic seismic hazard analysis), hydrology and meteorology; a population analysis on current Census data to the sector level (RG 4.7); an emergency planning basis for the chosen design; an environmental review under NEPA; and interconnection studies by the transmission provider. None of these is done here.',
    { size: 9 },
  );
  heading(r, 'Use of the figures');
  paragraph(
    r,
    'Costs are screening estimates; reliability figures come from a Monte Carlo over modelled outages and stated assumptions; population counts come from public datasets with the limits listed above. Check every figure against primary sources before relying on it.',
    { size: 9 },
  );
}
