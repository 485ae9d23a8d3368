/* openv0:template-script v1: menu, in-page links, forms and footer year; no network */
(function () {
  "use strict";

  function init() {
    var root = document.documentElement;
    root.classList.add("has-js");
    var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

    // Mobile navigation: a real button with aria-expanded, closed by Escape or by choosing a link.
    var toggle = document.querySelector(".nav-toggle");
    var nav = document.getElementById("site-nav");
    function setOpen(open) {
      if (!toggle || !nav) return;
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      nav.classList.toggle("is-open", open);
      var label = toggle.querySelector(".visually-hidden");
      if (label) label.textContent = open ? "Close navigation" : "Open navigation";
    }
    if (toggle && nav) {
      toggle.addEventListener("click", function () {
        setOpen(toggle.getAttribute("aria-expanded") !== "true");
      });
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
          setOpen(false);
          toggle.focus();
        }
      });
    }

    // In-page links scroll smoothly and move keyboard focus to the target (also safe inside previews).
    document.addEventListener("click", function (event) {
      var link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
      if (!link) return;
      var id = link.getAttribute("href").slice(1);
      var target = id ? document.getElementById(id) : null;
      if (!target) return;
      event.preventDefault();
      setOpen(false);
      target.scrollIntoView({ behavior: reduceMotion ? "auto" : "smooth", block: "start" });
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: true });
    });

    // Forms: validate natively, then thank the visitor in a live region. Nothing is sent anywhere.
    Array.prototype.forEach.call(document.querySelectorAll("form[data-form]"), function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (typeof form.checkValidity === "function" && !form.checkValidity()) {
          form.reportValidity();
          return;
        }
        var status = form.querySelector("[data-form-status]");
        var nameField = form.querySelector('input[name="name"]');
        var who = nameField && nameField.value.trim() ? ", " + nameField.value.trim().split(/\s+/)[0] : "";
        var message = form.getAttribute("data-success") || "Thank you! We will be in touch soon.";
        // textContent, never innerHTML: the visitor's name is untrusted input.
        if (status) status.textContent = message.replace(/^Thank you!/, "Thank you" + who + "!");
        form.reset();
      });
    });

    // "Add to bag" gives instant, announced feedback (a real shop would call its cart here).
    var bagCount = 0;
    var cartStatus = document.querySelector("[data-cart-status]");
    Array.prototype.forEach.call(document.querySelectorAll("[data-add-to-cart]"), function (button) {
      button.addEventListener("click", function () {
        bagCount += 1;
        if (cartStatus) {
          cartStatus.textContent = button.getAttribute("data-add-to-cart") + " added to your bag (" + bagCount + (bagCount === 1 ? " item)." : " items).");
        }
      });
    });

    // The footer year is the only date on the page, computed in the visitor's browser.
    Array.prototype.forEach.call(document.querySelectorAll("[data-year]"), function (node) {
      node.textContent = String(new Date().getFullYear());
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
