/*
 * geo-events map layer (own code, MIT, part of geo-events).
 *
 * GeoEvents.EventLayer draws every event of a map on ONE canvas: coloured dots by ACLED event type,
 * radius by fatalities, a ring for approximate places and a shaded area for region-level events.
 * Popups are built only when an event is clicked, from the compact payload made by maps/encode.py.
 * Every string in that payload is already HTML-escaped on the Python side; this file never inserts
 * anything else that could carry markup.
 *
 * GeoEvents.TimeSlider filters the layer by date; GeoEvents.addTitle / addLegend add the page chrome.
 */
(function (window) {
  "use strict";
  var L = window.L;
  var GE = (window.GeoEvents = window.GeoEvents || {});
  GE.layers = [];
  var DAY_MS = 86400000;
  var EARTH_M = 40075016.686;
  var SIDES = ["", "east of the line", "west of the line", "on the line"];

  GE.dayToIso = function (day) {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  };

  function str(data, ref) {
    return ref >= 0 ? data.strings[ref] : "";
  }

  function figure(low, high, vague) {
    var text;
    if (low === null && high === null) text = "unspecified";
    else if (high === null) text = low + "+";
    else if (low === null) text = "up to " + high;
    else if (low === high) text = String(low);
    else text = low + "\u2013" + high;
    return vague ? "~" + text + " (vague)" : text;
  }

  GE.popupHtml = function (data, i) {
    var d = data.detail[i];
    var color = data.colors[data.type[i]];
    var parts = [];
    parts.push(
      '<div class="ge-popup-head"><span class="ge-swatch" style="background:' + color + '"></span>' +
        "<b>" + data.types[data.type[i]] + "</b>" + (d[4] >= 0 ? " \u00b7 " + str(data, d[4]) : "") + "</div>"
    );
    var place = [str(data, d[1]), str(data, d[2]), str(data, d[3])].filter(Boolean).join(", ");
    var precision = d[5] >= 0 && str(data, d[5]) !== "day" ? " (to the " + str(data, d[5]) + ")" : "";
    parts.push(
      '<div class="ge-when"><b>' + GE.dayToIso(data.day[i]) + "</b>" + precision + " \u2014 " + place +
        (data.prec[i] > 1 ? ' <span class="ge-muted">(' + (data.prec[i] === 3 ? "region only" : "approximate") + ")</span>" : "") +
        "</div>"
    );
    var actors = [str(data, d[6]), str(data, d[7])].filter(Boolean).join(" vs ");
    if (actors) parts.push("<div><b>Actors:</b> " + actors + "</div>");
    if (d[8].length) parts.push("<div><b>With:</b> " + d[8].map(function (r) { return str(data, r); }).join(", ") + "</div>");
    parts.push(
      "<div><b>Fatalities:</b> " + data.fat[i] + " best" +
        (d[9][0] !== d[9][1] || d[9][0] !== data.fat[i] ? " (range " + d[9][0] + "\u2013" + d[9][1] + ")" : "") + "</div>"
    );
    if (d[13].length) {
      var rows = d[13].map(function (c) {
        var src = c[6] >= 0 ? data.sources[c[6]] : null;
        var srcName = src ? str(data, src[0]) || "source" : "";
        return "<tr><td>" + str(data, c[0]) + "</td><td>" + data.kinds[c[1]] + "</td><td>" + figure(c[2], c[3], c[4]) +
          (c[5] >= 0 ? ' <i class="ge-muted">' + str(data, c[5]) + "</i>" : "") + "</td><td>" + srcName + "</td></tr>";
      });
      parts.push(
        '<table class="ge-claims"><thead><tr><th>Claimant</th><th>Kind</th><th>Figure</th><th>Source</th></tr></thead><tbody>' +
          rows.join("") + "</tbody></table>"
      );
    }
    if (d[14].length) {
      var items = d[14].map(function (ref) {
        var s = data.sources[ref];
        var title = str(data, s[1]) || "(untitled)";
        var link = s[2] ? '<a href="' + s[2] + '" target="_blank" rel="noopener noreferrer nofollow">' + title + "</a>" : title;
        return "<li>" + link + (s[0] >= 0 ? " \u2014 " + str(data, s[0]) : "") + (s[3] >= 0 ? ", " + str(data, s[3]) : "") + "</li>";
      });
      parts.push('<div><b>Sources:</b><ol class="ge-sources">' + items.join("") + "</ol></div>");
    }
    var zone = str(data, d[10]);
    if (zone || d[11]) parts.push('<div class="ge-muted">Control: ' + (zone || "unknown") + (d[11] ? "; " + SIDES[d[11]] : "") + "</div>");
    if (d[12] >= 0) parts.push('<div class="ge-notes">' + str(data, d[12]) + "</div>");
    parts.push('<div class="ge-id">' + str(data, d[0]) + "</div>");
    return '<div class="ge-popup">' + parts.join("") + "</div>";
  };

  GE.EventLayer = L.Layer.extend({
    options: { pane: "overlayPane", regionKm: 30, hitPadding: 3, cell: 32 },

    initialize: function (data, options) {
      L.setOptions(this, options);
      this._data = data;
      var n = (this._n = data.lon.length);
      this._x0 = new Float64Array(n);
      this._y0 = new Float64Array(n);
      var crs = L.CRS.EPSG3857;
      var dayMin = Infinity, dayMax = -Infinity;
      for (var i = 0; i < n; i++) {
        var p = crs.latLngToPoint(L.latLng(data.lat[i], data.lon[i]), 0);
        this._x0[i] = p.x;
        this._y0[i] = p.y;
        if (data.day[i] < dayMin) dayMin = data.day[i];
        if (data.day[i] > dayMax) dayMax = data.day[i];
      }
      this.dayMin = this._from = n ? dayMin : 0;
      this.dayMax = this._to = n ? dayMax : 0;
      this._hiddenTypes = {};
      // big markers first so small ones stay clickable on top
      this._order = Array.from({ length: n }, function (_, k) { return k; });
      var radius = data.radius;
      this._order.sort(function (a, b) { return radius[b] - radius[a]; });
      this.drawn = 0;
      this.visibleCount = n;
      GE.layers.push(this);
    },

    onAdd: function (map) {
      this._map = map;
      this._canvas = L.DomUtil.create("canvas", "ge-events-canvas leaflet-zoom-hide");
      this.getPane().appendChild(this._canvas);
      map.on("click", this._onClick, this);
      map.on("mousemove", this._onMove, this);
      this._reset();
    },

    onRemove: function (map) {
      L.DomUtil.remove(this._canvas);
      map.off("click", this._onClick, this);
      map.off("mousemove", this._onMove, this);
      map.getContainer().style.cursor = "";
      this._grid = null;
      this.drawn = 0;
    },

    getEvents: function () {
      return { moveend: this._reset, resize: this._reset, zoomend: this._reset };
    },

    setDateRange: function (from, to) {
      this._from = from;
      this._to = to;
      this._redrawIfAdded();
    },

    toggleType: function (typeIndex) {
      this._hiddenTypes[typeIndex] = !this._hiddenTypes[typeIndex];
      this._redrawIfAdded();
      return !this._hiddenTypes[typeIndex];
    },

    _redrawIfAdded: function () {
      if (this._map) this._reset();
      else this._countVisible();
    },

    _isVisible: function (i) {
      var d = this._data.day[i];
      return d >= this._from && d <= this._to && !this._hiddenTypes[this._data.type[i]];
    },

    _countVisible: function () {
      var count = 0;
      for (var i = 0; i < this._n; i++) if (this._isVisible(i)) count++;
      this.visibleCount = count;
      return count;
    },

    _reset: function () {
      var map = this._map;
      if (!map) return;
      var size = map.getSize();
      var ratio = window.devicePixelRatio || 1;
      var canvas = this._canvas;
      var topLeft = map.containerPointToLayerPoint([0, 0]);
      L.DomUtil.setPosition(canvas, topLeft);
      canvas.width = Math.round(size.x * ratio);
      canvas.height = Math.round(size.y * ratio);
      canvas.style.width = size.x + "px";
      canvas.style.height = size.y + "px";
      var ctx = canvas.getContext("2d");
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, size.x, size.y);
      var zoom = map.getZoom();
      var scale = Math.pow(2, zoom);
      var origin = map.getPixelOrigin();
      var offX = origin.x + topLeft.x, offY = origin.y + topLeft.y;
      this._offX = offX; this._offY = offY; this._scale = scale;
      var data = this._data, cell = this.options.cell;
      var grid = (this._grid = {});
      var areaPx = this.options.regionKm * 1000 * 256 * scale / EARTH_M;
      var drawn = 0, visible = 0;
      for (var k = 0; k < this._n; k++) {
        var i = this._order[k];
        if (!this._isVisible(i)) continue;
        visible++;
        var x = this._x0[i] * scale - offX, y = this._y0[i] * scale - offY;
        var prec = data.prec[i];
        var r = prec === 3 ? Math.max(areaPx / Math.cos((data.lat[i] * Math.PI) / 180), data.radius[i]) : data.radius[i];
        if (x < -r || y < -r || x > size.x + r || y > size.y + r) continue;
        var color = data.colors[data.type[i]];
        ctx.beginPath();
        ctx.arc(x, y, r, 0, 2 * Math.PI);
        if (prec === 3) {
          ctx.globalAlpha = 0.18;
          ctx.fillStyle = color;
          ctx.fill();
          ctx.globalAlpha = 0.9;
          ctx.setLineDash([5, 4]);
          ctx.lineWidth = 1.5;
          ctx.strokeStyle = color;
          ctx.stroke();
          ctx.setLineDash([]);
          ctx.globalAlpha = 1;
        } else {
          ctx.globalAlpha = 0.85;
          ctx.fillStyle = color;
          ctx.fill();
          ctx.globalAlpha = 1;
          ctx.lineWidth = 1;
          ctx.strokeStyle = "#ffffff";
          ctx.stroke();
          if (prec === 2) {
            ctx.beginPath();
            ctx.arc(x, y, r + 4, 0, 2 * Math.PI);
            ctx.setLineDash([3, 3]);
            ctx.strokeStyle = color;
            ctx.lineWidth = 1.5;
            ctx.stroke();
            ctx.setLineDash([]);
          }
        }
        drawn++;
        var key = Math.floor(x / cell) + ":" + Math.floor(y / cell);
        (grid[key] || (grid[key] = [])).push(i);
      }
      this.drawn = drawn;
      this.visibleCount = visible;
      this.fire("redraw", { drawn: drawn, visible: visible });
    },

    // Events under a container point, nearest first.
    hitTest: function (point) {
      if (!this._grid) return [];
      var data = this._data, cell = this.options.cell, pad = this.options.hitPadding;
      var areaPx = this.options.regionKm * 1000 * 256 * this._scale / EARTH_M;
      var reach = Math.max(2, Math.ceil(areaPx / cell) + 1);
      var cx = Math.floor(point.x / cell), cy = Math.floor(point.y / cell);
      var hits = [];
      for (var gx = cx - reach; gx <= cx + reach; gx++) {
        for (var gy = cy - reach; gy <= cy + reach; gy++) {
          var bucket = this._grid[gx + ":" + gy];
          if (!bucket) continue;
          for (var b = 0; b < bucket.length; b++) {
            var i = bucket[b];
            var x = this._x0[i] * this._scale - this._offX, y = this._y0[i] * this._scale - this._offY;
            var dist = Math.sqrt((x - point.x) * (x - point.x) + (y - point.y) * (y - point.y));
            var r = data.prec[i] === 3 ? Math.max(areaPx / Math.cos((data.lat[i] * Math.PI) / 180), data.radius[i]) : data.radius[i];
            if (dist <= r + pad) hits.push([dist, i]);
          }
        }
      }
      hits.sort(function (a, b) { return a[0] - b[0]; });
      return hits.map(function (h) { return h[1]; });
    },

    _onClick: function (e) {
      var hits = this.hitTest(e.containerPoint);
      if (!hits.length) return;
      var data = this._data;
      var shown = hits.slice(0, 5).map(function (i) { return GE.popupHtml(data, i); });
      var more = hits.length > 5 ? '<div class="ge-muted">\u2026 and ' + (hits.length - 5) + " more here; zoom in</div>" : "";
      var first = hits[0];
      L.popup({ maxWidth: 440, maxHeight: 380, className: "ge-popup-wrap", autoPanPaddingTopLeft: [20, 90] })
        .setLatLng([data.lat[first], data.lon[first]])
        .setContent(shown.join('<hr class="ge-sep">') + more)
        .openOn(this._map);
    },

    _onMove: function (e) {
      var self = this;
      if (self._movePending) return;
      self._movePending = true;
      L.Util.requestAnimFrame(function () {
        self._movePending = false;
        if (!self._map) return;
        self._map.getContainer().style.cursor = self.hitTest(e.containerPoint).length ? "pointer" : "";
      });
    },
  });

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
      if (layer.dayMin === layer.dayMax) {
        from.disabled = to.disabled = play.disabled = true;
      }
      update();
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
              var shown = layer.toggleType(Number(item.getAttribute("data-ge-type")));
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
