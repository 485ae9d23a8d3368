/*
 * Issue 21 finding 6: a generated site whose script floods the app (`window.parent`) with junk.
 * The fake model answers it as the site's JavaScript for the `[fake:flood]` scenario.
 *
 * It posts every kind of message the app must refuse whatever its budgets: foreign shapes, unknown
 * types, known types with bad fields (they spend their type's budget before the parse refuses
 * them: a "ready" without an instance among them), "rendered"s for versions never sent and
 * select-mode messages outside select mode. Well-formed claims the budget may let through (a few a
 * second, each a render by design) are left out: what is counted is the cost of the refused. First a loop of FLOOD_BURST messages, then FLOOD_TICK more every few
 * milliseconds for as long as the page is open. What it sent is counted on its body
 * (`data-flooded`), so a test can wait for "the flood went on" as a state.
 */
export const FLOOD_BURST = 30_000;
export const FLOOD_TICK = 200;

export const FLOOD_SCRIPT = `(function () {
  var F = "openv0-preview-frame";
  var sent = 0;
  var kinds = [
    function (n) { return { source: F, v: 1, type: "junk", n: n }; },
    function (n) { return "junk " + n; },
    function () { return null; },
    function (n) { return { source: F, v: 1, type: "rendered", version: 999 + n, scriptRan: true }; },
    function () { return { source: F, v: 1, type: "ready" }; },
    function (n) { return { source: F, v: 1, type: "script-error", message: n }; },
    function () { return { source: F, v: 1, type: "assets-shown", count: "all" }; },
    function () { return { source: F, v: 1, type: "selected", id: "h1a", edit: false }; },
    function () { return { source: F, v: 1, type: "text-edit", id: 7 }; },
    function (n) { return { type: { toString: null }, n: n }; },
  ];
  function burst(count) {
    for (var i = 0; i < count; i++) {
      try { parent.postMessage(kinds[sent % kinds.length](sent), "*"); } catch (e) {}
      sent += 1;
    }
    document.body.setAttribute("data-flooded", String(sent));
  }
  burst(${FLOOD_BURST});
  setInterval(function () { burst(${FLOOD_TICK}); }, 4);
})();`;
