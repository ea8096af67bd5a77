/*
 * The inquiry scripts' words: Django's JavaScript catalogue of the page's
 * language (/jsi18n/, loaded before this file) where it arrived, English
 * otherwise; fill() puts values into "%(name)s" placeholders.
 */
(function () {
  "use strict";

  window.cancerfaxWords = {
    gettext: window.gettext || function (text) { return text; },
    ngettext: window.ngettext || function (one, many, n) {
      return n === 1 ? one : many;
    },
    fill: function (text, values) {
      return text.replace(/%\((\w+)\)s/g, function (whole, name) {
        return String(values[name]);
      });
    }
  };
}());
