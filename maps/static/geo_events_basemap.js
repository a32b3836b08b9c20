/*
 * geo-events offline basemap labels (own code, MIT, part of geo-events).
 *
 * GeoEvents.PlaceLabels writes town, river and governorate names over the offline basemap: rows
 * [lon, lat, label, rank, kind] come biggest first (maps/basemap.py); at each zoom only places whose rank
 * (population) is big enough are tried, and a label that would overlap one already placed is skipped.
 * Labels are text nodes (textContent), never HTML.
 */
(function (window) {
  "use strict";
  var L = window.L;
  var GE = (window.GeoEvents = window.GeoEvents || {});
  var KIND_CLASS = ["ge-city", "ge-town", "ge-village", "ge-river-label", "ge-admin1-label"];
  var FONT_PX = [13, 11.5, 10.5, 11.5, 10.5];

  // the smallest population labelled at a zoom level (rivers and governorates use their own ranks)
  function minRank(zoom) {
    if (zoom <= 4) return 1000000;
    if (zoom <= 5) return 300000;
    if (zoom <= 6) return 80000;
    if (zoom <= 7) return 20000;
    if (zoom <= 8) return 4000;
    if (zoom <= 9) return 1500;
    return 0;
  }
  GE.labelMinRank = minRank;

  GE.PlaceLabels = L.Layer.extend({
    options: { pane: "geoEventsLabels", maxLabels: 160, padding: 3 },

    initialize: function (source, options) {
      L.setOptions(this, options);
      var element = typeof source === "string" ? document.getElementById(source) : null;
      this._rows = element ? JSON.parse(element.textContent).rows : (source && source.rows) || [];
      this.shown = [];
    },

    onAdd: function (map) {
      this._map = map;
      // above the zones (overlayPane 400) so names stay readable, below the events (450) and popups
      GE.ensurePane(map, this.options.pane, 430);
      this._box = L.DomUtil.create("div", "ge-labels leaflet-zoom-hide", this.getPane());
      this._update();
    },

    onRemove: function () {
      L.DomUtil.remove(this._box);
      this.shown = [];
    },

    getEvents: function () {
      return { zoomend: this._update, moveend: this._update, resize: this._update };
    },

    _update: function () {
      var map = this._map;
      if (!map) return;
      var zoom = map.getZoom(), floor = minRank(zoom), size = map.getSize();
      var pad = this.options.padding, placed = [], shown = [];
      this._box.textContent = "";
      for (var i = 0; i < this._rows.length && shown.length < this.options.maxLabels; i++) {
        var row = this._rows[i], kind = row[4];
        if (kind < 3 && row[3] < floor) continue;
        if (kind === 3 && zoom < 6) continue;
        if (kind === 4 && (zoom < 6 || zoom > 10)) continue;
        var point = map.latLngToContainerPoint([row[1], row[0]]);
        var font = FONT_PX[kind] + (kind === 0 && row[3] >= 1000000 ? 1.5 : 0);
        var width = String(row[2]).length * font * (kind === 4 ? 0.72 : 0.56) + (kind < 3 ? 9 : 0);
        var height = font + 4;
        // towns: the name to the right of the dot; rivers and governorates: centred on the anchor
        var left = kind < 3 ? point.x - 4 : point.x - width / 2, top = point.y - height / 2;
        if (left + width < 0 || top + height < 0 || left > size.x || top > size.y) continue;
        var clash = false;
        for (var j = 0; j < placed.length; j++) {
          var b = placed[j];
          if (left < b[2] + pad && left + width + pad > b[0] && top < b[3] + pad && top + height + pad > b[1]) { clash = true; break; }
        }
        if (clash) continue;
        placed.push([left, top, left + width, top + height]);
        var label = L.DomUtil.create("div", "ge-place-label " + KIND_CLASS[kind], this._box);
        if (kind < 3) L.DomUtil.create("span", "ge-place-dot", label);
        var text = L.DomUtil.create("span", "ge-place-name", label);
        text.textContent = row[2];
        label.style.fontSize = font + "px";
        L.DomUtil.setPosition(label, map.containerPointToLayerPoint([left, top]));
        shown.push(row[2]);
      }
      this.shown = shown;
    },
  });
})(window);
