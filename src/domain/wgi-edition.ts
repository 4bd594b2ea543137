/**
 * Which WGI edition a year's estimates come from in the shipped data (data/wgi): the 2023 update
 * for 2010–2022 (the vintage the EU 2023 study used), the 2024 update for 2023 and for 1996–2009.
 *
 * @example wgiEdition(2023) // "2024 update"; wgiEdition(2019) // "2023 update"
 */
export function wgiEdition(year: number): string {
  return year >= 2010 && year <= 2022 ? "2023 update" : "2024 update";
}
