// The hub's page: plain HTML, one script and one style sheet (the CSP allows nothing inline). The script reads the
// token from the address's fragment, fetches the comparison and draws it: the latest läsår's schools side by side
// with the municipality's totals, a bar chart of the share with effect (numbers beside the bars), the trend per
// school and läsår, the reports the hub refused, and a CSV export.
export const HUB_PAGE = `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Huvudmannens jämförelse – Varvet</title>
<link rel="stylesheet" href="/hub.css">
<script src="/hub.js" defer></script>
</head>
<body>
<main id="main">
<p class="eyebrow">Huvudman</p>
<h1>Skolornas resultatuppföljning</h1>
<p class="lead">Vilka insatser som har genomförts och vilken effekt de har haft, skola för skola, från skolornas egna
pseudonymiserade årsrapporter. Kommunens totaler räknas här ur skolornas antal och skyddas på samma sätt som
skolornas egna: små antal visas som &lt;5, och fler värden döljs (–) där ett dolt antal annars kunde räknas fram.</p>
<div id="status" role="status" aria-live="polite">Hämtar rapporterna…</div>
<div id="innehall"></div>
</main>
</body>
</html>
`;

export const HUB_STYLE = `
:root { color: #1f2a37; font-family: "Inter", system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; background: #fff; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
.eyebrow { text-transform: uppercase; letter-spacing: .06em; font-size: .8rem; color: #4b5563; font-weight: 700; margin: 0; }
h1 { margin: .2rem 0 .5rem; font-size: 1.9rem; }
h2 { margin-top: 2rem; font-size: 1.3rem; }
.lead { color: #4b5563; max-width: 60rem; }
.table-wrap { overflow-x: auto; border: 1px solid #e5e7eb; border-radius: 8px; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 700; padding: .5rem .75rem; }
th, td { padding: .45rem .75rem; border-bottom: 1px solid #e5e7eb; text-align: right; }
th[scope=row], thead th:first-child { text-align: left; }
thead th { background: #f5f6f8; font-size: .9rem; }
td.total, th.total { background: #eef2ff; font-weight: 700; }
button { font: inherit; font-weight: 600; background: #1d4ed8; color: #fff; border: 0; border-radius: 6px; padding: .55rem 1rem; cursor: pointer; }
button:focus-visible, .table-wrap:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
.chart { display: grid; grid-template-columns: minmax(8rem, 16rem) 1fr 4rem; gap: .35rem .75rem; align-items: center; max-width: 48rem; }
.bar { height: 1.1rem; background: #1d4ed8; border-radius: 3px; }
.bar.total { background: repeating-linear-gradient(45deg, #1e3a8a, #1e3a8a 4px, #3b5bdb 4px, #3b5bdb 8px); }
.bar-track { background: #eef0f3; border-radius: 3px; }
.num { font-weight: 700; text-align: right; }
.fel { color: #9a1c1c; }
`;

export const HUB_SCRIPT = `"use strict";
(function () {
  var token = (location.hash.match(/token=([A-Za-z0-9_-]+)/) || [])[1] || sessionStorage.getItem('varvet-hub-token');
  if (token) { sessionStorage.setItem('varvet-hub-token', token); history.replaceState(null, '', location.pathname); }
  var status = document.getElementById('status');
  var root = document.getElementById('innehall');
  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    (kids || []).forEach(function (c) { e.append(c); });
    return e;
  }
  function post(path) {
    return fetch(path, { method: 'POST', headers: { 'x-varvet-token': token || '' } });
  }
  function table(caption, head, rows, totalCol) {
    var t = el('table', {}, [el('caption', {}, [caption])]);
    t.append(el('thead', {}, [el('tr', {}, head.map(function (h, i) { return el('th', { scope: 'col', class: i === totalCol ? 'total' : '' }, [h]); }))]));
    t.append(el('tbody', {}, rows.map(function (r) {
      return el('tr', {}, r.map(function (c, i) { return i === 0 ? el('th', { scope: 'row' }, [String(c)]) : el('td', { class: i === totalCol ? 'total' : '' }, [String(c)]); }));
    })));
    return el('div', { class: 'table-wrap', role: 'region', 'aria-label': caption, tabindex: '0' }, [t]);
  }
  function procent(v) { var m = /^(\\d+)\\s*%$/.exec(String(v)); return m ? Number(m[1]) : null; }
  function render(d) {
    var j = d.jamforelse;
    root.textContent = '';
    if (!j.skolor.length) { status.textContent = 'Inga rapporter har kommit in ännu.'; return; }
    var lasarLista = j.totalt.map(function (t) { return t.lasar; });
    var senaste = lasarLista[lasarLista.length - 1];
    var skolor = j.skolor.filter(function (s) { return s.lasar === senaste; });
    var total = j.totalt.find(function (t) { return t.lasar === senaste; });
    status.textContent = j.skolor.length + ' rapporter från ' + new Set(j.skolor.map(function (s) { return s.fingeravtryck; })).size + ' skolor.';
    root.append(el('h2', {}, ['Läsåret ' + senaste + ': skolorna sida vid sida']));
    var head = ['Mått'].concat(skolor.map(function (s) { return s.skola; }), ['Kommunen']);
    root.append(table('Skolorna och kommunen ' + senaste, head, j.matt.map(function (m) {
      return [m.rubrik].concat(skolor.map(function (s) { return s.varden[m.nyckel]; }), [total.varden[m.nyckel]]);
    }), head.length - 1));
    root.append(el('h2', {}, ['Andel insatser med effekt, alla nivåer']));
    var chart = el('div', { class: 'chart', role: 'img', 'aria-label': 'Stapeldiagram: andel insatser med effekt per skola ' + senaste + '. Samma tal står i tabellen ovan.' });
    skolor.map(function (s) { return [s.skola, s.varden.andel_alla, false]; }).concat([['Kommunen', total.varden.andel_alla, true]]).forEach(function (r) {
      var p = procent(r[1]);
      var bar = el('div', { class: 'bar' + (r[2] ? ' total' : '') }); bar.style.width = (p === null ? 0 : p) + '%';
      chart.append(el('span', {}, [r[0]]), el('div', { class: 'bar-track' }, [bar]), el('span', { class: 'num' }, [String(r[1])]));
    });
    root.append(chart);
    root.append(el('h2', {}, ['Över åren']));
    var namn = Array.from(new Set(j.skolor.map(function (s) { return s.skola; })));
    root.append(table('Andel insatser med effekt per skola och läsår', ['Skola'].concat(lasarLista), namn.map(function (n) {
      return [n].concat(lasarLista.map(function (l) { var s = j.skolor.find(function (x) { return x.skola === n && x.lasar === l; }); return s ? s.varden.andel_alla : 'ingen rapport'; }));
    }).concat([['Kommunen'].concat(j.totalt.map(function (t) { return t.varden.andel_alla + ' (' + t.antalSkolor + ' skolor)'; }))]), -1));
    if (d.avvisade.length) {
      root.append(el('h2', {}, ['Avvisade rapporter']));
      root.append(el('ul', {}, d.avvisade.map(function (a) { return el('li', { class: 'fel' }, [a.orsak + ' (SHA-256 ' + a.sha256.slice(0, 12) + '…)']); })));
    }
    var knapp = el('button', { type: 'button' }, ['Exportera som CSV']);
    knapp.addEventListener('click', function () {
      post('/api/export.csv').then(function (r) { return r.blob(); }).then(function (b) {
        var a = el('a', { href: URL.createObjectURL(b), download: 'huvudman-jamforelse.csv' }); document.body.append(a); a.click(); a.remove();
      });
    });
    root.append(el('p', {}, [knapp]));
  }
  if (!token) { status.textContent = 'Åtkomstnyckeln saknas. Öppna adressen som skrevs ut när huvudmannens vy startade.'; return; }
  post('/api/jamforelse').then(function (r) { return r.json().then(function (b) { if (!r.ok) throw new Error(b.fel); return b; }); })
    .then(render, function (e) { status.textContent = e.message || 'Något gick fel.'; status.className = 'fel'; });
})();
`;
