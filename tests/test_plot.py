"""Pictures and Gephi files: the PNG, the self-contained HTML view, `kgbuild plot`, and
GEXF 1.3 (viz attributes, time intervals) checked against the schema in shared/gexf-1.3."""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
from dataclasses import replace

import numpy as np
import pytest
from lxml import etree

from fixtures.research.corpus import research_extractions
from kgbuild.cli_research import add_plot_parser
from kgbuild.export import TYPE_COLORS, to_networkx, write_gexf
from kgbuild.plot import layout_graph, plot_graph, write_html

GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"


@pytest.fixture(scope="module")
def network():
    return to_networkx(research_extractions())


def colour_share(pixels: np.ndarray, rgb: tuple[int, int, int]) -> float:
    """Share of the picture's pixels within a small distance of a colour."""
    target = np.array(rgb, dtype=float) / 255
    distance = np.abs(pixels[..., :3] - target).max(axis=-1)
    return float((distance < 0.03).mean())


def test_png_shows_every_type_in_its_colour(network, tmp_path):
    from matplotlib.image import imread

    png, page = plot_graph(network, tmp_path, stem="corpus")
    assert (png.name, page.name) == ("corpus.png", "corpus.html")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    pixels = imread(png)
    assert pixels.shape[0] >= 900 and pixels.shape[1] >= 1200
    for name, rgb in TYPE_COLORS.items():
        assert colour_share(pixels, rgb) > 0.0005, name  # the nodes of each type are drawn
    assert colour_share(pixels, (255, 255, 255)) > 0.5  # and the picture is not a blot


def test_layout_is_seeded_and_keeps_parts_apart(network):
    positions = layout_graph(network, seed=3)
    assert positions == layout_graph(network, seed=3)
    assert set(positions) == set(network.nodes)
    assert all(-1.0001 <= c <= 1.0001 for xy in positions.values() for c in xy)
    assert len({(round(x, 3), round(y, 3)) for x, y in positions.values()}) == len(positions)
    main = [positions[n] for n in network if n not in ("Q159", "Q156752")]
    pair = [positions["Q159"], positions["Q156752"]]

    def box(points):
        xs, ys = zip(*points)
        return min(xs), min(ys), max(xs), max(ys)

    a, b = box(main), box(pair)
    assert a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1]  # Russia-Sumy drawn apart


def test_html_view_is_self_contained_and_escapes_labels(network, tmp_path):
    hostile = "</script><script>alert(1)</script> & «Taurus»"
    extractions = research_extractions()
    a1 = extractions[0]
    entities = tuple(replace(e, label=hostile) if e.label == "Taurus" else e for e in a1.entities)
    graph = to_networkx([replace(a1, entities=entities), *extractions[1:]])
    page = write_html(graph, tmp_path / "view.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page
    assert not re.search(r"""<(link|img|iframe)\b|\bsrc=|href=["']https?:""", page)
    data = json.loads(re.search(r'<script type="application/json" id="data">(.*?)</script>',
                                page, re.S).group(1))
    assert {n["label"] for n in data["nodes"]} == {d["label"] for _, d in graph.nodes(data=True)}
    assert hostile in {n["label"] for n in data["nodes"]}
    denied = [e for e in data["edges"] if e["c"] == "negated"]
    assert denied == []  # left out unless asked
    with_denials = json.loads(re.search(
        r'id="data">(.*?)</script>',
        write_html(graph, tmp_path / "all.html", include_negated=True).read_text(encoding="utf-8"),
        re.S).group(1))
    assert [e["p"] for e in with_denials["edges"] if e["c"] == "negated"] == ["supplies"]


@pytest.mark.slow
def test_html_view_runs_in_a_browser(network, tmp_path):
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("no headless Chromium on this machine")
    page = write_html(network, tmp_path / "view.html")
    run = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                          page.as_uri()], capture_output=True, text=True, timeout=120)
    circles = re.findall(r'<circle [^>]*class="node"', run.stdout)
    assert len(circles) == network.number_of_nodes(), run.stderr[-2000:]


def test_plot_command_on_a_build_folder(network, tmp_path, capsys):
    from kgbuild.export import write_graphml

    write_graphml(network, tmp_path / "build" / "graph.graphml")
    parser = argparse.ArgumentParser(prog="kgbuild")
    add_plot_parser(parser.add_subparsers())
    args = parser.parse_args(["plot", str(tmp_path / "build"), "-o", str(tmp_path / "out"),
                              "--labels", "5", "--title", "Essai"])
    assert args.run(args) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["graph.html", "graph.png"]
    assert "<title>Essai</title>" in (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")


# ---------------------------------------------------------------- Gephi


def gexf_schema(shared_dir):
    return etree.RelaxNG(etree.parse(str(shared_dir / "gexf-1.3" / "gexf.rng")))


def test_gexf_is_schema_valid_with_colours_sizes_and_a_timeline(network, tmp_path, shared_dir):
    path = write_gexf(network, tmp_path / "graph.gexf")
    document = etree.parse(str(path))
    schema = gexf_schema(shared_dir)
    assert schema.validate(document), schema.error_log
    graph = document.find(f"{GEXF}graph")
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    nodes = {n.get("id"): n for n in graph.iter(f"{GEXF}node")}
    ukraine = nodes["Q212"]
    assert (ukraine.get("start"), ukraine.get("end")) == ("2024-11-17", "2024-11-21")
    colour = ukraine.find(f"{VIZ}color")
    assert tuple(int(colour.get(c)) for c in "rgb") == TYPE_COLORS["Actor"]
    size = lambda node: float(node.find(f"{VIZ}size").get("value"))  # noqa: E731
    assert size(ukraine) > size(nodes["Q6279"])  # 5 mentions against 1
    edges = list(graph.iter(f"{GEXF}edge"))
    assert len(edges) == network.number_of_edges()
    assert {e.get("start") for e in edges} == {"2024-11-17", "2024-11-20", "2024-11-21"}


@pytest.mark.slow
def test_seed_as_a_new_user_builds_plots_and_opens_it_in_gephi(seed_path, shared_dir, tmp_path, capsys):
    """kgbuild build the seed, then kgbuild plot the output folder; GEXF valid, PNG drawn."""
    from matplotlib.image import imread

    from kgbuild.cli import main

    out = tmp_path / "out"
    assert main(["build", str(seed_path), "-o", str(out), "--format", "ttl,gexf", "--date",
                 "2024-11-18"]) == 0
    parser = argparse.ArgumentParser(prog="kgbuild")
    add_plot_parser(parser.add_subparsers())
    args = parser.parse_args(["plot", str(out), "-o", str(out)])
    assert args.run(args) == 0
    gexf = next(out.glob("*.gexf"))
    schema = gexf_schema(shared_dir)
    assert schema.validate(etree.parse(str(gexf))), schema.error_log
    assert 'timeformat="date"' in gexf.read_text(encoding="utf-8")
    pixels = imread(out / "graph.png")
    for name in ("Actor", "Region"):
        assert colour_share(pixels, TYPE_COLORS[name]) > 0.0005, name


# ---------------------------------------------------------------- what the picture says


def figure_texts(figure) -> list:
    """Every text drawn on a figure: node and predicate labels, title, legend, notes."""
    from matplotlib.text import Text

    return [t for t in figure.findobj(Text) if t.get_text() and t.get_visible()]


def crowded(network, extra: int):
    """The research network plus ``extra`` lone weapons and a link of an entity to itself."""
    graph = network.copy()
    for n in range(extra):
        graph.add_node(f"kb:arme-{n}", label=f"Missile de croisière n° {n}", entity_type="Weapon",
                       types="Weapon", mentions=1)
    graph.add_edge("Q212", "Q212", predicate="speaksAbout", category="statement", modality="asserted")
    return graph


def test_every_node_is_labelled_up_to_sixty_and_the_title_counts_what_is_drawn(network):
    from kgbuild.plot import LABEL_ALL_UP_TO, draw_figure

    graph = crowded(network, LABEL_ALL_UP_TO - network.number_of_nodes())
    assert graph.number_of_nodes() == 60
    texts = [t.get_text() for t in figure_texts(draw_figure(graph))]
    labels = {d["label"] for _, d in graph.nodes(data=True)}
    assert labels <= set(texts), labels - set(texts)  # the lone weapons too
    denied = sum(1 for *_, d in graph.edges(data=True)
                 if d["category"] == "relation" and d["modality"] == "negated")
    drawn = graph.number_of_edges() - denied - 1  # the denied relation and the loop are not drawn
    assert f"kgbuild graph: 60 entities, {drawn} links (size: mentions)" in texts
    assert (f"Not drawn: {denied} denied relation (--include-negated draws them); "
            f"1 link of an entity to itself") in texts


def test_above_sixty_nodes_the_most_mentioned_are_labelled_and_a_note_says_so(network):
    from kgbuild.plot import draw_figure

    graph = crowded(network, 80)
    texts = [t.get_text() for t in figure_texts(draw_figure(graph))]
    assert "Ukraine" in texts and "Missile de croisière n° 79" not in texts
    assert any(t.endswith(f"labels on the 30 most mentioned of {graph.number_of_nodes()} entities")
               for t in texts)


def test_relation_links_show_their_predicate_with_the_direction():
    import networkx as nx

    from kgbuild.plot import draw_figure

    graph = nx.MultiDiGraph()
    graph.add_node("Q30", label="États-Unis", entity_type="Actor", mentions=3)
    graph.add_node("kb:atacms", label="ATACMS", entity_type="Weapon", mentions=2)
    graph.add_edge("Q30", "kb:atacms", predicate="supplies", category="relation", modality="asserted")
    positions = {"Q30": (-0.8, 0.0), "kb:atacms": (0.8, 0.0)}
    texts = [t.get_text() for t in figure_texts(draw_figure(graph, positions=positions))]
    assert "supplies →" in texts  # États-Unis on the left supplies ATACMS on the right
    flipped = {"Q30": (0.8, 0.0), "kb:atacms": (-0.8, 0.0)}
    assert "← supplies" in [t.get_text() for t in figure_texts(draw_figure(graph, positions=flipped))]


def test_dollar_signs_are_text_not_mathtext(tmp_path):
    import networkx as nx
    from matplotlib.image import imread

    from kgbuild.export import write_graphml
    from kgbuild.plot import draw_figure

    graph = nx.MultiDiGraph()
    for n, label in enumerate(("10$ vs 20$", "$x^$", r"$\frac{$", "Zelensky")):
        graph.add_node(f"n{n}", label=label, entity_type="Actor", mentions=1)
    graph.add_edge("n0", "n1", predicate="$cost$", category="relation", modality="asserted")
    texts = figure_texts(draw_figure(graph, title="Prix: 5$ et 6$"))
    shown = {t.get_text(): t for t in texts}
    for label in ("10$ vs 20$", "$x^$", r"$\frac{$", "Prix: 5$ et 6$"):
        assert not shown[label].get_parse_math(), label
    write_graphml(graph, tmp_path / "in" / "graph.graphml")
    parser = argparse.ArgumentParser(prog="kgbuild")
    add_plot_parser(parser.add_subparsers())
    args = parser.parse_args(["plot", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    assert args.run(args) == 0  # $x^$ made matplotlib's mathtext parser raise
    assert imread(tmp_path / "out" / "graph.png").shape[0] > 500
