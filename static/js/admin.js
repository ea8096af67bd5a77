/* Every admin page: repairs to Django's own admin markup.
 *
 * A "filter horizontal" choice (SelectFilter2.js) labels its filter boxes with
 * a magnifier <span aria-label="Type into this box to filter ...">. ARIA does
 * not allow a name on a plain span (axe aria-prohibited-attr, serious), so
 * screen readers may drop it: calling it an image keeps the hint. Django builds
 * the boxes on "load"; this listener is added after its own, so runs after it.
 */
(function () {
  "use strict";

  function nameFilterIcons() {
    document
      .querySelectorAll(".selector .search-label-icon[aria-label]:not([role])")
      .forEach(function (icon) {
        icon.setAttribute("role", "img");
      });
  }

  window.addEventListener("load", nameFilterIcons);
})();
