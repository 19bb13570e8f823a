const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06',
  jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads a date as OFAC writes it (`05 Oct 1961`, `Oct 1961`, `1961`) to an ISO partial date
 * whose length is its precision. Returns undefined for anything else, or an impossible day.
 */
export function parseOfacDate(text: string): string | undefined {
  const match = /^(?:(\d{1,2}) )?(?:([A-Za-z]{3})[a-z]*\.? )?(\d{4})$/.exec(text.trim());
  if (match === null) return undefined;
  const [, day, monthName, year] = match;
  if (year === undefined) return undefined;
  if (monthName === undefined) return day === undefined ? year : undefined;
  const month = MONTHS[monthName.toLowerCase()];
  if (month === undefined) return undefined;
  if (day === undefined) return `${year}-${month}`;
  const dayNumber = Number(day);
  if (dayNumber < 1 || dayNumber > daysIn(Number(year), Number(month))) return undefined;
  return `${year}-${month}-${day.padStart(2, '0')}`;
}
