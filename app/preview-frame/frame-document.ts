import { FRAME_MESSAGE_SOURCE, PARENT_MESSAGE_SOURCE, PREVIEW_PROTOCOL_VERSION } from "@/lib/protocol/preview-frame";
import { FORM_GUARD_SCRIPT } from "@/lib/server/site/form-guard";
import { guardScript } from "@/lib/server/site/render-document";
import { assetRuntime } from "./asset-runtime";
import { selectRuntime } from "./select-runtime";

/*
 * The runtime that lives inside the sandboxed preview frame. It is loaded once; every new version
 * of the site arrives by postMessage and is applied in place (style text swapped, body patched with
 * morphdom), so the frame never reloads or flashes. Plain ES2017 because it is served as-is.
 */
const runtime = `(function () {
  "use strict";
  var PARENT = ${JSON.stringify(PARENT_MESSAGE_SOURCE)};
  var FRAME = ${JSON.stringify(FRAME_MESSAGE_SOURCE)};
  var V = ${PREVIEW_PROTOCOL_VERSION};
  var parentWindow = window.parent;
  var style = document.getElementById("openv0-site-style");
  var epoch = null;
  var version = 0;
  var scriptRan = false;
  var instance = Math.random().toString(36).slice(2) + Date.now().toString(36);
${selectRuntime}
${assetRuntime}

  function post(message) {
    message.source = FRAME;
    message.v = V;
    // The parent's origin is not knowable from an opaque origin; it checks event.source instead.
    parentWindow.postMessage(message, "*");
  }

  function isRender(m) {
    return m && m.source === PARENT && m.v === V && m.type === "render" && typeof m.epoch === "string" && typeof m.version === "number" &&
      typeof m.html === "string" && typeof m.css === "string" && typeof m.js === "string" && typeof m.runScript === "boolean" && (m.draft === undefined || typeof m.draft === "boolean");
  }

  function runSiteScript(js) {
    scriptRan = true;
    if (!js.trim()) return;
    var script = document.createElement("script");
    script.textContent = js;
    // In <head>, so later body patches can never remove or re-run it.
    document.head.appendChild(script);
    // The page loaded long ago; replay the load events site scripts commonly wait for.
    document.dispatchEvent(new Event("DOMContentLoaded", { bubbles: true }));
    window.dispatchEvent(new Event("load"));
  }

  function render(m) {
    if (m.epoch !== epoch) {
      // Another turn's site: a script that already ran cannot be undone, so start afresh (the
      // parent re-sends after the new "ready"); otherwise just count versions from zero again.
      if (scriptRan) return location.reload();
      epoch = m.epoch;
      version = 0;
    }
    if (m.version < version) return;
    version = m.version;
    // A draft (the code being typed) is patched in even after the script ran: the page follows the
    // typing without a reload; the script itself runs again only when the saved version arrives.
    if (!scriptRan || m.draft) {
      var css = resolveAssets(m.css);
      if (style.textContent !== css) style.textContent = css;
      var next = document.createElement("body");
      next.innerHTML = resolveAssets(m.html);
      morphdom(document.body, next, { childrenOnly: true });
      // The page's language, as its <main> declares it (the built-in engine writes six).
      var declared = document.querySelector("main[lang]");
      var lang = declared ? declared.getAttribute("lang") || "" : "";
      document.documentElement.lang = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(lang) ? lang : "en";
    }
    if (m.runScript && !scriptRan) runSiteScript(m.js);
    redraw();
    post({ type: "rendered", version: version, scriptRan: scriptRan });
  }

  window.addEventListener("message", function (event) {
    if (event.source !== parentWindow) return;
    var m = event.data;
    if (m && m.source === PARENT && m.v === V && m.type === "hello") post({ type: "ready", instance: instance });
    else if (isRender(m)) render(m);
    else if (m && m.source === PARENT && m.v === V && m.type === "assets") onAssets(m);
    else if (m && m.source === PARENT && m.v === V) onSelectMessage(m);
  });
  window.addEventListener("error", function (event) {
    post({ type: "script-error", message: String(event.message || "Script error").slice(0, 1000) });
  });
  ${FORM_GUARD_SCRIPT}
  post({ type: "ready", instance: instance });
})();`;

/** Keeps inlined code from closing the <script> element that holds it. */

/** The frame's whole HTML document, with morphdom and the runtime inlined. */
export function renderFrameDocument(morphdomSource: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preview</title>
<style id="openv0-site-style"></style>
<script>${guardScript(morphdomSource)}</script>
<script>${runtime}</script>
</head>
<body></body>
</html>
`;
}
