/// The Mustache template of `report.html`, with its CSS and script. Everything is inline; the
/// Content-Security-Policy (`default-src 'none'`) makes the browser refuse any request the page
/// might make, and the script records any refusal or error in `#report-status` (the headless
/// browser test reads it).
enum ReportTemplate {
    static let page = #"""
<!DOCTYPE html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{{csp}}}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{t.title}}</title>
<script>
{{{earlyScript}}}</script>
<style>
{{{style}}}</style>
</head>
<body>
<header><h1>{{t.title}}</h1><p>{{t.generated}} {{version}}</p></header>
<nav><a href="#headline">{{t.headline}}</a><a href="#cutoffs">{{t.cutoff_title}}</a><a href="#histogram">{{t.weight}}</a><a href="#comparisons">{{t.comparison}}</a><a href="#blocking">{{t.rule}}</a><a href="#search">{{t.search_placeholder}}</a><a href="#clusters">{{t.clusters_title}}</a>{{#hasQuality}}<a href="#quality">{{t.quality_title}}</a>{{/hasQuality}}</nav>
<main>
<section id="headline"><h2>{{t.headline}}</h2>
<div class="cards">
{{#linkScope}}<div class="card"><small>{{t.people_both}}</small><b>{{links}}</b></div>{{/linkScope}}
{{^linkScope}}<div class="card"><small>{{t.links}}</small><b>{{links}}</b></div>{{/linkScope}}
{{#hasDuplicates}}<div class="card"><small>{{t.people_twice}}</small><b>{{duplicates}}</b></div>{{/hasDuplicates}}
{{#hasPeople}}<div class="card"><small>{{t.people}}</small><b>{{people}}</b></div>{{/hasPeople}}
{{#estimate}}<div class="card"><small>{{t.expected_false}}</small><b id="expected-false">{{falseLinks}}</b></div>
<div class="card"><small>{{t.expected_missed}}</small><b id="expected-missed">{{missed}}</b><small>{{missedCandidates}} {{t.among_candidates}}, {{missedBlocking}} {{t.by_blocking}}</small></div>{{/estimate}}
<div class="card"><small>{{t.review_pairs}}</small><b>{{review}}</b></div>
</div>
{{#estimate}}<table><tr><th></th><th>{{t.interval}}</th></tr>
<tr><td>{{t.precision}}</td><td id="precision">{{precision}}</td></tr><tr><td>{{t.recall}}</td><td id="recall">{{recall}}</td></tr><tr><td>{{t.f1}}</td><td>{{f1}}</td></tr></table>
<p class="note">{{t.estimates_note}}</p>{{/estimate}}
{{#reviewNote}}<p id="review-calibration">{{reviewNote}}</p>{{/reviewNote}}
{{^estimate}}<p class="note">{{t.no_estimate}}</p>{{/estimate}}
<table><tr><th>{{t.list}}</th><th>{{t.rows}}</th><th>{{t.linked}}</th><th>{{t.unmatched}}</th><th>{{t.rejected}}</th><th>{{t.duplicates}}</th></tr>
{{#lists}}<tr><td>{{name}}</td><td>{{rows}}</td><td>{{linked}}</td><td>{{unmatched}}</td><td>{{rejected}}</td><td>{{duplicates}}</td></tr>{{/lists}}</table>
</section>
<section id="cutoffs"><h2>{{t.cutoff_title}}</h2><p class="note">{{t.cutoff_intro}}</p>
<table id="cutoff-table"><tr><th>{{t.threshold}}</th><th>{{t.links}}</th><th>{{t.expected_false_short}}</th><th>{{t.expected_missed_short}}</th><th>{{t.precision}}</th><th>{{t.recall}}</th><th>{{t.f1}}</th><th>{{t.review_band}}</th></tr>
{{#cutoffs}}<tr class="{{#current}}current{{/current}} {{#best}}best{{/best}}"><td>{{threshold}}</td><td>{{links}}</td><td>{{falseLinks}}</td><td>{{missed}}</td><td>{{precision}}</td><td>{{recall}}</td><td>{{f1}}</td><td>{{review}}</td></tr>{{/cutoffs}}
</table><p id="recommendation">{{recommendation}}</p></section>
<section id="histogram"><h2>{{t.histogram_title}}</h2><p class="note">{{t.histogram_intro}}</p>{{{histogram}}}</section>
<section id="comparisons"><h2>{{t.comparisons_title}}</h2><p class="note">{{t.comparisons_intro}}</p>
{{#comparisons}}<h3>{{name}}</h3>{{{svg}}}{{/comparisons}}
{{#hasTermFrequency}}<h3>{{t.tf_title}}</h3><table><tr><th>{{t.comparison}}</th><th>{{t.tf_level}}</th><th>{{t.tf_model}}</th><th>{{t.tf_lowest}}</th><th>{{t.tf_median}}</th><th>{{t.tf_highest}}</th><th>{{t.pairs}}</th></tr>
{{#termFrequency}}<tr><td>{{comparison}}</td><td>{{level}}</td><td>{{model}}</td><td>{{lowest}}</td><td>{{median}}</td><td>{{highest}}</td><td>{{pairs}}</td></tr>{{/termFrequency}}</table>{{/hasTermFrequency}}
</section>
<section id="blocking"><h2>{{t.blocking_title}}</h2><p class="note">{{t.blocking_intro}}</p>{{{blockingChart}}}
<table><tr><th>{{t.rule}}</th><th>{{t.new_pairs}}</th><th>{{t.pairs_all}}</th><th>{{t.oversized}}</th><th>{{t.matches_reached}}</th><th>{{t.only_rule}}</th></tr>
{{#rules}}<tr><td>{{rule}}</td><td>{{pairs}}</td><td>{{all}}</td><td title="{{examples}}">{{oversized}}</td><td>{{reached}}</td><td>{{only}}</td></tr>{{/rules}}</table>
{{#estimate}}<p>{{t.blocking_loss}}: <b id="blocking-loss">{{blockingLoss}}</b></p>{{/estimate}}
</section>
<section id="search"><h2>{{t.search_title}}</h2><p class="note">{{t.search_intro}} {{sampleNote}}</p>
<input type="search" id="query" placeholder="{{t.search_placeholder}}" autocomplete="off">
<div class="scroll"><table id="results"></table></div><div id="waterfall"></div>
<h3>{{t.review_title}}</h3><div class="scroll"><table id="review"></table></div>
</section>
<section id="clusters"><h2>{{t.clusters_title}}</h2>
{{#clusterChart}}<h3>{{t.cluster_sizes}}</h3>{{{clusterChart}}}
<h3>{{t.largest_clusters}}</h3>{{#largestClusters}}<details><summary>{{size}} {{t.records}}: {{first}}</summary><table><tr><th>{{t.list}}</th><th>{{t.id}}</th><th>{{t.name}}</th><th>NIK</th><th>{{t.born}}</th><th>{{t.village}}</th></tr>
{{#records}}<tr><td>{{list}}</td><td>{{id}}</td><td>{{name}}</td><td>{{nik}}</td><td>{{born}}</td><td>{{village}}</td></tr>{{/records}}</table></details>{{/largestClusters}}{{/clusterChart}}
{{^clusterChart}}<p class="note">{{t.clusters_none}}</p>{{/clusterChart}}
</section>
{{#hasQuality}}<section id="quality"><h2>{{t.quality_title}}</h2>{{#quality}}<h3>{{name}}</h3>{{{charts}}}{{/quality}}</section>{{/hasQuality}}
</main>
<div id="report-status" data-errors="" data-blocked="" data-ready="no" hidden></div>
<script type="application/json" id="pair-data">{{{pairData}}}</script>
<script>
{{{script}}}</script>
</body>
</html>
"""#

    // The page's static CSS and scripts, put in as they are (`{{{…}}}`): kept out of the template,
    // which the Mustache parser walks in steps that each measure the string from its start.
    static let earlyScript = #"""
// First of all: record every script error and every request the policy refused, before anything can cause one.
window.padanStatus = {errors: [], blocked: []};
window.padanNote = function (kind, text) { window.padanStatus[kind].push(text); window.padanFlush(); };
window.padanFlush = function () {
  var s = document.getElementById('report-status');
  if (s) { s.setAttribute('data-errors', window.padanStatus.errors.join(' ')); s.setAttribute('data-blocked', window.padanStatus.blocked.join(' ')); }
};
window.addEventListener('error', function (e) { window.padanNote('errors', String(e.message || e.type)); }, true);
document.addEventListener('securitypolicyviolation', function (e) { window.padanNote('blocked', String(e.blockedURI || e.violatedDirective)); });

"""#

    static let style = #"""
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2433;background:#f6f7f9}
header{background:#17324d;color:#fff;padding:14px 28px}header h1{margin:0;font-size:22px}header p{margin:2px 0 0;opacity:.8}
nav{background:#fff;border-bottom:1px solid #dde;padding:6px 28px;position:sticky;top:0;z-index:2}nav a{margin-right:14px;color:#17324d;text-decoration:none}
main{padding:8px 28px 40px;max-width:1100px}section{background:#fff;border:1px solid #e2e5ea;border-radius:6px;padding:12px 18px;margin:16px 0}
h2{font-size:18px;margin:4px 0 8px}h3{font-size:15px;margin:14px 0 4px}h4{font-size:13px;margin:10px 0 2px}
.cards{display:flex;flex-wrap:wrap;gap:12px}.card{border:1px solid #e2e5ea;border-radius:6px;padding:8px 14px;min-width:170px}
.card b{display:block;font-size:22px}.card small{color:#5b6476}.note{color:#5b6476;font-size:12.5px}
table{border-collapse:collapse;margin:6px 0}td,th{padding:3px 9px;border-bottom:1px solid #eceef2;text-align:right}th{background:#f1f3f6}
td:first-child,th:first-child{text-align:left}tr.current td{background:#fff6d6;font-weight:600}tr.best td:first-child::after{content:" ★"}
.chart text{font-size:11.5px;fill:#1d2433}.chart .tick{font-size:10.5px;fill:#5b6476}.bar{fill:#4f7cac}.bar.hi{fill:#d9822b}
.match{fill:#3f9b5b}.nonmatch{fill:#b8c2d0}.band{fill:#ffe9a8;opacity:.7}.threshold{stroke:#c0392b;stroke-width:2}.axis{stroke:#8a93a3}
.pos{fill:#3f9b5b}.neg{fill:#c0392b}.step{stroke:#8a93a3;stroke-dasharray:2 2}
input[type=search]{font-size:15px;padding:5px 8px;width:320px}#results tr{cursor:pointer}#results tr:hover td,#review tr:hover td{background:#eef4fb}
#review tr{cursor:pointer}details{margin:4px 0}summary{cursor:pointer}.scroll{max-height:320px;overflow:auto}

"""#

    static let script = #"""
(function () {
  var status = document.getElementById('report-status');
  window.padanFlush();
  try {
    var data = JSON.parse(document.getElementById('pair-data').textContent);
    function rec(a) { return {list: a[0], id: a[1], name: a[2], nik: a[3], born: a[4], village: a[5]}; }
    data.pairs = data.pairs.map(function (a) {
      return {left: rec(a[0]), right: rec(a[1]), probability: a[2], weight: a[3], levels: a[4], weights: a[5], rule: a[6], band: a[7]};
    });
    var L = data.labels, NS = 'http://www.w3.org/2000/svg';
    function el(tag, attrs, text) {
      var e = document.createElementNS(NS, tag);
      for (var k in attrs) e.setAttribute(k, attrs[k]);
      if (text !== undefined) e.textContent = text;
      return e;
    }
    function cell(row, text) { var td = document.createElement('td'); td.textContent = text; row.appendChild(td); }
    function fmt(x) { return (x >= 0 ? '+' : '') + x.toFixed(2); }
    function waterfall(p) {
      var box = document.getElementById('waterfall'); box.textContent = '';
      var h = document.createElement('h3');
      h.textContent = p.left.name + ' (' + p.left.list + ' ' + p.left.id + ') — ' + p.right.name + ' (' + p.right.list + ' ' + p.right.id + '): ' + L.probability + ' ' + p.probability.toFixed(4);
      box.appendChild(h);
      var steps = [{label: L.prior, value: data.prior}];
      for (var k = 0; k < data.comparisons.length; k++) {
        var lv = p.levels[k];
        steps.push({label: data.comparisons[k] + ': ' + (lv < 0 ? L.no_evidence : data.levels[k][lv]), value: lv < 0 ? 0 : p.weights[k]});
      }
      var run = 0, lo = 0, hi = 0, ends = [];
      steps.forEach(function (s) { var a = run; run += s.value; ends.push([a, run]); lo = Math.min(lo, run, a); hi = Math.max(hi, run, a); });
      lo = Math.min(lo, p.weight); hi = Math.max(hi, p.weight);
      var width = 760, left = 300, right = 70, row = 24, height = (steps.length + 1) * row + 30;
      var span = Math.max(1, hi - lo), plot = width - left - right;
      function x(w) { return left + plot * (w - lo) / span; }
      var svg = el('svg', {'class': 'chart waterfall', width: width, height: height, viewBox: '0 0 ' + width + ' ' + height, role: 'img'});
      svg.appendChild(el('title', {}, 'waterfall'));
      steps.forEach(function (s, i) {
        var y = 8 + i * row, a = ends[i][0], b = ends[i][1];
        svg.appendChild(el('text', {x: left - 8, y: y + 15, 'text-anchor': 'end'}, s.label));
        svg.appendChild(el('rect', {'class': i === 0 ? 'bar' : (s.value >= 0 ? 'pos' : 'neg'), x: x(Math.min(a, b)), y: y + 3, width: Math.max(1, Math.abs(x(b) - x(a))), height: row - 8}));
        svg.appendChild(el('text', {'class': 'tick', x: x(Math.max(a, b)) + 4, y: y + 15}, fmt(s.value)));
      });
      var y = 8 + steps.length * row;
      svg.appendChild(el('text', {x: left - 8, y: y + 15, 'text-anchor': 'end'}, L.total));
      svg.appendChild(el('rect', {'class': 'bar hi', x: x(Math.min(0, p.weight)), y: y + 3, width: Math.max(1, Math.abs(x(p.weight) - x(0))), height: row - 8}));
      svg.appendChild(el('text', {'class': 'tick', x: x(Math.max(0, p.weight)) + 4, y: y + 15}, fmt(p.weight)));
      var zero = x(0);
      svg.appendChild(el('line', {'class': 'axis', x1: zero, y1: 4, x2: zero, y2: height - 20}));
      var tw = Math.log(data.threshold / (1 - data.threshold)) / Math.LN2;
      if (tw >= lo && tw <= hi) svg.appendChild(el('line', {'class': 'threshold', x1: x(tw), y1: 4, x2: x(tw), y2: height - 20}));
      box.appendChild(svg);
    }
    function header(table) {
      var tr = document.createElement('tr');
      [L.id, L.name, L.born, L.village, L.id, L.name, L.born, L.village, L.probability].forEach(function (t) {
        var th = document.createElement('th'); th.textContent = t; tr.appendChild(th);
      });
      table.appendChild(tr);
    }
    function list(table, pairs) {
      table.textContent = '';
      if (!pairs.length) { var tr = document.createElement('tr'); cell(tr, L.no_results); table.appendChild(tr); return; }
      header(table);
      pairs.forEach(function (p) {
        var tr = document.createElement('tr');
        [p.left.id, p.left.name, p.left.born, p.left.village, p.right.id, p.right.name, p.right.born, p.right.village, p.probability.toFixed(4)].forEach(function (t) { cell(tr, t); });
        tr.addEventListener('click', function () { waterfall(p); });
        table.appendChild(tr);
      });
    }
    function matches(r, q) { return r.id.toLowerCase() === q || r.nik.indexOf(q) >= 0 || r.name.toLowerCase().indexOf(q) >= 0 || r.id.toLowerCase().indexOf(q) === 0; }
    function search(q) {
      q = q.trim().toLowerCase();
      var found = q ? data.pairs.filter(function (p) { return matches(p.left, q) || matches(p.right, q); }).slice(0, 100) : [];
      list(document.getElementById('results'), found);
      if (found.length) waterfall(found[0]);
    }
    var input = document.getElementById('query');
    input.addEventListener('input', function () { search(input.value); });
    list(document.getElementById('review'), data.pairs.filter(function (p) { return p.band === 'review'; }).slice(0, 500));
    var hash = decodeURIComponent(location.hash.replace(/^#/, ''));
    if (hash.indexOf('q=') === 0) { input.value = hash.slice(2); search(input.value); }
  } catch (e) { window.padanNote('errors', String(e)); }
  status.setAttribute('data-ready', 'yes');
})();

"""#
}
