// @ts-nocheck
import nlp from "compromise";
const lex = nlp.model().one.lexicon;
for (const w of ["cat", "dog", "acme", "sunrise", "bluebird", "tree", "pizza", "luna", "iron", "maple", "fox", "horse", "book", "bike", "wine", "craft"]) console.log(w, lex[w]);
