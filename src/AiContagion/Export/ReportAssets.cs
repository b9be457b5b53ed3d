namespace AiContagion.Export;

/// <summary>The report's inline style sheet and script (written for this library; MIT licence, no third-party code).</summary>
internal static class ReportAssets
{
    public const string Css = """
        :root { --ink: #1b1b1b; --muted: #5b6570; --line: #d9dee3; --accent: #1f6fb4; --paper: #ffffff; --band: #f5f7f9; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: Arial, Helvetica, sans-serif; color: var(--ink); background: var(--paper); line-height: 1.45; font-size: 16px; }
        header { padding: 28px 40px 12px; border-bottom: 1px solid var(--line); background: var(--band); }
        h1 { margin: 0 0 4px; font-size: 28px; }
        h2 { margin: 0 0 12px; font-size: 22px; border-bottom: 2px solid var(--accent); padding-bottom: 4px; }
        .subtitle { margin: 0 0 10px; color: var(--muted); }
        nav ol { margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 6px 18px; counter-reset: s; }
        nav li { counter-increment: s; }
        nav li::before { content: counter(s) ". "; color: var(--muted); }
        nav a { color: var(--accent); text-decoration: none; }
        nav a:hover { text-decoration: underline; }
        main { padding: 8px 40px 40px; max-width: 1500px; }
        section { margin: 28px 0 36px; }
        p { max-width: 960px; }
        p.note { color: var(--muted); font-size: 14px; }
        .figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0 16px; }
        .figure-box { border: 1px solid var(--line); border-radius: 6px; padding: 10px 16px; min-width: 150px; background: var(--band); }
        .figure-box .value { font-size: 24px; font-weight: bold; }
        .figure-box .label { font-size: 13px; color: var(--muted); }
        .table-wrap { overflow-x: auto; margin: 8px 0 16px; }
        table { border-collapse: collapse; font-size: 14px; }
        caption { text-align: left; color: var(--muted); padding: 4px 0; caption-side: top; }
        th, td { padding: 5px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        th { background: var(--band); font-weight: bold; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tbody tr:nth-child(even) { background: #fafbfc; }
        figure.diagram { margin: 12px 0 20px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
        figure.diagram .toolbar { display: flex; gap: 6px; align-items: center; padding: 6px 8px; border-bottom: 1px solid var(--line); background: var(--band); font-size: 13px; }
        figure.diagram .toolbar button { font: inherit; min-width: 34px; padding: 2px 8px; border: 1px solid #aab4be; border-radius: 4px; background: #fff; cursor: pointer; }
        figure.diagram .toolbar .hint { color: var(--muted); margin-left: 8px; }
        figure.diagram .viewer { position: relative; overflow: hidden; }
        figure.interactive .viewer { cursor: grab; touch-action: none; }
        figure.interactive .viewer.dragging { cursor: grabbing; }
        figure.interactive .viewer > svg { position: absolute; left: 0; top: 0; transform-origin: 0 0; }
        figure.diagram:not(.interactive) .viewer > svg { max-width: 100%; height: auto; display: block; }
        figcaption { padding: 6px 10px 8px; font-size: 13px; color: var(--muted); border-top: 1px solid var(--line); }
        svg.dimmed g.edge:not(.lit) { opacity: 0.12; }
        svg.dimmed g.node:not(.lit) { opacity: 0.3; }
        svg g.edge.lit path { stroke-opacity: 1; }
        svg.sankey path.ribbon:hover { fill-opacity: 0.75; }
        footer { padding: 16px 40px 28px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); }
        @media print { header nav, figure.diagram .toolbar { display: none; } figure.interactive .viewer > svg { position: static; transform: none !important; width: 100% !important; height: auto !important; } figure.interactive .viewer { height: auto !important; } }

        """;

    public const string Script = """
        // AiContagion report viewer: pan, zoom and hover highlighting for the inline SVG pictures.
        // Written for AiContagion; MIT licence (the package's). No library, no network access.
        (function () {
          'use strict';
          var figures = document.querySelectorAll('figure.interactive');
          function setup(figure) {
            var viewer = figure.querySelector('.viewer');
            var svg = viewer && viewer.querySelector('svg');
            if (!svg) { return; }
            var box = svg.viewBox && svg.viewBox.baseVal;
            var width = svg.width.baseVal.value, height = svg.height.baseVal.value;
            if (!(width > 0) && box) { width = box.width; height = box.height; }
            svg.style.width = width + 'px';
            svg.style.height = height + 'px';
            var state = { s: 1, x: 0, y: 0 };
            function apply() { svg.style.transform = 'translate(' + state.x + 'px,' + state.y + 'px) scale(' + state.s + ')'; }
            function fit() {
              var available = viewer.clientWidth || 1000;
              state.s = Math.min(1, available / width);
              state.x = Math.max(0, (available - width * state.s) / 2);
              state.y = 0;
              viewer.style.height = Math.max(240, Math.min(height * state.s, window.innerHeight * 0.86)) + 'px';
              if (height * state.s > window.innerHeight * 0.86) {
                state.s = Math.min(state.s, (window.innerHeight * 0.86) / height);
                state.x = Math.max(0, (available - width * state.s) / 2);
              }
              apply();
            }
            function zoom(factor, cx, cy) {
              var s = Math.max(0.05, Math.min(8, state.s * factor));
              state.x = cx - (cx - state.x) * (s / state.s);
              state.y = cy - (cy - state.y) * (s / state.s);
              state.s = s;
              apply();
            }
            figure.querySelectorAll('button[data-zoom]').forEach(function (button) {
              button.addEventListener('click', function () {
                var kind = button.getAttribute('data-zoom');
                if (kind === 'fit') { fit(); } else { zoom(kind === 'in' ? 1.25 : 0.8, viewer.clientWidth / 2, viewer.clientHeight / 2); }
              });
            });
            viewer.addEventListener('wheel', function (e) {
              if (!e.ctrlKey && !e.metaKey) { return; }
              e.preventDefault();
              var r = viewer.getBoundingClientRect();
              zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - r.left, e.clientY - r.top);
            }, { passive: false });
            viewer.addEventListener('dblclick', function (e) {
              var r = viewer.getBoundingClientRect();
              zoom(e.shiftKey ? 0.8 : 1.25, e.clientX - r.left, e.clientY - r.top);
            });
            var drag = null;
            viewer.addEventListener('pointerdown', function (e) {
              if (e.button !== 0) { return; }
              drag = { x: e.clientX - state.x, y: e.clientY - state.y };
              viewer.classList.add('dragging');
            });
            window.addEventListener('pointermove', function (e) {
              if (!drag) { return; }
              state.x = e.clientX - drag.x;
              state.y = e.clientY - drag.y;
              apply();
            });
            window.addEventListener('pointerup', function () { drag = null; viewer.classList.remove('dragging'); });
            var prefix = /^d[0-9]+-/;
            function clear() {
              svg.classList.remove('dimmed');
              svg.querySelectorAll('.lit').forEach(function (el) { el.classList.remove('lit'); });
            }
            svg.addEventListener('mouseover', function (e) {
              var node = e.target.closest ? e.target.closest('g.node') : null;
              if (!node || !node.id) { return; }
              clear();
              var raw = node.id.replace(prefix, '');
              var edges = svg.querySelectorAll('g.from-' + raw + ', g.to-' + raw);
              if (edges.length === 0) { return; }
              svg.classList.add('dimmed');
              node.classList.add('lit');
              edges.forEach(function (edge) {
                edge.classList.add('lit');
                edge.classList.forEach(function (c) {
                  var m = /^(?:from|to)-(n[0-9]+)$/.exec(c);
                  if (m) {
                    var other = svg.querySelector('g.node[id$="-' + m[1] + '"]');
                    if (other) { other.classList.add('lit'); }
                  }
                });
              });
            });
            svg.addEventListener('mouseleave', clear);
            fit();
            window.addEventListener('resize', fit);
          }
          figures.forEach(setup);
          document.documentElement.setAttribute('data-report-ready', String(figures.length));
        })();

        """;
}
