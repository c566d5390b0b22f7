"""Pictures of a kgbuild graph: a PNG (matplotlib) and a small self-contained HTML view.

    from kgbuild.plot import plot_graph
    plot_graph(result.nx, "output/", stem="graph")   # output/graph.png, output/graph.html

Nodes are coloured by type (Actor, Weapon, Region: the colours of the GEXF export)
and sized by mentions; every node is labelled up to 60 nodes, else the most mentioned.
Relation links are solid, with their predicate where it fits; statement links (speaker
-> what the statement is about) dashed; relations the text denies are left out unless
``include_negated``.  The title counts the links drawn; a note says what is not.  The HTML file needs no network:
its data, script and style are inside it; click a node for its details and links.
"""

from __future__ import annotations

import html
import json
import math
from pathlib import Path

import networkx as nx

from kgbuild.analyze import undirected_graph
from kgbuild.export import TYPE_COLORS, node_entity_type, write_atomic
from kgbuild.types import ENTITY_TYPES

__all__ = ["LABEL_ALL_UP_TO", "plot_graph", "draw_png", "draw_figure", "write_html", "layout_graph"]

_GREY = (127, 127, 127)
_STATEMENT = "#8e6cb8"
_RELATION = "#707070"
_NEGATED = "#d62728"


#: up to this many nodes the picture labels every node; above, the ``labels`` most mentioned
LABEL_ALL_UP_TO = 60
_MOST_MENTIONED = 30


def plot_graph(graph: nx.MultiDiGraph, out_dir: str | Path, *, stem: str = "graph",
               labels: int | None = None, title: str | None = None, include_negated: bool = False,
               seed: int = 7) -> list[Path]:
    """Write ``{stem}.png`` and ``{stem}.html`` into ``out_dir`` with one shared layout."""
    out_dir = Path(out_dir)
    positions = layout_graph(graph, include_negated=include_negated, seed=seed)
    return [
        draw_png(graph, out_dir / f"{stem}.png", positions=positions, labels=labels, title=title,
                 include_negated=include_negated),
        write_html(graph, out_dir / f"{stem}.html", positions=positions, title=title,
                   include_negated=include_negated),
    ]


def layout_graph(graph: nx.MultiDiGraph, *, include_negated: bool = False, seed: int = 7) -> dict:
    """Node -> (x, y) within [-1, 1]: each connected part laid out on its own (seeded force
    layout), parts packed in rows, largest first, so small parts do not crush the big one;
    lone nodes are packed closer than the parts that have links."""
    simple = undirected_graph(graph, include_negated=include_negated)
    parts = sorted((sorted(c, key=str) for c in nx.connected_components(simple)),
                   key=lambda c: (-len(c), str(c[0])))
    boxes = []
    for part in parts:
        sub = simple.subgraph(part)
        if len(part) == 1:
            boxes.append(({part[0]: (0.0, 0.0)}, 0.5))
            continue
        if len(part) < 400:
            local = nx.spring_layout(sub, k=1.0 / math.sqrt(len(part)), iterations=300, seed=seed,
                                     weight=None)
        else:
            local = nx.forceatlas2_layout(sub, seed=seed, max_iter=150)
        boxes.append((_unit(local, math.sqrt(len(part))), math.sqrt(len(part))))
    total = sum(size * size for _, size in boxes) or 1
    row_width = max(max((s for _, s in boxes), default=1) * 2.4, 2.4 * math.sqrt(total) * 1.2)
    placed: dict = {}
    x = y = row_height = 0.0
    for local, size in boxes:
        width = 2 * size + 1.2
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y - row_height, 0.0
        for node, (px, py) in local.items():
            placed[node] = (x + size + 0.6 + px, y - size - 0.6 + py)
        x += width
        row_height = max(row_height, width)
    return _unit(placed, 1.0) if placed else {}


def _unit(positions: dict, scale: float) -> dict:
    """Positions centred and scaled so the larger side spans [-scale, scale]."""
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {n: (2 * scale * (float(x) - cx) / span, 2 * scale * (float(y) - cy) / span)
            for n, (x, y) in positions.items()}


def _color(data: dict) -> tuple[int, int, int]:
    return TYPE_COLORS.get(node_entity_type(data), _GREY)


def _mentions(data: dict) -> float:
    try:
        return max(float(data.get("mentions", 1)), 0.0)
    except (TypeError, ValueError):
        return 1.0


_CATEGORIES = ("relation", "statement", "negated")


def _drawn_edges(graph: nx.MultiDiGraph, include_negated: bool) -> tuple[dict, dict]:
    """The edges the picture draws, by unordered pair and category ((source, target, predicate)
    lists), and how many it leaves out, by reason."""
    pairs: dict = {}
    left_out: dict[str, int] = {}
    for u, v, data in graph.edges(data=True):
        category = data.get("category", "relation")
        if category == "relation" and data.get("modality") == "negated":
            if not include_negated:
                left_out["denied"] = left_out.get("denied", 0) + 1
                continue
            category = "negated"
        if u == v:
            left_out["loop"] = left_out.get("loop", 0) + 1
            continue
        key = tuple(sorted((u, v), key=str))
        lists = pairs.setdefault(key, {c: [] for c in _CATEGORIES})
        lists[category if category in lists else "relation"].append((u, v, str(data.get("predicate", ""))))
    return pairs, left_out


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def draw_png(graph: nx.MultiDiGraph, path: str | Path, *, positions: dict | None = None,
             labels: int | None = None, title: str | None = None, include_negated: bool = False,
             seed: int = 7) -> Path:
    """A PNG picture of the graph (150 dpi): the figure of ``draw_figure``, saved."""
    figure = draw_figure(graph, positions=positions, labels=labels, title=title,
                         include_negated=include_negated, seed=seed)
    return write_atomic(Path(path), lambda tmp: figure.savefig(tmp, format="png"))


def draw_figure(graph: nx.MultiDiGraph, *, positions: dict | None = None, labels: int | None = None,
                title: str | None = None, include_negated: bool = False, seed: int = 7):
    """The picture of the graph as a matplotlib Figure (a script can add to it, then save it).

    Every node is labelled when there are at most ``LABEL_ALL_UP_TO``; otherwise the
    ``labels`` most mentioned (30 when None).  Relation links show their predicate where the
    text fits beside the line; the title counts the links drawn, and a note says what is
    left out.  Labels are plain text: a ``$`` is a dollar sign, never mathtext.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    if positions is None:
        positions = layout_graph(graph, include_negated=include_negated, seed=seed)
    n = graph.number_of_nodes()
    side = min(18.0, max(9.0, 5.0 + 1.1 * math.sqrt(max(n, 1))))
    figure = Figure(figsize=(side, side * 0.78), dpi=150)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0.01, 0.03, 0.98, 0.86))
    axes.set_axis_off()
    margin = 0.12
    axes.set_xlim(-1 - margin, 1 + margin)
    axes.set_ylim(-1 - margin, 1 + margin + 0.06)

    pairs, left_out = _drawn_edges(graph, include_negated)
    styles = {"relation": (_RELATION, "-"), "statement": (_STATEMENT, "--"), "negated": (_NEGATED, ":")}
    for (u, v), by_category in pairs.items():
        (x1, y1), (x2, y2) = positions[u], positions[v]
        for category, edges in by_category.items():
            if edges:
                color, style = styles[category]
                axes.plot([x1, x2], [y1, y2], color=color, linestyle=style, alpha=0.55,
                          linewidth=0.8 + 0.7 * min(len(edges), 6), zorder=1, solid_capstyle="round")

    nodes = list(graph.nodes)
    xs = [positions[n][0] for n in nodes]
    ys = [positions[n][1] for n in nodes]
    sizes = [70 + 110 * math.sqrt(_mentions(graph.nodes[n])) for n in nodes]
    colors = [tuple(c / 255 for c in _color(graph.nodes[n])) for n in nodes]
    axes.scatter(xs, ys, s=sizes, c=colors, edgecolors="white", linewidths=1.2, zorder=2)

    degree = dict(graph.degree())
    ranked = sorted(nodes, key=lambda n: (-_mentions(graph.nodes[n]), -degree[n],
                                          str(graph.nodes[n].get("label", n))))
    if n > LABEL_ALL_UP_TO:
        ranked = ranked[: max(_MOST_MENTIONED if labels is None else labels, 0)]
    elif labels is not None:
        ranked = ranked[: max(labels, 0)]
    fontsize = 10 if n <= 40 else 8
    taken = [_node_box(axes, positions[n], graph.nodes[n]) for n in graph.nodes]
    taken += _draw_labels(axes, graph, positions, ranked, fontsize, taken)
    _draw_predicates(axes, positions, pairs, taken, fontsize - 2)

    counts = {t: sum(1 for _, d in graph.nodes(data=True) if node_entity_type(d) == t) for t in ENTITY_TYPES}
    handles = [Line2D([], [], marker="o", linestyle="", markersize=9,
                      markerfacecolor=tuple(c / 255 for c in TYPE_COLORS[t]), markeredgecolor="white",
                      label=f"{t} ({counts[t]})") for t in ENTITY_TYPES if counts[t]]
    handles.append(Line2D([], [], color=_RELATION, linestyle="-", label="relation (predicate → object)"))
    handles.append(Line2D([], [], color=_STATEMENT, linestyle="--", label="statement (speaker → about)"))
    if include_negated:
        handles.append(Line2D([], [], color=_NEGATED, linestyle=":", label="denied relation"))
    figure.legend(handles=handles, loc="upper center", ncol=len(handles), frameon=False,
                  fontsize=9, bbox_to_anchor=(0.5, 0.95))
    drawn = sum(len(edges) for by_category in pairs.values() for edges in by_category.values())
    heading = title or (f"kgbuild graph: {n} {'entity' if n == 1 else 'entities'}, "
                        f"{_plural(drawn, 'link')} (size: mentions)")
    figure.suptitle(heading, fontsize=13, y=0.975, parse_math=False)
    missing = []
    if left_out.get("denied"):
        missing.append(f"{_plural(left_out['denied'], 'denied relation')} (--include-negated draws them)")
    if left_out.get("loop"):
        missing.append(f"{_plural(left_out['loop'], 'link')} of an entity to itself")
    notes = ["Not drawn: " + "; ".join(missing)] if missing else []
    if len(ranked) < n:
        notes.append(f"labels on the {len(ranked)} most mentioned of {n} entities")
    if notes:
        figure.text(0.01, 0.01, ". ".join(notes), fontsize=8, color="#555555", parse_math=False)
    return figure


def _draw_labels(axes, graph, positions, chosen, fontsize: int, taken: list) -> list:
    """A label beside each chosen node, where it overlaps least what is drawn (the nodes, the
    labels placed before it, the picture's edges); returns the boxes of the labels drawn."""
    px = axes.figure.dpi / 72
    frame = axes.figure.bbox.extents
    frame = (frame[0], frame[1], frame[2], frame[3] * 0.88)  # below the legend
    placed: list = []
    for node in chosen:
        text = str(graph.nodes[node].get("label", node))
        cx, cy = axes.transData.transform(positions[node])
        radius = math.sqrt(70 + 110 * math.sqrt(_mentions(graph.nodes[node]))) / 2 * px
        width = (0.58 * fontsize * len(text) + 4) * px
        height = 1.35 * fontsize * px
        best = None
        for step in range(4):
            gap = radius + 2 * px + step * 0.8 * height
            diagonal = gap * 0.72
            for dx, dy, ha, va in ((0, gap, "center", "bottom"), (0, -gap, "center", "top"),
                                   (gap, 0, "left", "center"), (-gap, 0, "right", "center"),
                                   (diagonal, diagonal, "left", "bottom"), (-diagonal, diagonal, "right", "bottom"),
                                   (diagonal, -diagonal, "left", "top"), (-diagonal, -diagonal, "right", "top")):
                left = cx + dx - {"center": width / 2, "left": 0, "right": width}[ha]
                bottom = cy + dy - {"bottom": 0, "top": height, "center": height / 2}[va]
                box = (left, bottom, left + width, bottom + height)
                cost = sum(_overlap_area(box, other) for other in placed + taken)
                cost += 4 * (width * height - _overlap_area(box, frame))  # outside the picture
                cost += step * 0.05 * width * height  # nearer is better
                if best is None or cost < best[0]:
                    best = (cost, box, dx, dy, ha, va)
            if best[0] < step * 0.05 * width * height + 1:
                break  # a free place at this distance
        _, box, dx, dy, ha, va = best
        placed.append(box)
        axes.annotate(text, positions[node], xytext=(dx / px, dy / px), textcoords="offset points",
                      ha=ha, va=va, fontsize=fontsize, zorder=4, parse_math=False,
                      bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none",
                            "alpha": 0.85})
    return placed


def _draw_predicates(axes, positions, pairs: dict, taken: list, fontsize: int) -> None:
    """The predicate of relation links, at the middle of the line, where it overlaps nothing.

    The arrow says the direction on the picture: "supplies →" reads from the node on
    the left to the node on the right.
    """
    px = axes.figure.dpi / 72
    for (a, b), by_category in sorted(pairs.items(), key=lambda item: str(item[0])):
        edges = by_category["relation"] + by_category["negated"]
        if not edges:
            continue
        words: dict[str, int] = {}
        for u, v, predicate in edges:
            (x1, y1), (x2, y2) = axes.transData.transform(positions[u]), axes.transData.transform(positions[v])
            if abs(x2 - x1) >= abs(y2 - y1):
                word = f"{predicate} →" if x2 >= x1 else f"← {predicate}"
            else:
                word = f"{predicate} ↑" if y2 >= y1 else f"{predicate} ↓"
            words[word] = words.get(word, 0) + 1
        text = ", ".join(w if c == 1 else f"{w} ×{c}" for w, c in sorted(words.items()))
        (x1, y1), (x2, y2) = axes.transData.transform(positions[a]), axes.transData.transform(positions[b])
        width = (0.56 * fontsize * len(text) + 4) * px
        height = 1.3 * fontsize * px
        if math.hypot(x2 - x1, y2 - y1) < max(width, height) + 24 * px:
            continue  # the nodes are too close for the words
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        box = (mx - width / 2, my - height / 2, mx + width / 2, my + height / 2)
        if any(_overlap_area(box, other) > 0 for other in taken):
            continue
        taken.append(box)
        axes.annotate(text, axes.transData.inverted().transform((mx, my)), ha="center", va="center",
                      fontsize=fontsize, color="#444444", style="italic", zorder=3, parse_math=False,
                      bbox={"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none",
                            "alpha": 0.8})


def _node_box(axes, position, data) -> tuple[float, float, float, float]:
    x, y = axes.transData.transform(position)
    r = math.sqrt(70 + 110 * math.sqrt(_mentions(data))) / 2 * axes.figure.dpi / 72 * 0.8
    return (x - r, y - r, x + r, y + r)


def _overlap_area(a, b) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


def write_html(graph: nx.MultiDiGraph, path: str | Path, *, positions: dict | None = None,
               title: str | None = None, include_negated: bool = False, seed: int = 7) -> Path:
    """One HTML file with an SVG view of the graph: hover for names, click for details,
    a search box and type filters.  No network access, no external file."""
    if positions is None:
        positions = layout_graph(graph, include_negated=include_negated, seed=seed)
    index = {node: i for i, node in enumerate(graph.nodes)}
    nodes = []
    for node, data in graph.nodes(data=True):
        x, y = positions.get(node, (0.0, 0.0))
        nodes.append({
            "id": str(node), "label": str(data.get("label", node)), "type": node_entity_type(data),
            "kind": str(data.get("kind", "")), "qid": str(data.get("qid", "")),
            "mentions": _mentions(data), "documents": data.get("documents", ""),
            "first": str(data.get("first_date", "")), "last": str(data.get("last_date", "")),
            "x": round(500 + 440 * x, 1), "y": round(380 - 340 * y, 1),
            "r": round(5 + 3.2 * math.sqrt(_mentions(data)), 1),
            "color": "#%02x%02x%02x" % _color(data),
        })
    edges = []
    for u, v, data in graph.edges(data=True):
        negated = data.get("category", "relation") == "relation" and data.get("modality") == "negated"
        if negated and not include_negated:
            continue
        edges.append({"s": index[u], "t": index[v], "p": str(data.get("predicate", "")),
                      "c": "negated" if negated else str(data.get("category", "relation")),
                      "m": str(data.get("modality", "")), "d": str(data.get("document", "")),
                      "date": str(data.get("date", "")), "cue": str(data.get("cue", ""))})
    payload = json.dumps({"nodes": nodes, "edges": edges}, ensure_ascii=False)
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    heading = title or f"kgbuild graph: {len(nodes)} entities, {len(edges)} links"
    page = (_PAGE.replace("@TITLE@", html.escape(heading))
            .replace("@COLORS@", json.dumps({t: "#%02x%02x%02x" % TYPE_COLORS[t] for t in ENTITY_TYPES}))
            .replace("@DATA@", payload))
    return write_atomic(Path(path), lambda tmp: tmp.write_text(page, encoding="utf-8"))


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>@TITLE@</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{margin:0;font:14px system-ui,sans-serif;display:flex;height:100vh;color:#222}
#view{flex:1;background:#fbfbfb} #side{width:320px;padding:12px;overflow:auto;border-left:1px solid #ddd}
h1{font-size:16px;margin:0 0 8px} input[type=search]{width:100%;box-sizing:border-box;padding:4px}
.edge{stroke-opacity:.45} .relation{stroke:#707070} .statement{stroke:#8e6cb8;stroke-dasharray:5 3}
.negated{stroke:#d62728;stroke-dasharray:2 3} .node{stroke:#fff;stroke-width:1.5;cursor:pointer}
.dim{opacity:.12} .hit{stroke:#000;stroke-width:2.5} text{font-size:11px;pointer-events:none}
table{border-collapse:collapse;font-size:12px} td{padding:1px 6px 1px 0;vertical-align:top}
li{margin-bottom:3px;font-size:12px}
</style></head><body>
<svg id="view" viewBox="0 0 1000 760" role="img" aria-label="@TITLE@"></svg>
<div id="side"><h1>@TITLE@</h1>
<input type="search" id="find" placeholder="find an entity…">
<p id="filters"></p><div id="info"><p>Click a node for its details and links. Drag to pan, wheel to zoom.</p></div></div>
<script type="application/json" id="data">@DATA@</script>
<script>
"use strict";
const DATA = JSON.parse(document.getElementById("data").textContent);
const COLORS = @COLORS@;
const NS = "http://www.w3.org/2000/svg";
const svg = document.getElementById("view");
const hidden = new Set();
function el(name, attrs, parent) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  parent.appendChild(e); return e;
}
const world = el("g", {}, svg);
const lines = DATA.edges.map(e => {
  const a = DATA.nodes[e.s], b = DATA.nodes[e.t];
  const line = el("line", {x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: "edge " + e.c}, world);
  el("title", {}, line).textContent = a.label + " " + e.p + " " + b.label;
  return line;
});
const dots = DATA.nodes.map((n, i) => {
  const c = el("circle", {cx: n.x, cy: n.y, r: n.r, fill: n.color, class: "node"}, world);
  el("title", {}, c).textContent = n.label + " (" + n.type + ", " + n.mentions + " mentions)";
  c.addEventListener("click", ev => { ev.stopPropagation(); select(i); });
  return c;
});
const names = DATA.nodes.map(n => {
  const t = el("text", {x: n.x, y: n.y - n.r - 3, "text-anchor": "middle"}, world);
  t.textContent = n.label; return t;
});
function visible(i) { return !hidden.has(DATA.nodes[i].type); }
function refresh(focus) {
  const near = new Set();
  if (focus !== null) { near.add(focus); DATA.edges.forEach(e => {
    if (e.s === focus) near.add(e.t); if (e.t === focus) near.add(e.s); }); }
  DATA.nodes.forEach((n, i) => {
    const show = visible(i), dim = focus !== null && !near.has(i);
    dots[i].style.display = names[i].style.display = show ? "" : "none";
    dots[i].classList.toggle("dim", dim); names[i].classList.toggle("dim", dim);
  });
  DATA.edges.forEach((e, k) => {
    lines[k].style.display = visible(e.s) && visible(e.t) ? "" : "none";
    lines[k].classList.toggle("dim", focus !== null && e.s !== focus && e.t !== focus);
  });
}
function row(table, key, value) {
  if (value === "" || value === undefined) return;
  const tr = table.insertRow(); tr.insertCell().textContent = key; tr.insertCell().textContent = value;
}
function select(i) {
  const n = DATA.nodes[i], info = document.getElementById("info");
  info.replaceChildren();
  const h = document.createElement("h2"); h.textContent = n.label; info.appendChild(h);
  const table = document.createElement("table"); info.appendChild(table);
  row(table, "type", n.type); row(table, "kind", n.kind); row(table, "Wikidata", n.qid);
  row(table, "mentions", n.mentions); row(table, "documents", n.documents);
  row(table, "dates", n.first && (n.first === n.last ? n.first : n.first + " – " + n.last));
  const list = document.createElement("ul"); info.appendChild(list);
  DATA.edges.forEach(e => {
    if (e.s !== i && e.t !== i) return;
    const li = document.createElement("li");
    li.textContent = DATA.nodes[e.s].label + " " + e.p + " " + DATA.nodes[e.t].label +
      " [" + [e.m, e.d, e.date, e.cue && "«" + e.cue + "»"].filter(Boolean).join(", ") + "]";
    list.appendChild(li);
  });
  refresh(i);
}
svg.addEventListener("click", () => refresh(null));
document.getElementById("find").addEventListener("input", ev => {
  const q = ev.target.value.trim().toLowerCase();
  dots.forEach((d, i) => d.classList.toggle("hit", q !== "" && DATA.nodes[i].label.toLowerCase().includes(q)));
});
const filters = document.getElementById("filters");
Object.entries(COLORS).forEach(([type, color]) => {
  const label = document.createElement("label"), box = document.createElement("input");
  box.type = "checkbox"; box.checked = true;
  box.addEventListener("change", () => { box.checked ? hidden.delete(type) : hidden.add(type); refresh(null); });
  const swatch = document.createElement("span"); swatch.textContent = " ● "; swatch.style.color = color;
  label.append(box, swatch, type + "  "); filters.appendChild(label);
});
let box = {x: 0, y: 0, w: 1000, h: 760}, drag = null;
function frame() { svg.setAttribute("viewBox", [box.x, box.y, box.w, box.h].join(" ")); }
svg.addEventListener("wheel", ev => { ev.preventDefault();
  const f = ev.deltaY > 0 ? 1.15 : 1 / 1.15, r = svg.getBoundingClientRect();
  const px = box.x + box.w * (ev.clientX - r.left) / r.width, py = box.y + box.h * (ev.clientY - r.top) / r.height;
  box = {x: px - (px - box.x) * f, y: py - (py - box.y) * f, w: box.w * f, h: box.h * f}; frame(); });
svg.addEventListener("mousedown", ev => { drag = {x: ev.clientX, y: ev.clientY}; });
window.addEventListener("mouseup", () => { drag = null; });
window.addEventListener("mousemove", ev => { if (!drag) return;
  const r = svg.getBoundingClientRect();
  box.x -= (ev.clientX - drag.x) * box.w / r.width; box.y -= (ev.clientY - drag.y) * box.h / r.height;
  drag = {x: ev.clientX, y: ev.clientY}; frame(); });
</script></body></html>
"""
