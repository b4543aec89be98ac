// An export's GeoJSON (`/export/<kind>.geojson`, the page's own query string passed on as its
// filters; `kind` defaults to arrangements) drawn on the dashboard's map: areas as polygons,
// places as dots, each with its properties as text in a popup. It shows what QGIS will show.
"use strict";

const map = L.map("map", { worldCopyJump: true, attributionControl: false }).setView([35, 38], 5);
const status = document.getElementById("status");

function popup(properties) {
  const list = document.createElement("dl");
  for (const [key, value] of Object.entries(properties)) {
    if (value === null || value === "") continue;
    const term = document.createElement("dt");
    term.textContent = key;
    const detail = document.createElement("dd");
    detail.textContent = String(value);
    list.append(term, detail);
  }
  return list;
}

async function getJSON(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function main() {
  const query = new URLSearchParams(window.location.search);
  const kind = query.get("kind") || "arrangements";
  query.delete("kind");
  const borders = await getJSON("/static/countries.geojson");
  L.geoJSON(borders, {
    interactive: false,
    style: { color: "#777", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1 },
  }).addTo(map);
  const data = await getJSON(`/export/${encodeURIComponent(kind)}.geojson?${query}`);
  const layer = L.geoJSON(data, {
    // Leaflet styles every layer of the collection, points too: areas alone get the area style
    style: (feature) =>
      feature.geometry.type.endsWith("Point")
        ? { className: "export-point" }
        : { className: "export-area", color: "#b03a2e", weight: 2, fillOpacity: 0.2 },
    pointToLayer: (_, latlng) =>
      L.circleMarker(latlng, { className: "export-point", radius: 6, color: "#1f4e79" }),
    onEachFeature: (feature, shape) => shape.bindPopup(() => popup(feature.properties)),
  }).addTo(map);
  if (layer.getLayers().length) map.fitBounds(layer.getBounds(), { maxZoom: 8 });
  status.textContent = `${data.features.length} ${kind}`;
  status.dataset.features = String(data.features.length);
  status.dataset.ready = "true";
}

main().catch((error) => {
  status.textContent = String(error);
  status.dataset.ready = "error";
});
