// @ts-nocheck
import { readLanguage } from "../lib/server/engines/template/locale/read-language";
import { analyzePrompt } from "../lib/server/engines/template/prompt/analyze-prompt";
import { readStatedFacts } from "../lib/server/engines/template/prompt/read-stated-facts";
for (const t of process.argv.slice(2)) { const s = analyzePrompt(t); console.log(t, "\n   ", s.lang, s.currencyCode, s.name, "| first:", JSON.stringify(readLanguage(readStatedFacts(t).words)), "| words:", readStatedFacts(t).words); }
