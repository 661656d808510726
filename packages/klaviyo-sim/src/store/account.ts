import { createRandomSource } from '../random/random-source.js';
import { shortId } from './ids.js';
import type { ResolvedStoreOptions, SimAccount } from './types.js';

interface Brand {
  name: string;
  slug: string;
  industry: string;
  address1: string;
  city: string;
  region: string;
  zip: string;
}

const BRANDS: readonly Brand[] = [
  { name: 'Juniper & Oak', slug: 'juniperandoak', industry: 'Apparel / Accessories', address1: '125 Summer Street', city: 'Boston', region: 'MA', zip: '02110' },
  { name: 'Copper Kettle Coffee', slug: 'copperkettle', industry: 'Food & Beverage', address1: '88 Pike Street', city: 'Seattle', region: 'WA', zip: '98101' },
  { name: 'Lumen Skincare', slug: 'lumenskin', industry: 'Health & Beauty', address1: '410 Congress Avenue', city: 'Austin', region: 'TX', zip: '78701' },
  { name: 'Northwind Outfitters', slug: 'northwind', industry: 'Sporting Goods', address1: '2 Canal Street', city: 'Portland', region: 'ME', zip: '04101' },
  { name: 'Harbor & Pine Home', slug: 'harborpine', industry: 'Home & Garden', address1: '77 Water Street', city: 'Brooklyn', region: 'NY', zip: '11201' },
];

/** Builds the account, a pure function of the options (the seed picks the brand and the id). */
export function createAccount(options: ResolvedStoreOptions): SimAccount {
  const random = createRandomSource(options.seed, 'account');
  const brand = BRANDS[random.nextInt(BRANDS.length)] ?? (BRANDS[0] as Brand);
  const id = shortId(options.seed, 'account');
  return {
    id,
    test_account: false,
    contact_information: {
      default_sender_name: brand.name,
      default_sender_email: `hello@${brand.slug}.example`,
      website_url: `https://www.${brand.slug}.example`,
      organization_name: brand.name,
      street_address: {
        address1: brand.address1,
        address2: null,
        city: brand.city,
        region: brand.region,
        country: 'US',
        zip: brand.zip,
      },
    },
    industry: brand.industry,
    timezone: options.timezone,
    preferred_currency: options.currency,
    // Klaviyo's public API key is the six-character site id.
    public_api_key: id,
    locale: 'en-US',
  };
}
