// The part of lunar-javascript (no typings of its own) the holiday tests cross-check against.
declare module "lunar-javascript" {
  interface SolarDate {
    toYmd(): string;
    getLunar(): LunarDate;
  }
  interface LunarDate {
    getDay(): number;
    getSolar(): SolarDate;
  }
  export const Solar: { fromYmd(year: number, month: number, day: number): SolarDate };
  export const Lunar: { fromYmd(year: number, month: number, day: number): LunarDate };
}
