/*
 * geo-events map layer (own code, MIT, part of geo-events).
 *
 * GeoEvents.EventLayer draws every event of a map on ONE canvas: coloured dots by ACLED event type,
 * radius by fatalities, a ring for approximate places and a shaded area for region-level events.
 * Popups are built only when an event is clicked, from the compact payload made by maps/encode.py.
 * Every string in that payload is already HTML-escaped on the Python side; this file never inserts
 * anything else that could carry markup.
 *
 * The controls (time slider, legend, title) are in geo_events_controls.js.
 */
(function (window) {
  "use strict";
  var L = window.L;
  var GE = (window.GeoEvents = window.GeoEvents || {});
  GE.layers = [];
  var DAY_MS = 86400000;
  var EARTH_M = 40075016.686;
  var SIDES = { east: "east of the line", west: "west of the line", on_line: "on the line" };

  // A map pane at `zIndex` that lets clicks through (made once per map).
  GE.ensurePane = function (map, name, zIndex) {
    var pane = map.getPane(name);
    if (!pane) {
      pane = map.createPane(name);
      pane.style.zIndex = zIndex;
      pane.style.pointerEvents = "none";
    }
    return pane;
  };

  GE.dayToIso = function (day) {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  };

  // Every string of the payload goes through esc() before it becomes HTML.
  var ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  function esc(value) {
    return value === null || value === undefined ? "" : String(value).replace(/[&<>"']/g, function (c) { return ESCAPES[c]; });
  }
  GE.escape = esc;

  // Only http(s) links are kept (no javascript:, data: …); the result is escaped for an attribute.
  function safeUrl(value) {
    if (typeof value !== "string") return null;
    var url = value.trim();
    return /^https?:\/\/[^\s]+$/i.test(url) ? esc(url) : null;
  }
  GE.safeUrl = safeUrl;

  function dayOf(iso) {
    var s = String(iso);
    return Math.round(Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / DAY_MS);
  }

  GE.markerRadius = function (fatalities) {
    return Math.round(Math.min(4 + 1.2 * Math.sqrt(Math.max(+fatalities || 0, 0)), 22) * 10) / 10;
  };

  function figure(low, high, vague) {
    var text;
    if (low === null && high === null) text = "unspecified";
    else if (high === null || high === undefined) text = esc(low) + "+";
    else if (low === null || low === undefined) text = "up to " + esc(high);
    else if (low === high) text = esc(low);
    else text = esc(low) + "\u2013" + esc(high);
    return vague ? "~" + text + " (vague)" : text;
  }

  GE.popupHtml = function (layer, i) {
    var row = layer._rows[i], K = layer._k;
    var color = layer._colorOf(row[K.event_type]);
    var parts = [];
    parts.push(
      '<div class="ge-popup-head"><span class="ge-swatch" style="background:' + color + '"></span>' +
        "<b>" + esc(row[K.event_type]) + "</b>" + (row[K.sub_event_type] ? " \u00b7 " + esc(row[K.sub_event_type]) : "") + "</div>"
    );
    var place = [row[K.location], row[K.admin1], row[K.country]].filter(Boolean).map(esc).join(", ");
    var dp = row[K.date_precision];
    var prec = layer._prec[i];
    parts.push(
      '<div class="ge-when"><b>' + esc(String(row[K.event_date]).slice(0, 10)) + "</b>" +
        (dp && dp !== "day" ? " (to the " + esc(dp) + ")" : "") + " \u2014 " + place +
        (prec > 1 ? ' <span class="ge-muted">(' + (prec === 3 ? "region only" : "approximate") + ")</span>" : "") + "</div>"
    );
    var actors = [row[K.actor1], row[K.actor2]].filter(Boolean).map(esc).join(" vs ");
    if (actors) parts.push("<div><b>Actors:</b> " + actors + "</div>");
    var assoc = row[K.assoc_actors] || [];
    if (assoc.length) parts.push("<div><b>With:</b> " + assoc.map(esc).join(", ") + "</div>");
    var best = row[K.fatalities_best] || 0, low = row[K.fatalities_low] || 0, high = row[K.fatalities_high] || 0;
    parts.push("<div><b>Fatalities:</b> " + esc(best) + " best" + (low !== high || low !== best ? " (range " + esc(low) + "\u2013" + esc(high) + ")" : "") + "</div>");
    var sources = row[K.sources] || [], byId = {};
    sources.forEach(function (s) { byId[s.id] = s; });
    var claims = row[K.claims] || [];
    if (claims.length) {
      var rows = claims.map(function (c) {
        var src = byId[c.source_id];
        return "<tr><td>" + esc(c.claimant) + "</td><td>" + esc(c.kind) + "</td><td>" + figure(c.low, c.high, c.vague) +
          (c.detail ? ' <i class="ge-muted">' + esc(c.detail) + "</i>" : "") + "</td><td>" + (src ? esc(src.publisher || "source") : "") + "</td></tr>";
      });
      parts.push(
        '<table class="ge-claims"><thead><tr><th>Claimant</th><th>Kind</th><th>Figure</th><th>Source</th></tr></thead><tbody>' +
          rows.join("") + "</tbody></table>"
      );
    }
    if (sources.length) {
      var items = sources.map(function (s) {
        var title = esc(s.title) || "(untitled)";
        var url = safeUrl(s.url);
        var link = url ? '<a href="' + url + '" target="_blank" rel="noopener noreferrer nofollow">' + title + "</a>" : title;
        return "<li>" + link + (s.publisher ? " \u2014 " + esc(s.publisher) : "") + (s.published ? ", " + esc(s.published) : "") + "</li>";
      });
      parts.push('<div><b>Sources:</b><ol class="ge-sources">' + items.join("") + "</ol></div>");
    }
    var zone = row[K.control_zone], side = row[K.side_of_line];
    if (zone || side) parts.push('<div class="ge-muted">Control: ' + (esc(zone) || "unknown") + (side ? "; " + esc(SIDES[side] || side) : "") + "</div>");
    if (row[K.notes]) parts.push('<div class="ge-notes">' + esc(row[K.notes]) + "</div>");
    parts.push('<div class="ge-id">' + esc(row[K.id]) + "</div>");
    return '<div class="ge-popup">' + parts.join("") + "</div>";
  };

  // Read the payload element (plain JSON, or deflate + base64 for big maps).
  GE.readPayload = function (element) {
    if (element.getAttribute("data-encoding") !== "deflate-base64") {
      return { sync: JSON.parse(element.textContent) };
    }
    // dot-separated chunks, each one deflate stream (compressed in parallel on the Python side)
    var chunks = element.textContent.trim().split(".").map(function (text) {
      var binary = atob(text);
      var bytes = new Uint8Array(binary.length);
      for (var b = 0; b < binary.length; b++) bytes[b] = binary.charCodeAt(b);
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
      return new Response(stream).arrayBuffer();
    });
    // join the bytes before decoding: a chunk may end inside a multi-byte UTF-8 character
    return {
      async: Promise.all(chunks).then(function (buffers) {
        var total = buffers.reduce(function (sum, buffer) { return sum + buffer.byteLength; }, 0);
        var all = new Uint8Array(total), at = 0;
        buffers.forEach(function (buffer) { all.set(new Uint8Array(buffer), at); at += buffer.byteLength; });
        return JSON.parse(new TextDecoder("utf-8").decode(all));
      }),
    };
  };

  GE.EventLayer = L.Layer.extend({
    options: { pane: "geoEventsPane", regionKm: 30, areaBudget: 400, hitPadding: 3, colors: {}, unknownColor: "#7f7f7f" },

    // source: the id of the payload element (see maps/encode.py) or a payload object.
    initialize: function (source, options) {
      L.setOptions(this, options);
      this._n = 0;
      this._rows = [];
      this._k = {};
      this.dayMin = this.dayMax = this._from = this._to = 0;
      this._hiddenTypes = {};
      this.drawn = 0;
      this.visibleCount = 0;
      this.loaded = false;
      GE.layers.push(this);
      var self = this;
      var t0 = window.performance ? performance.now() : 0;
      var read = typeof source === "string" ? GE.readPayload(document.getElementById(source)) : { sync: source };
      if (read.sync) this._setData(read.sync);
      else {
        read.async.then(function (payload) {
          self.timings = { read_ms: performance.now() - t0 };
          self._setData(payload);
          self.timings.ready_ms = performance.now() - t0;
          if (self._dirty) self._redrawIfAdded();
          self.timings.drawn_ms = performance.now() - t0;
        })
          .catch(function (err) { self.error = String(err); if (window.console) console.warn("geo-events: cannot read the map data: " + err); });
      }
    },

    _colorOf: function (type) {
      return this.options.colors[type] || this.options.unknownColor;
    },

    _setData: function (payload) {
      var keys = payload.keys, K = {};
      for (var k = 0; k < keys.length; k++) K[keys[k]] = k;
      var rows = payload.rows, coords = payload.coords, n = rows.length;
      this._k = K;
      this._rows = rows;
      this._n = n;
      this._x0 = new Float64Array(n);
      this._y0 = new Float64Array(n);
      this._lat = new Float64Array(n);
      this._lon = new Float64Array(n);
      this._day = new Int32Array(n);
      this._radius = new Float32Array(n);
      this._prec = new Uint8Array(n);
      this._type = new Array(n);
      this._color = new Array(n);
      var dayMin = Infinity, dayMax = -Infinity, days = {};
      var MAX_LAT = 85.0511287798, D2R = Math.PI / 180;
      for (var i = 0; i < n; i++) {
        var row = rows[i];
        var lon = (this._lon[i] = coords[i][0]);
        var lat = (this._lat[i] = coords[i][1]);
        // spherical Mercator at zoom 0 (what L.CRS.EPSG3857.latLngToPoint gives), without allocations
        var sin = Math.sin(Math.max(Math.min(lat, MAX_LAT), -MAX_LAT) * D2R);
        this._x0[i] = ((lon + 180) / 360) * 256;
        this._y0[i] = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * 256;
        var iso = row[K.event_date];
        var day = days[iso];
        if (day === undefined) day = days[iso] = dayOf(iso);
        this._day[i] = day;
        if (day < dayMin) dayMin = day;
        if (day > dayMax) dayMax = day;
        this._radius[i] = GE.markerRadius(row[K.fatalities_best]);
        this._prec[i] = row[K.geo_precision] || 1;
        this._type[i] = row[K.event_type];
        this._color[i] = this._colorOf(row[K.event_type]);
      }
      this.dayMin = this._from = n ? dayMin : 0;
      this.dayMax = this._to = n ? dayMax : 0;
      // big markers first so small ones stay clickable on top
      var radius = this._radius;
      this._order = Array.from({ length: n }, function (_, j) { return j; });
      this._order.sort(function (a, b) { return radius[b] - radius[a]; });
      this.visibleCount = n;
      this.loaded = true;
      this._dirty = true;
      this.fire("load", { count: n });
    },

    onAdd: function (map) {
      this._map = map;
      // own pane above the zones and lines (overlayPane 400) and below popups; clicks pass through to
      // the map, which hit-tests the events itself, so zone tooltips under the canvas keep working
      GE.ensurePane(map, this.options.pane, 450);
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
      this.drawn = 0;
    },

    getEvents: function () {
      return { moveend: this._reset, resize: this._reset, zoomend: this._reset };
    },

    setDateRange: function (from, to) {
      if (from === this._from && to === this._to && !this._dirty) return;
      this._from = from;
      this._to = to;
      this._redrawIfAdded();
    },

    toggleType: function (type) {
      this._hiddenTypes[type] = !this._hiddenTypes[type];
      this._redrawIfAdded();
      return !this._hiddenTypes[type];
    },

    _redrawIfAdded: function () {
      if (this._map) this._reset();
      else this._countVisible();
    },

    _isVisible: function (i) {
      var d = this._day[i];
      return d >= this._from && d <= this._to && !this._hiddenTypes[this._type[i]];
    },

    _countVisible: function () {
      var count = 0;
      for (var i = 0; i < this._n; i++) if (this._isVisible(i)) count++;
      this.visibleCount = count;
      return count;
    },

    // One pre-rendered sprite per (colour, radius, ring), kept as its opaque pixels: blending those into
    // one ImageData costs far less than a canvas draw call per event (software canvases: ~10 us each).
    _sprite: function (color, r, ring, ratio) {
      var key = color + "|" + r + "|" + (ring ? 1 : 0) + "|" + ratio;
      var cache = this._sprites || (this._sprites = {});
      var found = cache[key];
      if (found) return found;
      var half = Math.ceil(r + (ring ? 6 : 2));
      var size = Math.ceil(2 * half * ratio);
      var canvas = document.createElement("canvas");
      canvas.width = canvas.height = size;
      var ctx = canvas.getContext("2d");
      ctx.scale(ratio, ratio);
      ctx.beginPath();
      ctx.arc(half, half, r, 0, 2 * Math.PI);
      ctx.globalAlpha = 0.85;
      ctx.fillStyle = color;
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.lineWidth = 1;
      ctx.strokeStyle = "#ffffff";
      ctx.stroke();
      if (ring) {
        ctx.beginPath();
        ctx.arc(half, half, r + 4, 0, 2 * Math.PI);
        ctx.setLineDash([3, 3]);
        ctx.strokeStyle = color;
        ctx.lineWidth = 1.5;
        ctx.stroke();
      }
      var data = ctx.getImageData(0, 0, size, size).data;
      var offsets = [], rgba = [];
      for (var py = 0; py < size; py++) {
        for (var px = 0; px < size; px++) {
          var o = (py * size + px) * 4;
          if (data[o + 3] === 0) continue;
          offsets.push(px, py);
          rgba.push(data[o], data[o + 1], data[o + 2], data[o + 3]);
        }
      }
      found = cache[key] = {
        half: Math.round(half * ratio),
        offsets: new Int32Array(offsets),
        rgba: new Uint8Array(rgba),
        id: Object.keys(cache).length + 1,
      };
      return found;
    },

    // A translucent disc with a dashed rim: the "only the region is known" look of geo_precision 3.
    _areaSprite: function (color, r, ratio) {
      var cache = this._areaSprites || (this._areaSprites = {});
      var key = color + "|" + r + "|" + ratio;
      if (cache[key]) return cache[key];
      if (Object.keys(cache).length > 400) cache = this._areaSprites = {};
      var half = r + 2;
      var canvas = document.createElement("canvas");
      canvas.width = canvas.height = Math.ceil(2 * half * ratio);
      var ctx = canvas.getContext("2d");
      ctx.scale(ratio, ratio);
      ctx.beginPath();
      ctx.arc(half, half, r, 0, 2 * Math.PI);
      ctx.globalAlpha = 0.16;
      ctx.fillStyle = color;
      ctx.fill();
      ctx.globalAlpha = 0.85;
      ctx.setLineDash([5, 4]);
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = color;
      ctx.stroke();
      return (cache[key] = { canvas: canvas, half: half });
    },

    _colorBit: function (color) {
      var bits = this._bits || (this._bits = {});
      if (!bits[color]) bits[color] = 1 << Math.min(Object.keys(bits).length, 15);
      return bits[color];
    },

    _areaRadius: function (i) {
      return Math.max(this._areaPx / Math.cos((this._lat[i] * Math.PI) / 180), this._radius[i]);
    },

    _reset: function () {
      var map = this._map;
      if (!map) return;
      var size = map.getSize();
      var ratio = window.devicePixelRatio || 1;
      var canvas = this._canvas;
      var topLeft = map.containerPointToLayerPoint([0, 0]);
      L.DomUtil.setPosition(canvas, topLeft);
      var CW = (canvas.width = Math.round(size.x * ratio));
      var CH = (canvas.height = Math.round(size.y * ratio));
      canvas.style.width = size.x + "px";
      canvas.style.height = size.y + "px";
      var ctx = canvas.getContext("2d", { willReadFrequently: true });
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, size.x, size.y);
      var scale = (this._scale = Math.pow(2, map.getZoom()));
      var origin = map.getPixelOrigin();
      var offX = (this._offX = origin.x + topLeft.x), offY = (this._offY = origin.y + topLeft.y);
      this._areaPx = (this.options.regionKm * 1000 * 256 * scale) / EARTH_M;
      var W = size.x, H = size.y;
      var drawn = 0, visible = 0, dots = [], areasSeen = {}, areaCount = 0, areaPixels = 0;
      if (this._areaZoom !== map.getZoom()) { this._areaSprites = {}; this._areaZoom = map.getZoom(); }
      // pass 1: region-level areas as canvas paths (few, big, translucent); collect the dots
      for (var k = 0; k < this._n; k++) {
        var i = this._order[k];
        if (!this._isVisible(i)) continue;
        visible++;
        var x = this._x0[i] * scale - offX, y = this._y0[i] * scale - offY;
        var prec = this._prec[i];
        var r = prec === 3 ? this._areaRadius(i) : this._radius[i];
        if (x < -r - 6 || y < -r - 6 || x > W + r + 6 || y > H + r + 6) continue;
        drawn++;
        if (prec !== 3) { dots.push(i, x, y); continue; }
        // region-level areas: one cached image per (colour, radius), drawn once per colour and 4-px cell;
        // past a budget (zoomed in on thousands of them) the rest are drawn like approximate places
        var color = this._color[i];
        var areaKey = ((x / 4) | 0) + ":" + ((y / 4) | 0) + ":" + color;
        if (areasSeen[areaKey]) continue;
        if (areaCount >= this.options.areaBudget || (areaCount >= 20 && areaPixels > 8 * W * H)) {
          dots.push(i, x, y);
          continue;
        }
        areasSeen[areaKey] = true;
        areaCount++;
        areaPixels += 4 * r * r;
        if (r > 256) {
          // too big for a cached image: draw the disc directly
          ctx.beginPath();
          ctx.arc(x, y, r, 0, 2 * Math.PI);
          ctx.globalAlpha = 0.16;
          ctx.fillStyle = color;
          ctx.fill();
          ctx.globalAlpha = 0.85;
          ctx.setLineDash([5, 4]);
          ctx.lineWidth = 1.5;
          ctx.strokeStyle = color;
          ctx.stroke();
          ctx.setLineDash([]);
          ctx.globalAlpha = 1;
          continue;
        }
        var area = this._areaSprite(color, Math.max(2, Math.round(r / (r > 40 ? 6 : 2)) * (r > 40 ? 6 : 2)), ratio);
        ctx.drawImage(area.canvas, x - area.half, y - area.half, 2 * area.half, 2 * area.half);
      }
      // pass 2: blend the dot sprites into the pixels ("over" compositing, straight alpha)
      if (dots.length) {
        var image = ctx.getImageData(0, 0, CW, CH), buf = image.data;
        // dedup: drawing order is biggest first, so a later dot of the same colour on the same 3-px cell
        // is (almost) entirely under one already drawn; skipping it keeps 100k-event redraws fast
        var GW = Math.ceil(CW / 3) + 1, GH = Math.ceil(CH / 3) + 1;
        var seen = new Uint16Array(GW * GH);
        for (var d = 0; d < dots.length; d += 3) {
          var j = dots[d];
          var sprite = this._sprite(this._color[j], Math.round(this._radius[j] * 2) / 2, this._prec[j] !== 1, ratio);
          var sx = Math.round(dots[d + 1] * ratio) - sprite.half, sy = Math.round(dots[d + 2] * ratio) - sprite.half;
          var gx = ((sx + sprite.half) / 3) | 0, gy = ((sy + sprite.half) / 3) | 0;
          if (gx >= 0 && gy >= 0 && gx < GW && gy < GH) {
            var bit = this._colorBit(this._color[j]);
            var cell = gy * GW + gx;
            if (seen[cell] & bit) continue;
            seen[cell] |= bit;
          }
          var offsets = sprite.offsets, rgba = sprite.rgba;
          for (var p = 0, q = 0; p < offsets.length; p += 2, q += 4) {
            var tx = sx + offsets[p], ty = sy + offsets[p + 1];
            if (tx < 0 || ty < 0 || tx >= CW || ty >= CH) continue;
            var o = (ty * CW + tx) * 4;
            var da = buf[o + 3];
            if (da === 0) {
              buf[o] = rgba[q];
              buf[o + 1] = rgba[q + 1];
              buf[o + 2] = rgba[q + 2];
              buf[o + 3] = rgba[q + 3];
              continue;
            }
            var sa = rgba[q + 3] / 255;
            da = da / 255;
            var oa = sa + da * (1 - sa);
            var wd = (da * (1 - sa)) / oa, ws = sa / oa;
            buf[o] = rgba[q] * ws + buf[o] * wd;
            buf[o + 1] = rgba[q + 1] * ws + buf[o + 1] * wd;
            buf[o + 2] = rgba[q + 2] * ws + buf[o + 2] * wd;
            buf[o + 3] = oa * 255;
          }
        }
        ctx.putImageData(image, 0, 0);
      }
      this.drawn = drawn;
      this.visibleCount = visible;
      this._dirty = false;
      this.fire("redraw", { drawn: drawn, visible: visible });
    },

    // Visible events under a container point, nearest first (a linear scan: ~1 ms for 100k events).
    hitTest: function (point) {
      if (!this._map || !this._scale) return [];
      var pad = this.options.hitPadding, scale = this._scale, offX = this._offX, offY = this._offY;
      var hits = [];
      for (var i = 0; i < this._n; i++) {
        var dx = this._x0[i] * scale - offX - point.x;
        if (dx > 60 && this._prec[i] !== 3) continue;
        if (dx < -60 && this._prec[i] !== 3) continue;
        var dy = this._y0[i] * scale - offY - point.y;
        var r = this._prec[i] === 3 ? this._areaRadius(i) : this._radius[i];
        var dist = Math.sqrt(dx * dx + dy * dy);
        if (dist <= r + pad && this._isVisible(i)) hits.push([dist, i]);
      }
      hits.sort(function (a, b) { return a[0] - b[0]; });
      return hits.map(function (h) { return h[1]; });
    },

    _onClick: function (e) {
      var hits = this.hitTest(e.containerPoint);
      if (!hits.length) return;
      var self = this;
      var shown = hits.slice(0, 5).map(function (i) { return GE.popupHtml(self, i); });
      var more = hits.length > 5 ? '<div class="ge-muted">\u2026 and ' + (hits.length - 5) + " more here; zoom in</div>" : "";
      var first = hits[0];
      L.popup({ maxWidth: 440, maxHeight: 380, className: "ge-popup-wrap", autoPanPaddingTopLeft: [20, 90] })
        .setLatLng([this._lat[first], this._lon[first]])
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
})(window);
