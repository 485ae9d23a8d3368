// @ts-nocheck
import { findMoney, amountOf } from "../lib/server/engines/template/locale/stated-currency";
console.log(amountOf("1.200,50"), amountOf("1,200.50"), amountOf("12,50"), amountOf("1.200"), amountOf("5"), amountOf("£ 1 200"));
for (const t of ["K9 dog training in Leeds", "call-out fee R450", "€1.200,50", "US$ 20", "20 USD", "the BBC 2 show", "ABC 123 street", "TV 24 hours"]) console.log(t, JSON.stringify(findMoney(t).map(m=>m.amount)));
