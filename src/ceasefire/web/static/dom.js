// Small helpers to build the page. Text from the API always goes in as text (textContent),
// never as markup.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "onclick") node.addEventListener("click", value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

const SVG = "http://www.w3.org/2000/svg";

export function svg(tag, attrs = {}, text = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text !== null) node.textContent = text;
  return node;
}

export function quote(text) {
  return el("blockquote", { dir: "auto", text: text || "" });
}

export function table(headers, rows, attrs = {}) {
  const t = el("table", attrs, el("tr", {}, ...headers.map((h) => el("th", { text: h }))));
  for (const row of rows) {
    const cells = row.cells || row;
    const tr = el("tr", row.attrs || {}, ...cells.map((cell) => el("td", {}, cell)));
    t.append(tr);
  }
  return t;
}

export function names(actors) {
  return (actors || []).map((x) => x.canonical || x.name).join(", ") || "–";
}

export function placeNames(places) {
  return [...new Set((places || []).map((p) => p.canonical || p.name))].join(", ");
}

// A link to another view of the page (`hash`: its address); `go` opens it without a reload.
export function viewLink(text, hash, go, attrs = {}) {
  const link = el("a", { href: hash, dir: "auto", text, ...attrs });
  link.addEventListener("click", (event) => {
    event.preventDefault();
    go();
  });
  return link;
}

// "corrected: status, type" for records a correction touched (the API's `corrected` list).
export function correctedBadge(record) {
  const fields = record && record.corrected;
  if (!fields || !fields.length) return null;
  return el("span", { class: "corrected", title: "changed by a correction", text: `corrected: ${fields.join(", ")}` });
}
