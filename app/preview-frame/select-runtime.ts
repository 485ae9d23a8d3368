import { ELEMENT_ID_ATTRIBUTE } from "@/lib/protocol/site-edit";

/*
 * Select mode inside the preview frame, as plain ES2017 spliced into the frame's runtime. The
 * frame only points: hover draws an outline, a click or tap reports the element's id, a double
 * click asks to edit its text. The parent decides what is selected (it checks the id against the
 * version it sent) and asks for in-place editing; the text typed comes back as plain text and the
 * server writes it as text. Overlays live on <html>, outside <body>, so version patches never
 * touch them.
 */
export const selectRuntime = `
  var ID_ATTR = ${JSON.stringify(ELEMENT_ID_ATTRIBUTE)};
  var selecting = false;
  var selectedId = null;
  var editing = null;
  var boxes = {};

  function box(name, colour) {
    if (!boxes[name]) {
      var b = document.createElement("div");
      b.setAttribute("aria-hidden", "true");
      b.style.cssText = "position:fixed;pointer-events:none;z-index:2147483647;box-sizing:border-box;display:none;border-radius:2px;" +
        "outline:2px " + (name === "hover" ? "dashed " : "solid ") + colour + ";outline-offset:1px;";
      document.documentElement.appendChild(b);
      boxes[name] = b;
    }
    return boxes[name];
  }
  function place(name, colour, el) {
    var b = box(name, colour);
    if (!el) { b.style.display = "none"; return; }
    var r = el.getBoundingClientRect();
    b.style.display = "block";
    b.style.left = r.left + "px"; b.style.top = r.top + "px";
    b.style.width = r.width + "px"; b.style.height = r.height + "px";
  }
  function byId(id) {
    return id ? document.querySelector("[" + ID_ATTR + '="' + String(id).replace(/[^A-Za-z0-9_-]/g, "") + '"]') : null;
  }
  function targetOf(node) {
    var el = node && node.nodeType === 1 ? node : node && node.parentElement;
    return el && el.closest ? el.closest("[" + ID_ATTR + "]") : null;
  }
  function redraw() {
    place("selected", "#4f46e5", selecting || editing ? byId(selectedId) : null);
    if (!selecting) place("hover", "#6366f1", null);
  }

  function setSelectMode(m) {
    selecting = m.on === true;
    selectedId = typeof m.selected === "string" ? m.selected : null;
    document.documentElement.style.cursor = selecting ? "crosshair" : "";
    redraw();
  }

  function finishEdit(commit) {
    if (!editing) return;
    var el = editing.el;
    var text = el.innerText;
    el.removeAttribute("contenteditable");
    if (!commit) el.innerHTML = editing.original;
    var id = editing.id;
    editing = null;
    post(commit ? { type: "text-edit", id: id, text: text.slice(0, 2000) } : { type: "text-edit-cancel", id: id });
    redraw();
  }
  function startEdit(id) {
    var el = byId(id);
    if (!el || editing) return;
    editing = { id: id, el: el, original: el.innerHTML };
    el.setAttribute("contenteditable", "plaintext-only");
    el.focus();
    var range = document.createRange();
    range.selectNodeContents(el);
    var sel = window.getSelection();
    if (sel) { sel.removeAllRanges(); sel.addRange(range); }
    el.addEventListener("blur", function onBlur() { el.removeEventListener("blur", onBlur); finishEdit(true); });
  }

  function onSelectMessage(m) {
    if (m.type === "select-mode" && typeof m.on === "boolean") setSelectMode(m);
    else if (m.type === "edit-text" && typeof m.id === "string") startEdit(m.id);
  }

  document.addEventListener("mousemove", function (event) {
    if (selecting && !editing) place("hover", "#6366f1", targetOf(event.target));
  }, true);
  // Capture phase, before the site's own handlers: in select mode a click selects, never follows.
  document.addEventListener("click", function (event) {
    if (!selecting || editing) return;
    var el = targetOf(event.target);
    event.preventDefault();
    event.stopPropagation();
    if (el) post({ type: "selected", id: el.getAttribute(ID_ATTR), edit: false });
  }, true);
  document.addEventListener("dblclick", function (event) {
    if (!selecting || editing) return;
    var el = targetOf(event.target);
    event.preventDefault();
    event.stopPropagation();
    if (el) post({ type: "selected", id: el.getAttribute(ID_ATTR), edit: true });
  }, true);
  document.addEventListener("keydown", function (event) {
    if (editing) {
      if (event.key === "Escape") { event.preventDefault(); finishEdit(false); }
      else if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); editing.el.blur(); }
      return;
    }
    if (selecting && event.key === "Escape") post({ type: "select-exit" });
  }, true);
  window.addEventListener("scroll", redraw, true);
  window.addEventListener("resize", redraw);
`;
