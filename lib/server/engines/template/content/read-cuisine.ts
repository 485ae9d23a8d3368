/** The cuisine a prompt names ("ramen", "tapas", "fruits de mer"), read against data/dishes.json. */

import dishes from "../data/dishes.json";

const WORDS = Object.entries(dishes.cuisineWords as Record<string, string[]>);

export function readCuisine(prompt: string): string | null {
  const text = ` ${prompt.toLowerCase().replace(/[^\p{L}\s-]/gu, " ")} `;
  return WORDS.find(([, words]) => words.some((w) => text.includes(` ${w} `) || text.includes(` ${w}s `)))?.[0] ?? null;
}
