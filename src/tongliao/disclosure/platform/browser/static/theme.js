/* 适老化/无障碍 mode: a class on <html>, remembered in localStorage (no
   server write), a reading line that follows the pointer. */
(function () {
  "use strict";
  var KEY = "tongliao.disclosure.elder-mode";
  var root = document.documentElement;

  function stored() {
    try {
      return window.localStorage.getItem(KEY) === "1";
    } catch (error) {
      return false;
    }
  }

  function remember(on) {
    try {
      window.localStorage.setItem(KEY, on ? "1" : "0");
    } catch (error) {
      /* private mode: the choice lasts for this page only */
    }
  }

  function apply(on) {
    root.classList.toggle("elder-mode", on);
    var buttons = document.querySelectorAll(".elder-toggle");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", on ? "true" : "false");
    }
  }

  apply(stored());

  document.addEventListener("DOMContentLoaded", function () {
    var ruler = document.createElement("div");
    ruler.className = "elder-reading-line";
    ruler.setAttribute("aria-hidden", "true");
    document.body.appendChild(ruler);
    document.addEventListener("mousemove", function (event) {
      ruler.style.top = event.clientY + 14 + "px";
    });

    var buttons = document.querySelectorAll(".elder-toggle");
    /* The theme's menu close button has an untranslated label. */
    var close = document.querySelector(".offcanvas .btn-close");
    if (close && buttons.length && buttons[0].dataset.closeMenu) {
      close.setAttribute("aria-label", buttons[0].dataset.closeMenu);
    }
    /* Plone's search page labels its field with a title only. */
    var fields = document.querySelectorAll("input[title]:not([aria-label])");
    for (var k = 0; k < fields.length; k++) {
      var field = fields[k];
      if (!(field.labels && field.labels.length)) {
        field.setAttribute("aria-label", field.title);
      }
    }
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function () {
        var on = !root.classList.contains("elder-mode");
        remember(on);
        apply(on);
      });
    }
    apply(stored());

    if (window.matchMedia("(max-width: 767.98px)").matches) {
      var folds = document.querySelectorAll("details.facets-fold");
      for (var j = 0; j < folds.length; j++) {
        folds[j].open = false;
      }
    }
  });
})();
