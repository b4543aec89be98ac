// The map: country borders, the arrangements' areas (a nationwide one as its country's
// outline), the events as dots, and the names of the places most often named by what is
// shown, always visible.

import { el } from "./dom.js";

const LABELS = 8; // how many places are named on the map

export class EventMap {
  constructor(node, handlers) {
    this.handlers = handlers; // onArrangement(id), onEvent(id)
    this.map = L.map(node, { worldCopyJump: true, attributionControl: false }).setView([35, 38], 5);
    this.borders = L.layerGroup().addTo(this.map);
    this.areas = L.layerGroup().addTo(this.map);
    this.dots = L.layerGroup().addTo(this.map);
    this.labels = L.layerGroup().addTo(this.map);
    this.countries = new Map(); // ISO alpha-2 code -> its border Feature
    this.places = []; // the places to name, most named first
    this.map.on("moveend", () => this.placeLabels());
  }

  setBorders(collection) {
    for (const feature of collection.features) {
      if (feature.properties.iso2) this.countries.set(feature.properties.iso2, feature);
    }
    L.geoJSON(collection, {
      interactive: false,
      style: { color: "#777", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1 },
    }).addTo(this.borders);
  }

  // A country named as an arrangement's place (not a city or region in it) is its scope.
  nationalOutline(a) {
    const features = (a.places || [])
      .filter((p) => p.kind === "country" && this.countries.has(p.country))
      .map((p) => this.countries.get(p.country));
    return features.length ? { type: "FeatureCollection", features } : null;
  }

  draw(arrangements, events, selected) {
    this.areas.clearLayers();
    this.dots.clearLayers();
    this.drawn = new Map(); // record id -> its layer
    // Nationwide outlines first, below the smaller areas, so that those stay clickable.
    const drawn = arrangements.map((a) => ({ a, outline: this.nationalOutline(a) }));
    drawn.sort((x, y) => Boolean(y.outline) - Boolean(x.outline));
    for (const { a, outline } of drawn) {
      const shape = outline || a.area;
      if (!shape) continue;
      const chosen = a.id === selected.arrangement;
      const layer = L.geoJSON(shape, {
        style: {
          color: chosen ? "#123d66" : "#2a6fb0",
          weight: chosen ? 3 : outline ? 2 : 1,
          fillOpacity: outline ? 0.06 : 0.15,
          dashArray: outline ? "6 4" : null,
          className: `area${outline ? " national" : ""}${chosen ? " selected" : ""}`,
        },
      });
      layer.on("click", () => this.handlers.onArrangement(a.id));
      this.drawn.set(a.id, layer);
      layer.bindTooltip(el("span", { text: `${a.type} (${a.start || "?"})${outline ? " — nationwide" : ""}` }), { sticky: true });
      this.areas.addLayer(layer);
    }
    for (const e of events) {
      if (!e.point) continue;
      const [lon, lat] = e.point;
      const chosen = e.id === selected.event;
      const dot = L.circleMarker([lat, lon], {
        radius: 4 + Math.min(8, Math.sqrt(e.fatalities || 0)),
        color: chosen ? "#000" : "#b22",
        weight: chosen ? 3 : 1,
        fillOpacity: 0.6,
        className: `event-dot${chosen ? " selected" : ""}`,
      });
      dot.bindTooltip(el("span", { dir: "auto", text: `${e.date || "?"} ${e.subtype || e.type} · ${placeName(e.place)}` }));
      dot.on("click", () => this.handlers.onEvent(e.id));
      this.dots.addLayer(dot);
      this.drawn.set(e.id, dot);
      const path = dot.getElement();
      if (path) {
        path.setAttribute("data-event", e.id);
        path.setAttribute("data-date", e.date || "");
      }
    }
    this.drawLabels(arrangements, events);
  }

  // Permanent labels for the places the shown records name most (cities and regions; a
  // country is drawn as its outline instead).
  drawLabels(arrangements, events) {
    this.labels.clearLayers();
    const counts = new Map();
    const add = (p) => {
      if (!p || p.kind === "country" || p.lat == null || p.lon == null) return;
      const name = placeName(p);
      const entry = counts.get(name) || { name, lat: p.lat, lon: p.lon, n: 0 };
      entry.n += 1;
      counts.set(name, entry);
    };
    for (const a of arrangements) for (const p of a.places || []) add(p);
    for (const e of events) add(e.place);
    this.places = [...counts.values()].sort((a, b) => b.n - a.n || a.name.localeCompare(b.name));
    this.placeLabels();
  }

  // The first LABELS places in view whose labels do not cover one already placed.
  placeLabels() {
    this.labels.clearLayers();
    const taken = [];
    const seen = this.map.getBounds().pad(0.1);
    for (const p of this.places) {
      if (taken.length >= LABELS) break;
      if (!seen.contains([p.lat, p.lon])) continue;
      const at = this.map.latLngToContainerPoint([p.lat, p.lon]);
      const box = { x0: at.x + 4, x1: at.x + 12 + 7 * p.name.length, y0: at.y - 9, y1: at.y + 9 };
      if (taken.some((t) => box.x0 < t.x1 && t.x0 < box.x1 && box.y0 < t.y1 && t.y0 < box.y1)) continue;
      taken.push(box);
      L.tooltip({ permanent: true, direction: "right", offset: [6, 0], className: "place-label", interactive: false })
        .setLatLng([p.lat, p.lon])
        .setContent(el("span", { dir: "auto", text: p.name }))
        .addTo(this.labels);
    }
  }

  // Bring the selected record into view when it is outside it (a record clicked on the
  // map is in view already, and the map stays as it is).
  reveal(id) {
    const layer = id && this.drawn && this.drawn.get(id);
    if (!layer) return;
    const bounds = layer.getBounds ? layer.getBounds() : L.latLngBounds([layer.getLatLng()]);
    if (!bounds.isValid() || this.map.getBounds().contains(bounds)) return;
    this.map.fitBounds(bounds, { padding: [30, 30], maxZoom: Math.max(this.map.getZoom(), 6) });
  }

  // The whole of what is shown: the arrangements' areas, else the events.
  fit() {
    const layers = [...(this.drawn || new Map()).values()];
    const areas = layers.filter((l) => l.getBounds);
    const chosen = areas.length ? areas : layers;
    if (!chosen.length) return;
    const bounds = L.latLngBounds([]);
    for (const l of chosen) bounds.extend(l.getBounds ? l.getBounds() : l.getLatLng());
    if (bounds.isValid()) this.map.fitBounds(bounds, { padding: [20, 20], maxZoom: 8 });
  }
}

export function placeName(p) {
  return p ? p.canonical || p.name || "?" : "?";
}
