import { z } from 'zod';
import { format } from './common.ts';

export const CountryItem = z.object({
  code: z.string(),
  name: z.string(),
  localName: z.string().optional(),
  names: z.record(z.string(), z.string()),
});
export const CountryListResponse = z.object({ items: z.array(CountryItem) });
export type CountryItem = z.infer<typeof CountryItem>;

export const ProvinceItem = z.object({
  code: z.string(),
  countryCode: z.string(),
  name: z.string(),
});
export const ProvinceListResponse = z.object({ items: z.array(ProvinceItem) });
export type ProvinceItem = z.infer<typeof ProvinceItem>;
export const CountryParams = z.object({
  code: z.string().regex(format(/^[A-Z]{2}$/, 'country'), 'must be an ISO 3166-1 alpha-2 code'),
});
