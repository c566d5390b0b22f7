// The kgbuild query page: send the query to /sparql (SPARQL 1.1 protocol), show the answer.
// Everything from the store is put in the page as text (textContent), never as HTML.
"use strict";

// from examples.json: prefixes (for the query header and for showing IRIs short) and example queries
let PREFIXES = {};
let HEADER = "";
let EXAMPLES = [];

const $ = (id) => document.getElementById(id);

function compact(iri) {
  for (const [prefix, ns] of Object.entries(PREFIXES)) {
    if (iri.startsWith(ns) && iri.length > ns.length) return `${prefix}:${iri.slice(ns.length)}`;
  }
  return iri;
}

function describeQuery(iri) {
  return `${HEADER}\n\n# what the graph says about <${iri}>\nSELECT ?property ?value ?graph WHERE {\n` +
    `  GRAPH ?graph { <${iri}> ?property ?value }\n}\nORDER BY ?graph ?property\nLIMIT 1000`;
}

function cell(term) {
  const td = document.createElement("td");
  if (!term) return td;
  if (term.type === "uri") {
    const a = document.createElement("a");
    a.className = "iri";
    a.href = "#";
    a.title = term.value;
    a.textContent = compact(term.value);
    a.addEventListener("click", (event) => {
      event.preventDefault();
      $("query").value = describeQuery(term.value);
      runQuery();
    });
    td.appendChild(a);
  } else if (term.type === "bnode") {
    td.textContent = `_:${term.value}`;
  } else {
    td.textContent = term.value;
    const numeric = term.datatype && /#(integer|decimal|double|float|nonNegativeInteger|positiveInteger|long|int)$/.test(term.datatype);
    if (numeric) td.className = "num";
    if (term["xml:lang"]) {
      const tag = document.createElement("span");
      tag.className = "tag";
      tag.textContent = `@${term["xml:lang"]}`;
      td.appendChild(tag);
    }
  }
  return td;
}

function csvField(term) {
  const text = term ? term.value : "";
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function showTable(data) {
  const vars = data.head.vars || [];
  const rows = data.results.bindings;
  const limit = Number($("limit").value);
  const shown = limit > 0 ? rows.slice(0, limit) : rows;
  const table = document.createElement("table");
  table.id = "results-table";
  const head = table.createTHead().insertRow();
  for (const name of vars) {
    const th = document.createElement("th");
    th.textContent = name;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const row of shown) {
    const tr = body.insertRow();
    for (const name of vars) tr.appendChild(cell(row[name]));
  }
  $("results").replaceChildren(table);
  const csv = [vars.join(","), ...rows.map((r) => vars.map((v) => csvField(r[v])).join(","))].join("\r\n");
  const link = $("download");
  if (link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(new Blob([csv + "\r\n"], { type: "text/csv" }));
  link.hidden = false;
  return shown.length < rows.length
    ? `${rows.length} results (first ${shown.length} shown)` : `${rows.length} result${rows.length === 1 ? "" : "s"}`;
}

function showBoolean(value) {
  const p = document.createElement("p");
  p.id = "results-boolean";
  p.textContent = value ? "true" : "false";
  $("results").replaceChildren(p);
  return "ASK answered";
}

function showGraph(text) {
  const pre = document.createElement("pre");
  pre.className = "graph";
  pre.id = "results-graph";
  pre.textContent = text;
  $("results").replaceChildren(pre);
  return "graph (Turtle)";
}

function post(query) {
  return fetch("sparql", {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "Accept": "application/sparql-results+json, text/turtle;q=0.9",
    },
    body: new URLSearchParams({ query }),
  });
}

// Why a query found nothing: an empty store, else the example's own explanation, else a hint.
async function whyEmpty(query) {
  try {
    const response = await post("ASK { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }");
    if (response.ok && !(await response.json()).boolean) {
      return "The store is empty: load a build with `kgbuild load OUT --store DIR`, then start `kgbuild serve` again.";
    }
  } catch (error) {
    // the explanation is a help, not a requirement
  }
  const example = EXAMPLES.find((e) => `${HEADER}\n\n${e.query}`.trim() === query.trim());
  if (example && example.empty) return example.empty;
  return "No results: nothing in the store matches this query. Check the names of the classes and " +
    "properties (click an IRI in another result to see what the graph says about it).";
}

async function runQuery() {
  const query = $("query").value;
  const started = performance.now();
  $("run").disabled = true;
  $("error").hidden = true;
  $("note").hidden = true;
  $("download").hidden = true;
  $("status").textContent = "Running…";
  try {
    const response = await post(query);
    const type = (response.headers.get("Content-Type") || "").split(";")[0];
    if (!response.ok) throw new Error(await response.text());
    let summary;
    let empty = false;
    if (type === "application/sparql-results+json") {
      const data = await response.json();
      summary = "boolean" in data ? showBoolean(data.boolean) : showTable(data);
      empty = !("boolean" in data) && data.results.bindings.length === 0;
    } else {
      summary = showGraph(await response.text());
    }
    const ms = Math.round(performance.now() - started);
    if (empty) {
      $("note").textContent = await whyEmpty(query);
      $("note").hidden = false;
    }
    $("status").textContent = `${summary} in ${ms} ms`;
    history.replaceState(null, "", `#query=${encodeURIComponent(query)}`);
  } catch (error) {
    $("results").replaceChildren();
    $("status").textContent = "The query failed.";
    $("error").textContent = String(error.message || error).trim();
    $("error").hidden = false;
  } finally {
    $("run").disabled = false;
  }
}

async function start() {
  const select = $("examples");
  try {
    const data = await (await fetch("examples.json")).json();
    PREFIXES = data.prefixes;
    EXAMPLES = data.examples;
  } catch (error) {
    EXAMPLES = [{ title: "Some triples", query: "SELECT * WHERE { ?s ?p ?o } LIMIT 100" }];
  }
  HEADER = Object.entries(PREFIXES).map(([p, iri]) => `PREFIX ${p}: <${iri}>`).join("\n");
  EXAMPLES.forEach(({ title }, i) => select.add(new Option(title, String(i))));
  select.addEventListener("change", () => {
    $("query").value = `${HEADER}\n\n${EXAMPLES[Number(select.value)].query}`;
  });
  const fromUrl = new URLSearchParams(location.hash.slice(1)).get("query");
  $("query").value = fromUrl || `${HEADER}\n\n${EXAMPLES[0].query}`;
  $("endpoint").textContent = new URL("sparql", location.href).href;
  $("query-form").addEventListener("submit", (event) => {
    event.preventDefault();
    runQuery();
  });
  $("query").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      runQuery();
    }
  });
  $("run").disabled = false;
}

start();
