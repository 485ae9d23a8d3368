import { ASSET_REF_PATTERN } from "@/lib/protocol/assets";

/*
 * The frame's half of uploaded images. The frame can fetch nothing (its CSP: images only as
 * data: and blob:), so the parent fetches each image the site references and posts its bytes as
 * a Blob; the runtime makes its own blob: URL for it and writes that wherever the markup says
 * `images/<name>`. A reference whose bytes have not arrived yet shows a transparent pixel tagged
 * with the name, swapped for the picture the moment it comes. Plain ES2017, inlined in the runtime.
 */
export const assetRuntime = `
  var ASSET_REF = new RegExp(${JSON.stringify(ASSET_REF_PATTERN.source)}, "g");
  var ASSET_NAME = /^[a-z0-9]{16}\\.(png|jpg|webp|gif)$/;
  var ASSET_TYPES = { "image/png": 1, "image/jpeg": 1, "image/webp": 1, "image/gif": 1 };
  var HOLD = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7#ov-asset=";
  var assetUrls = {};

  function resolveAssets(text) {
    return text.replace(ASSET_REF, function (_, name) { return assetUrls[name] || HOLD + name; });
  }

  function swapHeld(text) {
    return text.split(HOLD).map(function (part, i) {
      if (i === 0) return part;
      var m = /^[a-z0-9]{16}\\.(png|jpg|webp|gif)/.exec(part);
      return m && assetUrls[m[0]] ? assetUrls[m[0]] + part.slice(m[0].length) : HOLD + part;
    }).join("");
  }

  function onAssets(m) {
    if (!Array.isArray(m.assets) || m.assets.length > 100) return;
    var added = 0;
    m.assets.forEach(function (a) {
      if (!a || typeof a.name !== "string" || !ASSET_NAME.test(a.name) || !(a.blob instanceof Blob)) return;
      if (!ASSET_TYPES[a.blob.type] || a.blob.size > 20 * 1024 * 1024 || assetUrls[a.name]) return;
      assetUrls[a.name] = URL.createObjectURL(a.blob);
      added += 1;
    });
    if (!added) return;
    // Pictures shown before their bytes came: swapped in place (the page's own script may have run).
    ["src", "srcset", "style", "href"].forEach(function (attr) {
      document.querySelectorAll("[" + attr + '*="#ov-asset="]').forEach(function (el) {
        el.setAttribute(attr, swapHeld(el.getAttribute(attr) || ""));
      });
    });
    if (style.textContent.indexOf(HOLD) >= 0) style.textContent = swapHeld(style.textContent);
    post({ type: "assets-shown", count: Object.keys(assetUrls).length });
  }
`;
