// Reading the API, and the corrections it takes (see the README's corrections contract).

export async function getJSON(path) {
  const response = await fetch(path);
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = new Error((body && detail(body.detail)) || `${response.status} ${response.statusText}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

// Every item of a listing, following `next` to the end.
export async function all(path) {
  const items = [];
  let url = path;
  while (url) {
    const page = await getJSON(url);
    items.push(...(page.items || page.features));
    url = page.next ? `${path}${path.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(page.next)}` : null;
  }
  return items;
}

export async function postJSON(path, body, token) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  let answer = null;
  try {
    answer = await response.json();
  } catch {
    answer = null;
  }
  if (!response.ok) {
    const error = new Error((answer && detail(answer.detail)) || `${response.status} ${response.statusText}`);
    error.status = response.status;
    throw error;
  }
  return answer;
}

// FastAPI's `detail` is a message, or a list of {loc, msg} for a request it could not read.
function detail(value) {
  if (!value) return "";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map((d) => `${(d.loc || []).join(".")}: ${d.msg}`).join("; ");
  return JSON.stringify(value);
}

export function documentPath(id) {
  return `/documents/${encodeURIComponent(id).replaceAll("%2F", "/")}`;
}
