// Draws a correlation's graph (CERTs | incidents and reports | the shared value) as SVG from the
// console's JSON, which the server built through the sharing policy. Labels are set as text, never
// as markup, so a hostile name cannot become an element.
(function () {
  'use strict';
  var figure = document.getElementById('graph');
  if (!figure) { return; }
  var SVG = 'http://www.w3.org/2000/svg';
  var COLUMNS = { cert: 0, incident: 1, blind: 1, observable: 2 };
  var WIDTH = 900, ROW = 56, TOP = 40;

  function element(name, attributes) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    return node;
  }

  function draw(graph) {
    var columns = [[], [], []];
    graph.nodes.forEach(function (node) { columns[COLUMNS[node.kind]].push(node); });
    var rows = Math.max.apply(null, columns.map(function (c) { return c.length; }));
    var height = TOP * 2 + Math.max(rows - 1, 0) * ROW;
    var position = {};
    columns.forEach(function (column, x) {
      column.forEach(function (node, y) {
        var offset = (height - (column.length - 1) * ROW) / 2;
        position[node.id] = { x: 110 + x * (WIDTH - 220) / 2, y: offset + y * ROW };
      });
    });
    var svg = element('svg', { viewBox: '0 0 ' + WIDTH + ' ' + height, 'data-nodes': String(graph.nodes.length) });
    graph.edges.forEach(function (edge) {
      var from = position[edge.from], to = position[edge.to];
      svg.appendChild(element('line', { 'class': 'edge', x1: from.x, y1: from.y, x2: to.x, y2: to.y }));
    });
    graph.nodes.forEach(function (node) {
      var at = position[node.id];
      var group = element('g', { 'class': 'node node-' + node.kind });
      var label = node.kind === 'blind' ? figure.getAttribute('data-blind-label') + ' (' + node.tlp + ') – ' + node.label : node.label;
      if (node.tlp && node.kind === 'incident') { label = label + ' (' + node.tlp + ')'; }
      var title = element('title', {});
      title.textContent = label;
      group.appendChild(title);
      group.appendChild(element('circle', { cx: at.x, cy: at.y, r: 10 }));
      var text = element('text', { x: at.x, y: at.y + 26, 'text-anchor': 'middle' });
      text.textContent = label.length > 48 ? label.slice(0, 47) + '…' : label;
      group.appendChild(text);
      if (node.href) {
        var link = element('a', { href: node.href });
        link.appendChild(group);
        svg.appendChild(link);
      } else {
        svg.appendChild(group);
      }
    });
    figure.appendChild(svg);
  }

  fetch(figure.getAttribute('data-graph-url'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (response) { if (!response.ok) { throw new Error(String(response.status)); } return response.json(); })
    .then(draw)
    .catch(function () { figure.setAttribute('data-error', 'true'); });
}());
