import { cumulativeWeights, pickWeighted } from '../random/distributions.js';
import type { RandomSource } from '../random/random-source.js';

/** The shop's catalogue; earlier products sell more often. */
export const PRODUCT_NAMES = [
  'Everyday Canvas Tote', 'Merino Crew Socks', 'Linen Button-Down Shirt', 'Organic Cotton Tee',
  'Waxed Canvas Backpack', 'Wool Beanie', 'Leather Card Wallet', 'Ceramic Pour-Over Set',
  'Stoneware Mug', 'Cedar Candle', 'Recycled Fleece Pullover', 'Trail Running Cap',
  'Insulated Water Bottle', 'Packable Rain Shell', 'Corduroy Overshirt', 'Selvedge Denim Jeans',
  'Cashmere Scarf', 'Canvas Sneakers', 'Gift Card', 'Travel Dopp Kit',
] as const;

const PRODUCT_WEIGHTS = cumulativeWeights(PRODUCT_NAMES.map((_, rank) => 1 / (rank + 2)));

/** Number of distinct items in an order: mostly one or two, rarely up to six. */
export function drawItemCount(random: RandomSource): number {
  let count = 1;
  while (count < 6 && random.next() < 0.42) count += 1;
  return count;
}

/** `count` distinct product names, by popularity. */
export function drawItemNames(random: RandomSource, count: number): string[] {
  const names: string[] = [];
  while (names.length < count) {
    const name = PRODUCT_NAMES[pickWeighted(random, PRODUCT_WEIGHTS)] ?? PRODUCT_NAMES[0];
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** Typical price of each product in {@link PRODUCT_NAMES}, to split an order's value over its items. */
export const PRODUCT_PRICES = [48, 18, 78, 32, 128, 36, 45, 56, 24, 28, 88, 30, 34, 110, 92, 118, 140, 84, 50, 42] as const;

/** `count` distinct product numbers (indexes into {@link PRODUCT_NAMES}), by popularity. */
export function drawItemIndexes(random: RandomSource, count: number): number[] {
  const indexes: number[] = [];
  while (indexes.length < count) {
    const index = pickWeighted(random, PRODUCT_WEIGHTS);
    if (!indexes.includes(index)) indexes.push(index);
  }
  return indexes;
}
