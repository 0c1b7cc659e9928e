// Words for saved scenarios: when each was saved, and what its deployments are.
const TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "2 Jan 2030, 10:04" in the viewer's time zone; the raw text when it is not a date. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : TIME.format(date);
}

/** "4 × xe-100 (2030) + 1 × natrium": the deployments in one line. */
export const deploymentsSummary = (
  deployments: readonly { designId: string; units: number; codYear?: number }[],
  designName: (id: string) => string = (id) => id,
): string =>
  deployments.length === 0
    ? 'none'
    : deployments
        .map((d) => `${d.units} × ${designName(d.designId)}${d.codYear ? ` (${d.codYear})` : ''}`)
        .join(' + ');
