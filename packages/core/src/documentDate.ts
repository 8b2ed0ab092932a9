/**
 * Place and date line of an official document, written as Decree 30/2020 prescribes: days below
 * 10 and the months January and February padded with a zero ("ngày 05 tháng 02 năm 2018").
 */

/** "Hà Nội, ngày 05 tháng 3 năm 2018" from a place and an ISO date; blanks left for a draft. */
export function formatPlaceAndDate(
  place: string | undefined,
  isoDate: string | undefined,
  year?: number,
): string {
  const where = place ?? "…";
  if (isoDate === undefined) return `${where}, ngày … tháng … năm ${year ?? "…"}`;
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const day = String(d).padStart(2, "0");
  const month = m <= 2 ? String(m).padStart(2, "0") : String(m);
  return `${where}, ngày ${day} tháng ${month} năm ${y}`;
}
