/*
 * geo-events map controls (own code, MIT, part of geo-events): the time slider that filters a
 * GeoEvents.EventLayer by date, the legend (click an event type to hide it) and the title box.
 * Legend and title HTML are escaped on the Python side (maps/layers.py, maps/render.py).
 */
(function (window) {
  "use strict";
  var L = window.L;
  var GE = (window.GeoEvents = window.GeoEvents || {});

  GE.TimeSlider = L.Control.extend({
    options: { position: "bottomleft" },

    initialize: function (layer, options) {
      L.setOptions(this, options);
      this._layer = layer;
    },

    onAdd: function () {
      var layer = this._layer;
      var box = L.DomUtil.create("div", "ge-box ge-timeline");
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      var label = L.DomUtil.create("div", "ge-timeline-label", box);
      var from = L.DomUtil.create("input", "ge-timeline-from", box);
      var to = L.DomUtil.create("input", "ge-timeline-to", box);
      [from, to].forEach(function (input) {
        input.type = "range";
        input.min = layer.dayMin;
        input.max = layer.dayMax;
        input.step = 1;
      });
      from.value = layer.dayMin;
      to.value = layer.dayMax;
      from.title = "first day shown";
      to.title = "last day shown";
      var play = L.DomUtil.create("button", "ge-timeline-play", box);
      play.type = "button";
      play.textContent = "\u25b6 play";
      var timer = null;
      function update() {
        var a = Number(from.value), b = Number(to.value);
        if (a > b) { var t = a; a = b; b = t; }
        layer.setDateRange(a, b);
        label.textContent = GE.dayToIso(a) + " \u2192 " + GE.dayToIso(b) + " \u00b7 " + layer.visibleCount + " of " + layer._n + " events";
      }
      from.addEventListener("input", update);
      to.addEventListener("input", update);
      play.addEventListener("click", function () {
        if (timer) { clearInterval(timer); timer = null; play.textContent = "\u25b6 play"; return; }
        var span = Math.max(1, Math.round((layer.dayMax - layer.dayMin) / 60));
        from.value = layer.dayMin;
        to.value = layer.dayMin;
        play.textContent = "\u25a0 stop";
        timer = setInterval(function () {
          var next = Math.min(Number(to.value) + span, layer.dayMax);
          to.value = next;
          update();
          if (next >= layer.dayMax) { clearInterval(timer); timer = null; play.textContent = "\u25b6 play"; }
        }, 400);
      });
      function reset() {
        [from, to].forEach(function (input) { input.min = layer.dayMin; input.max = layer.dayMax; });
        from.value = layer.dayMin;
        to.value = layer.dayMax;
        from.disabled = to.disabled = play.disabled = layer.dayMin === layer.dayMax;
        update();
      }
      layer.on("load", reset);
      if (layer.loaded) reset();
      else label.textContent = "loading events…";
      this._label = label;
      return box;
    },
  });

  // Legend HTML comes from Python (escaped there); items with data-ge-type toggle that event type.
  GE.addLegend = function (map, html, layer) {
    var Legend = L.Control.extend({
      options: { position: "bottomright" },
      onAdd: function () {
        var box = L.DomUtil.create("div", "ge-box ge-legend");
        box.innerHTML = html;
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        if (layer) {
          Array.prototype.forEach.call(box.querySelectorAll("[data-ge-type]"), function (item) {
            item.addEventListener("click", function () {
              var shown = layer.toggleType(item.getAttribute("data-ge-type"));
              item.classList.toggle("ge-off", !shown);
            });
          });
        }
        return box;
      },
    });
    return new Legend().addTo(map);
  };

  GE.addTitle = function (map, html) {
    var box = L.DomUtil.create("div", "ge-box ge-title", map.getContainer());
    box.innerHTML = html;
    // a popup near the top must not hide under the title
    map.on("popupopen", function () { box.style.opacity = "0.15"; });
    map.on("popupclose", function () { box.style.opacity = ""; });
    L.DomEvent.disableClickPropagation(box);
    return box;
  };
})(window);
