/*
 * geo-events time maps (own code, MIT, part of geo-events): dated zones and lines, and the timeline
 * control (slider, play / pause / step, the date shown, the date kept in the URL as #date=YYYY-MM-DD).
 *
 * GeoEvents.DatedShapes holds one path per group (a zone's area, or the de-confliction line); setDay()
 * gives each path the shape and style of its state valid that day and hides it when none is. Paths are
 * made once, larger areas first, and only shown or hidden, so pockets stay drawn over the zones around
 * them. Tooltip text is escaped (GeoEvents.escape) before it becomes HTML. Payloads come from
 * maps/timeline.py (dated_payload).
 *
 * GeoEvents.ChangeMarks holds the changes of control (maps/timeline.py change_payload): a ring at a point
 * inside each changed piece, shown (and flashing, CSS .ge-change-mark) during the step holding its day;
 * the timeline lists the step's changes in its panel.
 */
(function (window) {
  "use strict";
  var L = window.L;
  var GE = (window.GeoEvents = window.GeoEvents || {});
  var esc = function (value) { return GE.escape(value); };
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  GE.dated = [];

  GE.longDate = function (day) {
    var d = new Date(day * 86400000);
    return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
  };

  function depth(type) {
    return { LineString: 0, MultiLineString: 1, Polygon: 1, MultiPolygon: 2 }[type] || 0;
  }

  GE.DatedShapes = L.LayerGroup.extend({
    initialize: function (source, options) {
      L.LayerGroup.prototype.initialize.call(this, [], options);
      this.kind = (options && options.kind) || "zone";
      this.loaded = false;
      this.day = null;
      this.visible = 0;
      GE.dated.push(this);
      var self = this;
      var read = GE.readPayload(document.getElementById(source));
      if (read.sync) this._setData(read.sync);
      else read.async.then(function (payload) { self._setData(payload); })
        .catch(function (err) { self.error = String(err); if (window.console) console.warn("geo-events: cannot read the zones: " + err); });
    },

    onAdd: function (map) {
      L.LayerGroup.prototype.onAdd.call(this, map);
      if (this.day !== null) this.setDay(this.day, true); // the layer control re-made the paths
    },

    _setData: function (payload) {
      this._p = payload;
      this._latlngs = [];
      this._byGroup = payload.groups.map(function () { return []; });
      var self = this;
      payload.items.forEach(function (item) { self._byGroup[item[0]].push(item); });
      this._paths = payload.groups.map(function (name, g) {
        var first = self._byGroup[g][0];
        var make = self.kind === "line" ? L.polyline : L.polygon;
        var path = make(self._shape(first[3]), payload.styles[first[4]]);
        path._geGroup = name;
        path._geItem = null;
        path.bindTooltip(function () { return self._tooltip(path._geItem); }, { sticky: true });
        self.addLayer(path);
        return path;
      });
      this.loaded = true;
      if (this.day !== null) this.setDay(this.day, true);
      this.fire("load");
    },

    _shape: function (index) {
      if (!this._latlngs[index]) {
        var geometry = this._p.geometries[index];
        this._latlngs[index] = L.GeoJSON.coordsToLatLngs(geometry.coordinates, depth(geometry.type));
      }
      return this._latlngs[index];
    },

    _tooltip: function (item) {
      if (!item) return "";
      var info = this._p.infos[item[5]] || {};
      var when = esc(info.valid_from) + " \u2192 " + (info.valid_to ? esc(info.valid_to) : "still so");
      var parts = ["<b>" + esc(info.name || (this.kind === "line" ? "De-confliction line" : "Zone")) + "</b>"];
      if (info.controller) parts.push(esc(info.controller));
      parts.push(when);
      var how = [info.confidence, info.origin].filter(Boolean).map(esc).join(", ");
      if (how) parts.push('<span class="ge-muted">' + how + "</span>");
      if (info.sources) parts.push('<span class="ge-muted">Sources: ' + esc(info.sources) + "</span>");
      return '<div class="ge-zone-tip">' + parts.join("<br>") + "</div>";
    },

    // Show every group's state valid on `day` (days since 1970-01-01); hide groups with none.
    setDay: function (day, force) {
      if (day === this.day && !force) return;
      this.day = day;
      if (!this.loaded) return;
      var visible = 0, p = this._p;
      for (var g = 0; g < this._paths.length; g++) {
        var items = this._byGroup[g], item = null;
        for (var k = items.length - 1; k >= 0; k--) {
          if (items[k][1] <= day && items[k][2] >= day) { item = items[k]; break; }
        }
        var path = this._paths[g];
        if (item !== path._geItem) {
          if (item && (!path._geItem || path._geItem[3] !== item[3])) path.setLatLngs(this._shape(item[3]));
          if (item) path.setStyle(p.styles[item[4]]);
          path._geItem = item;
        }
        var element = path.getElement && path.getElement();
        if (element) {
          element.style.display = item ? "" : "none";
          element.setAttribute("data-group", p.groups[g]);
          element.setAttribute("data-controller", item ? (p.infos[item[5]] || {}).controller || "" : "");
        }
        if (item) visible++;
      }
      this.visible = visible;
    },

    // How many states start on a day in [from, to] (changes of control shown in the date label).
    startsBetween: function (from, to) {
      if (!this.loaded) return 0;
      var count = 0;
      this._p.items.forEach(function (item) { if (item[1] >= from && item[1] <= to) count++; });
      return count;
    },
  });

  GE.ChangeMarks = L.LayerGroup.extend({
    initialize: function (source, options) {
      L.LayerGroup.prototype.initialize.call(this, [], options);
      this.kind = "changes";
      this.loaded = false;
      this.range = null;
      this.shown = [];
      GE.dated.push(this);
      var self = this;
      var read = GE.readPayload(document.getElementById(source));
      if (read.sync) this._setData(read.sync);
      else read.async.then(function (payload) { self._setData(payload); })
        .catch(function (err) { self.error = String(err); if (window.console) console.warn("geo-events: cannot read the changes: " + err); });
    },

    _setData: function (payload) {
      this._p = payload;
      this._marks = [];
      this.loaded = true;
      if (this.range) this.setRange(this.range[0], this.range[1], true);
      this.fire("load");
    },

    _mark: function (k) {
      if (!this._marks[k]) {
        var item = this._p.items[k], self = this;
        var mark = L.circleMarker([item[1], item[2]], {
          radius: Math.max(7, Math.min(22, 5 + 2.2 * Math.sqrt(item[4]))), color: item[3], weight: 3,
          fillColor: item[3], fillOpacity: 0.2, className: "ge-change-mark",
        });
        mark.bindTooltip(function () { return self.describe(k, true); }, { sticky: true });
        this._marks[k] = mark;
      }
      return this._marks[k];
    },

    setDay: function () { /* the timeline calls setRange with the step's window */ },

    // Show the marks of the changes whose day is in [from, to]; each flashes as it appears.
    setRange: function (from, to, force) {
      if (!force && this.range && this.range[0] === from && this.range[1] === to) return;
      this.range = [from, to];
      if (!this.loaded) return;
      var wanted = [], items = this._p.items;
      for (var k = 0; k < items.length; k++) if (items[k][0] >= from && items[k][0] <= to) wanted.push(k);
      var self = this;
      this.shown.forEach(function (k) { if (wanted.indexOf(k) < 0) self.removeLayer(self._mark(k)); });
      wanted.forEach(function (k) {
        var mark = self._mark(k);
        if (!self.hasLayer(mark)) self.addLayer(mark);
        var element = mark.getElement && mark.getElement();
        if (element) {
          element.setAttribute("data-date", self._p.infos[items[k][5]].date);
          element.setAttribute("data-after", self._p.infos[items[k][5]].after || "");
        }
      });
      this.shown = wanted;
    },

    // The text of change k (escaped HTML): date, who lost, who gained, km², where, sources.
    describe: function (k, long) {
      var info = this._p.infos[this._p.items[k][5]] || {};
      var text = "<b>" + esc(info.date) + "</b> " + esc(info.before || "nobody") + " \u2192 " +
        esc(info.after || "nobody") + ", " + esc(info.km2) + " km\u00b2" + (info.names ? " (" + esc(info.names) + ")" : "");
      if (long && info.sources) text += '<br><span class="ge-muted">Sources: ' + esc(info.sources) + "</span>";
      return long ? '<div class="ge-zone-tip">' + text + "</div>" : text;
    },
  });

  GE.Timeline = L.Control.extend({
    includes: L.Evented.prototype,
    options: { position: "bottomleft", steps: [], step: "week", initial: null, interval: 900 },

    initialize: function (events, shapes, options) {
      L.setOptions(this, options);
      this._events = events;
      this._shapes = shapes;
      this.steps = this.options.steps;
      this.index = 0;
      this.playing = false;
      this.ready = false;
    },

    onAdd: function (map) {
      var self = this, box = L.DomUtil.create("div", "ge-box ge-timeline ge-timemap");
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      this._date = L.DomUtil.create("div", "ge-timeline-date", box);
      this._info = L.DomUtil.create("div", "ge-timeline-info ge-muted", box);
      this._marks = this._shapes.filter(function (layer) { return layer.kind === "changes"; })[0] || null;
      var row = L.DomUtil.create("div", "ge-timeline-buttons", box);
      this._prev = this._button(row, "ge-tl-prev", "\u25c0", "previous " + this.options.step, function () { self.pause(); self.go(self.index - 1); });
      this._play = this._button(row, "ge-tl-play", "\u25b6 play", "play / pause", function () { if (self.playing) self.pause(); else self.play(); });
      this._next = this._button(row, "ge-tl-next", "\u25b6|", "next " + this.options.step, function () { self.pause(); self.go(self.index + 1); });
      var keep = L.DomUtil.create("label", "ge-tl-keep-label", row);
      this._keep = L.DomUtil.create("input", "ge-tl-keep", keep);
      this._keep.type = "checkbox";
      keep.appendChild(document.createTextNode(" keep earlier events"));
      this._keep.addEventListener("change", function () { self.go(self.index, true); });
      this._slider = L.DomUtil.create("input", "ge-tl-slider", box);
      this._slider.type = "range";
      this._slider.min = 0;
      this._slider.max = Math.max(this.steps.length - 1, 0);
      this._slider.step = 1;
      this._slider.setAttribute("aria-label", "date");
      this._slider.addEventListener("input", function () { self.pause(); self.go(Number(self._slider.value)); });
      this._embedButton = this._button(row, "ge-tl-embed", "embed", "iframe snippet that opens on this date", function () { self._toggleEmbed(); });
      if (this._marks) {
        var panel = L.DomUtil.create("div", "ge-tl-changes", box);
        var key = L.DomUtil.create("div", "ge-tl-changes-key", panel);
        key.innerHTML = '<span class="ge-tl-ring"></span> Changes of control this ' + esc(this.options.step) +
          ' <span class="ge-muted">(rings flash on their day)</span>';
        this._changeList = L.DomUtil.create("ol", "ge-tl-change-list", panel);
      }
      this._snippet = L.DomUtil.create("textarea", "ge-tl-snippet", box);
      this._snippet.readOnly = true;
      this._snippet.style.display = "none";
      var first = this._fromHash();
      if (first === null && this.options.initial !== null) first = this.indexOf(this.options.initial);
      this.index = first === null ? 0 : first;
      window.addEventListener("hashchange", function () {
        var wanted = self._fromHash();
        if (wanted !== null && wanted !== self.index) self.go(wanted);
      });
      var pending = [this._events].concat(this._shapes).filter(function (layer) { return !layer.loaded; });
      pending.forEach(function (layer) {
        layer.once("load", function () {
          pending = pending.filter(function (other) { return other !== layer; });
          if (!pending.length) self._start();
        });
      });
      if (!pending.length) setTimeout(function () { self._start(); }, 0);
      else this._date.textContent = "loading\u2026";
      return box;
    },

    _start: function () {
      this.ready = true;
      this.go(this.index, true);
      this.readyMs = window.performance ? performance.now() : null; // navigation start -> first step drawn
    },

    _button: function (parent, cls, text, title, onClick) {
      var button = L.DomUtil.create("button", cls, parent);
      button.type = "button";
      button.textContent = text;
      button.title = title;
      button.addEventListener("click", onClick);
      return button;
    },

    // The step holding `day`: the last slider day on or before it (the first one before the start).
    indexOf: function (day) {
      var found = 0;
      for (var i = 0; i < this.steps.length; i++) if (this.steps[i] <= day) found = i;
      return found;
    },

    _fromHash: function () {
      var match = /(?:^#|&)date=(\d{4}-\d{2}-\d{2})/.exec(window.location.hash || "");
      if (!match) return null;
      var day = Math.round(Date.parse(match[1] + "T00:00:00Z") / 86400000);
      return isNaN(day) ? null : this.indexOf(day);
    },

    windowOf: function (index) {
      var from = this.steps[index];
      var to = index + 1 < this.steps.length ? this.steps[index + 1] - 1 : from;
      return [from, Math.max(from, to)];
    },

    go: function (index, force) {
      index = Math.max(0, Math.min(this.steps.length - 1, index));
      if (index === this.index && !force && this.ready) return;
      this.index = index;
      if (!this.ready || !this.steps.length) return;
      var span = this.windowOf(index), day = span[0];
      this._shapes.forEach(function (shapes) { shapes.setDay(day); if (shapes.setRange) shapes.setRange(span[0], span[1]); });
      if (this._marks) this._listChanges();
      this._events.setDateRange(this._keep.checked ? this.steps[0] : span[0], span[1]);
      this._slider.value = index;
      var iso = GE.dayToIso(day);
      this.day = iso;
      this._date.textContent = GE.longDate(day);
      this._date.setAttribute("data-date", iso);
      var changes = 0;
      this._shapes.forEach(function (shapes) { if (shapes.kind === "zone") changes += shapes.startsBetween(span[0], span[1]); });
      var window_ = span[1] > span[0] ? GE.dayToIso(span[0]) + " \u2013 " + GE.dayToIso(span[1]) : iso;
      this._info.textContent = window_ + " \u00b7 " + this._events.visibleCount + (this._events.visibleCount === 1 ? " event" : " events") +
        (changes ? " \u00b7 " + changes + (changes === 1 ? " zone change" : " zone changes") : "") +
        " \u00b7 " + (index + 1) + "/" + this.steps.length;
      this._prev.disabled = index === 0;
      this._next.disabled = index === this.steps.length - 1;
      try {
        window.history.replaceState(null, "", "#date=" + iso);
      } catch (err) { /* a sandboxed frame may refuse it: the map still works */ }
      if (this._snippet.style.display !== "none") this._snippet.value = this.embedSnippet();
      this.fire("step", { index: index, date: iso });
    },

    // The panel's list of the step's changes (at most 6, then "and N more").
    _listChanges: function () {
      var marks = this._marks, list = this._changeList, shown = marks.shown || [];
      var html = shown.slice(0, 6).map(function (k) { return "<li>" + marks.describe(k, false) + "</li>"; });
      if (shown.length > 6) html.push('<li class="ge-muted">and ' + (shown.length - 6) + " more</li>");
      if (!shown.length) html.push('<li class="ge-muted">none</li>');
      list.innerHTML = html.join("");
      list.setAttribute("data-count", String(shown.length));
    },

    play: function () {
      var self = this;
      if (this.index >= this.steps.length - 1) this.go(0);
      this.playing = true;
      this._play.textContent = "\u275a\u275a pause";
      this._timer = setInterval(function () {
        if (self.index >= self.steps.length - 1) { self.pause(); return; }
        self.go(self.index + 1);
      }, this.options.interval);
    },

    pause: function () {
      if (this._timer) clearInterval(this._timer);
      this._timer = null;
      this.playing = false;
      this._play.textContent = "\u25b6 play";
    },

    // The iframe snippet of this page opening on the current date (a text value, never parsed as HTML).
    embedSnippet: function () {
      var src = String(window.location.href).split("#")[0] + "#date=" + this.day;
      return '<iframe src="' + esc(src) + '" title="' + esc(document.title) + '" loading="lazy" ' +
        'style="width:100%;aspect-ratio:16/10;border:0" allowfullscreen></iframe>';
    },

    _toggleEmbed: function () {
      var shown = this._snippet.style.display !== "none";
      this._snippet.style.display = shown ? "none" : "";
      if (!shown) { this._snippet.value = this.embedSnippet(); this._snippet.select(); }
    },
  });

  GE.timelineReady = function () {
    return !GE.timeline || (GE.timeline.ready && GE.dated.every(function (layer) { return layer.loaded; }));
  };
})(window);
