/* argmap web view (argmap render -T html): pan and zoom, search, a details
 * panel, filters and links to one claim, over the inline SVG and the JSON
 * model in the same page. No library, no network, no eval, no inline
 * handlers; map text is only ever set as textContent. DOM contract:
 * docs/rendering.md, "The web view". */
(function () {
  'use strict';
  var doc = document;
  function $(id) { return doc.getElementById(id); }
  /* #am-pieces: the drawing's pieces, deflated and in base64
   * (export/html_pack.c), inflated by the browser itself */
  function unpack(b64) {
    var bytes, bin, i;
    if (Uint8Array.fromBase64) bytes = Uint8Array.fromBase64(b64);
    else {
      bin = atob(b64);
      bytes = new Uint8Array(bin.length);
      for (i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    }
    return new Response(new Blob([bytes]).stream()
      .pipeThrough(new DecompressionStream('deflate')));
  }
  /* data element id: its JSON (null when there is none), or, with bytes,
   * its bytes; inflated when it is packed */
  function read(id, bytes) {
    var e = $(id);
    if (!e) return Promise.resolve(null);
    var r = e.getAttribute('data-encoding') === 'deflate base64' ? unpack(e.textContent) :
      new Response(e.textContent);
    return bytes ? r.arrayBuffer() : r.json();
  }
  Promise.all([read('am-model'), read('am-status'), read('am-drawing'), read('am-pieces', true)])
    .then(function (t) { main(t[0], t[1] || {}, t[2], t[3]); });
function main(model, ST, D, piecesBuf) {
  var cfg = JSON.parse($('am-config').textContent);
  var P = cfg.prefix || '', unsafe = cfg.unsafe || {};
  var view = $('am-view'), stage = $('am-stage'), svg = stage.querySelector('svg');
  var marks = $('am-marks'), panel = $('am-panel');
  var search = $('am-search'), results = $('am-results'), count = $('am-count');
  var SAFE = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
  var KIND = { question: 'Question', claim: 'Claim', evidence: 'Evidence' };
  var VERB = { support: 'supports', rebut: 'rebuts', undercut: 'undercuts', answer: 'answers' };
  var PASSIVE = { support: 'supported by', rebut: 'rebutted by', undercut: 'undercut by',
    answer: 'answered by' };

  var nodes = model.nodes || [], rels = model.relations || [];
  /* state the drawing's pieces read as they come into the DOM */
  var matches = [], current = -1, matchSet = {}, dimSet = {}, selected = null, statusOn = false;
  var node = {}, source = {}, actor = {}, relByKey = {}, relsTo = {}, relsFrom = {}, el = {};
  (model.sources || []).forEach(function (s) { source[s.id] = s; });
  (model.actors || []).forEach(function (a) { actor[a.id] = a; });
  nodes.forEach(function (n) { node[n.id] = n; relsTo[n.id] = []; relsFrom[n.id] = []; });
  rels.forEach(function (r, i) {
    relByKey[r.key] = r;
    if (r.to_kind === 'node' && relsTo[r.to]) relsTo[r.to].push(r);
    (r.from || []).forEach(function (f) { if (relsFrom[f]) relsFrom[f].push(r); });
  });

  function actorName(id) {
    var a = actor[id];
    if (!a) return id;
    return (a.name || id) + (a.affiliation ? ' (' + a.affiliation + ')' : '');
  }
  function nodeDomId(id) { return SAFE.test(id) ? P + 'am-n-' + id : unsafe[id]; }
  /* the DOM ids of a relation's drawn parts: arrow, dot and premise lines */
  function relPartIds(r) {
    var base, out = [], k, d;
    function has(d) { return D ? pieceOf[d] !== undefined : !!$(d); }
    if (r.id && SAFE.test(r.id)) base = '-' + r.id;
    else if (unsafe[r.key] !== undefined) base = unsafe[r.key];
    else base = r.key.replace('#', '');
    ['am-r', 'am-j'].forEach(function (p) { if (has(P + p + base)) out.push(P + p + base); });
    for (k = 1; has(d = P + 'am-p' + base + '-' + k); k++) out.push(d);
    return out;
  }
  /* the node a relation's target stands for (an undercut aims at a support) */
  function conclusion(r) {
    var seen = 0;
    while (r && r.to_kind === 'relation' && seen++ < 64) r = relByKey[r.to];
    return r ? node[r.to] : null;
  }

  /* ------------------------------------------------------------ nodes */
  /* The drawing: inline whole (small SVGs of another shape), or in pieces
   * (#am-drawing, #am-pieces: export/html_svg.c) that go into the DOM as
   * they come into view, so that a map of thousands of claims is never
   * parsed, laid out and painted at once. */
  /* the pieces' markup: UTF-8 bytes, separated by form feeds, each decoded
   * when it first goes into the DOM (decoding 17 MB at once costs more
   * than the first frame may) */
  var pieceBytes = D && piecesBuf ? new Uint8Array(piecesBuf) : null, pieceAt = [0], utf8 = null;
  if (pieceBytes) {
    utf8 = new TextDecoder();
    for (var ff = 0; (ff = pieceBytes.indexOf(12, ff)) >= 0; ff++) pieceAt.push(ff + 1);
    pieceAt.push(pieceBytes.length + 1);
  }
  function pieceText(i) { return utf8.decode(pieceBytes.subarray(pieceAt[i], pieceAt[i + 1] - 1)); }
  var G = svg.querySelector('g.graph') || svg, layers = null, pieceOf = {}, live = [];
  var liveOrder = [[], [], []], nLive = 0, pbox = [], edgeEnd = {}, pinned = {}, always = {};
  var LAYER = { t: 0, k: 0, s: 1, r: 1, u: 1, a: 1 };
  var hay = [], order = [], domOf = {}, idByDom = {}, fromEv = {}, hidden = {};
  function whoOf(n) {
    var who = (n.by || []).map(actorName);
    if (n.speaker) who.push(actorName(n.speaker));
    return who;
  }
  nodes.forEach(function (n) {
    var d = nodeDomId(n.id);
    if (!d) return;
    domOf[n.id] = d;
    idByDom[d] = n.id;
  });
  if (D) {
    D.id.forEach(function (d, i) { if (d) pieceOf[d] = i; });
    layers = [0, 1, 2].map(function () {
      var g = doc.createElementNS('http://www.w3.org/2000/svg', 'g');
      G.appendChild(g);
      return g;
    });
    svg.classList.add('am-lazy');
  }
  nodes.forEach(function (n) {
    var d = domOf[n.id];
    if (!d || (D ? pieceOf[d] === undefined : !$(d))) return;
    order.push(n);
    hay.push([n, (n.id + '\n' + n.text + '\n' + whoOf(n).join('\n') + '\n' +
      (n.tags || []).join('\n')).toLowerCase()]);
  });
  rels.forEach(function (r) {
    var ev = (r.from || []).length > 0 && r.from.every(function (f) {
      return node[f] && node[f].kind === 'evidence';
    });
    if (ev) relPartIds(r).forEach(function (d) { fromEv[d] = 1; });
  });
  function hideEvOn() { return $('am-hide-ev').checked; }
  /* ------------------------------------------------------------ status */
  /* #am-status: each drawn node's label (argmap eval) and its reason */
  var stOf = ST.nodes || {};
  var GLYPH = { IN: '\u2713', OUT: '\u2717', UNDEC: '?' };
  var WORD = { IN: 'IN (holds)', OUT: 'OUT (defeated)', UNDEC: 'UNDEC (undecided)' };
  var SFILL = { IN: '#c8e6c9', OUT: '#ffcdd2', UNDEC: '#fff3c4' };
  function statusWords(id) {
    var x = statusOn && stOf[id];
    return x ? ' \u2014 status ' + x.label + (x.why ? ': ' + x.why : '') : '';
  }
  function statusFill(id) { var x = stOf[id]; return x ? SFILL[x.label] : null; }
  /* A dashed stroke costs Chromium's rasteriser the whole path's dashes in
   * every tile the path's bounds cross (measured: one 40,000-unit dashed
   * edge made a tile take 0.4 s), so a long dashed path becomes short
   * pieces, each of its cubic segments cut (de Casteljau) to at most DASH
   * units of chord. A long edge of a big map is thousands of those (20,000
   * elements for the first view of 5,000 claims), so only the pieces near
   * the view are in the DOM (cut for a region in the root group's units;
   * null: all), and update() puts in others as the view moves (recut). */
  var DASH = 400, dashOf = new Map();
  function cutDashes(root, region) {
    var recs = [];
    Array.prototype.forEach.call(root.querySelectorAll('path[stroke-dasharray]'), function (p) {
      var d = p.getAttribute('d') || '', v = d.match(/-?[0-9.]+(e-?[0-9]+)?/g), out = [], i;
      if (!/^M[^A-Za-z]*C[^A-Za-z]*$/.test(d) || !v || v.length < 8) return;
      v = v.map(Number);
      for (i = 2; i + 5 < v.length; i += 6) split(v[i - 2], v[i - 1], v[i], v[i + 1], v[i + 2], v[i + 3],
        v[i + 4], v[i + 5], out);
      if (out.length < 2) return;
      /* p stays, hidden, as the place the pieces go before */
      var rec = { tpl: p.cloneNode(false), anchor: p, segs: out, els: [] };
      p.setAttribute('display', 'none');
      placeDashes(rec, region);
      recs.push(rec);
    });
    if (recs.length && region) dashOf.set(root, { recs: recs, region: region });
  }
  function placeDashes(rec, r) {
    rec.els.forEach(function (q) { q.parentNode.removeChild(q); });
    rec.els = [];
    rec.segs.forEach(function (g) {
      if (r && (g.x1 < r.x0 || g.x0 > r.x1 || g.y1 < r.y0 || g.y0 > r.y1)) return;
      var q = rec.tpl.cloneNode(false);
      q.setAttribute('d', g.d);
      rec.anchor.parentNode.insertBefore(q, rec.anchor);
      rec.els.push(q);
    });
  }
  /* the region in view, and margin times its size around, in the root
   * group's units */
  function regionOf(margin) {
    var x0 = -t.x / t.s, y0 = -t.y / t.s, w = vw() / t.s, h = vh() / t.s, a, b, c, d;
    x0 -= w * margin; y0 -= h * margin; w *= 1 + 2 * margin; h *= 1 + 2 * margin;
    a = (x0 - M.e) / M.a; b = (x0 + w - M.e) / M.a; c = (y0 - M.f) / M.d; d = (y0 + h - M.f) / M.d;
    return { x0: Math.min(a, b), x1: Math.max(a, b), y0: Math.min(c, d), y1: Math.max(c, d) };
  }
  /* live dashed edges cut for a region that does not hold `need` are cut
   * again, for `want` */
  function recut(need, want) {
    dashOf.forEach(function (x) {
      var r = x.region;
      if (need.x0 >= r.x0 && need.x1 <= r.x1 && need.y0 >= r.y0 && need.y1 <= r.y1) return;
      x.region = want;
      x.recs.forEach(function (rec) { placeDashes(rec, want); });
    });
  }
  function split(x0, y0, x1, y1, x2, y2, x3, y3, out) {
    var len = Math.hypot(x1 - x0, y1 - y0) + Math.hypot(x2 - x1, y2 - y1) + Math.hypot(x3 - x2, y3 - y2);
    if (len <= DASH || out.length > 2000) {
      out.push({ d: 'M' + x0 + ',' + y0 + 'C' + x1 + ',' + y1 + ' ' + x2 + ',' + y2 + ' ' + x3 + ',' + y3,
        x0: Math.min(x0, x1, x2, x3), x1: Math.max(x0, x1, x2, x3),
        y0: Math.min(y0, y1, y2, y3), y1: Math.max(y0, y1, y2, y3) });
      return;
    }
    var ax = (x0 + x1) / 2, ay = (y0 + y1) / 2, bx = (x1 + x2) / 2, by = (y1 + y2) / 2;
    var cx = (x2 + x3) / 2, cy = (y2 + y3) / 2, dx = (ax + bx) / 2, dy = (ay + by) / 2;
    var ex = (bx + cx) / 2, ey = (by + cy) / 2, mx = (dx + ex) / 2, my = (dy + ey) / 2;
    split(x0, y0, ax, ay, dx, dy, mx, my, out);
    split(mx, my, ex, ey, cx, cy, x3, y3, out);
  }
  /* what a node element needs once it is in the DOM */
  var idByEl = new Map();
  function prepare(e) {
    var id = idByDom[e.id], n = node[id], who;
    if (fromEv[e.id]) e.classList.add('am-from-ev');
    if (!n) return;
    el[id] = e;
    idByEl.set(e, id);
    who = whoOf(n);
    e.setAttribute('tabindex', '0');
    e.setAttribute('role', 'button');
    e.setAttribute('aria-label', (KIND[n.kind] || n.kind) + ' ' + n.id + ': ' + n.text +
      (who.length ? ' \u2014 ' + who.join(', ') : '') + statusWords(id));
    Array.prototype.forEach.call(e.querySelectorAll('a'), function (a) {
      a.setAttribute('tabindex', '-1');
    });
    if (matchSet[id]) e.classList.add('am-match');
    if (dimSet[id]) e.classList.add('am-dim');
    if (id === selected) e.classList.add('am-selected');
    if (current >= 0 && matches[current].id === id) e.classList.add('am-current');
  }
  /* puts pieces list (indices) into the DOM, each in its layer in drawing
   * order (the nodes' order is the Tab order) */
  function materialise(list) {
    var html = [], tmp, k, i, e, L, o, lo, hi, mid, region = null;
    list = list.filter(function (i) { return !live[i]; }).sort(function (a, b) { return a - b; });
    if (!list.length) return;
    list.forEach(function (i) {
      html.push(D.k[i] === 't' ? '<g class="am-piece">' + pieceText(i) + '</g>' : pieceText(i));
    });
    tmp = doc.createElementNS('http://www.w3.org/2000/svg', 'g');
    /* the renderer's own SVG markup, escaped as the inline SVG would be */
    tmp.innerHTML = html.join('');
    for (k = 0; k < list.length; k++) {
      i = list[k];
      e = tmp.firstElementChild;
      if (!e) break;
      L = LAYER[D.k[i]];
      if (L === undefined) L = 2;
      o = liveOrder[L];
      lo = 0;
      hi = o.length;
      while (lo < hi) { mid = (lo + hi) >> 1; if (o[mid] < i) lo = mid + 1; else hi = mid; }
      layers[L].insertBefore(e, lo < o.length ? live[o[lo]] : null);
      o.splice(lo, 0, i);
      live[i] = e;
      nLive++;
      if (L === 2 || fromEv[e.id]) prepare(e);
      if (L === 1) cutDashes(e, region || (region = regionOf(CUT)));
    }
  }
  function evict(keep) {
    [0, 1, 2].forEach(function (L) {
      liveOrder[L] = liveOrder[L].filter(function (i) {
        var e = live[i], id = idByDom[D.id[i]];
        if (keep[i] || always[i] || (id && pinned[id]) || e.contains(doc.activeElement)) return true;
        e.parentNode.removeChild(e);
        dashOf.delete(e);
        if (id) { delete el[id]; idByEl.delete(e); }
        live[i] = undefined;
        nLive--;
        return false;
      });
    });
  }
  /* the element of node id, put into the DOM if it is not there */
  function elOf(id) {
    var d = domOf[id];
    if (!el[id] && D && d && pieceOf[d] !== undefined) materialise([pieceOf[d]]);
    return el[id] || null;
  }

  /* ------------------------------------------------------- pan and zoom */
  var t = { s: 1, x: 0, y: 0 }, W, H;
  (function () { var b = svg.getBoundingClientRect(); W = b.width; H = b.height; })();
  function apply() {
    stage.style.transform = 'translate(' + t.x + 'px,' + t.y + 'px) scale(' + t.s + ')';
    if (D && !pending) { pending = true; requestAnimationFrame(update); }
  }
  /* ---------------------------------------- the drawing, as it is seen */
  /* In view (the window and half of it around): when that is at most LIMIT
   * pieces they are put into the DOM (before the frame is painted); past
   * that the map is too small to read, and the overview (a canvas of boxes
   * and lines) stands in for the drawing. Past MAXLIVE pieces in the DOM,
   * those out of view leave it. A small map is put in whole at the start. */
  var LIMIT = 900, MAXLIVE = 4000, ALL = 2500, CUT = 1, pending = false, canvas = null;
  var overview = false;
  var COLOR = { q: '#0d47a1', c: '#5d4037', e: '#78909c', j: '#2e7d32', s: '#2e7d32',
    r: '#c62828', u: '#6a1b9a', a: '#1565c0', k: '#b0bec5', t: '#90a4ae' };
  var FILL = { q: '#e3f2fd', c: '#fffdf5', e: '#f3f6f4', j: '#2e7d32' };
  function inView(margin) {
    var x0 = -t.x / t.s, y0 = -t.y / t.s, w = vw() / t.s, h = vh() / t.s, out = [], i, b;
    x0 -= w * margin; y0 -= h * margin; w *= 1 + 2 * margin; h *= 1 + 2 * margin;
    for (i = 0; i < pbox.length; i++) {
      b = pbox[i];
      if (b.x < x0 + w && b.x + b.w > x0 && b.y < y0 + h && b.y + b.h > y0) out.push(i);
    }
    return out;
  }
  function update() {
    pending = false;
    var seen = inView(0.5), keep = {};
    if (seen.length <= LIMIT) {
      materialise(seen);
      recut(regionOf(0.25), regionOf(CUT));
      if (nLive > MAXLIVE) { seen.forEach(function (i) { keep[i] = 1; }); evict(keep); }
      setOverview(false);
    } else {
      setOverview(true);
      draw();
    }
  }
  function setOverview(on) {
    if (on === overview) return;
    overview = on;
    view.classList.toggle('am-overview', on);
    if (on && !canvas) {
      canvas = doc.createElement('canvas');
      canvas.className = 'am-canvas';
      canvas.setAttribute('aria-hidden', 'true');
      view.insertBefore(canvas, view.firstChild);
    }
  }
  function draw() {
    var r = window.devicePixelRatio || 1, w = vw(), h = vh(), c, i, k, b, j = 0, hideEv;
    if (canvas.width !== Math.round(w * r) || canvas.height !== Math.round(h * r)) {
      canvas.width = Math.round(w * r);
      canvas.height = Math.round(h * r);
    }
    c = canvas.getContext('2d');
    c.setTransform(1, 0, 0, 1, 0, 0);
    c.clearRect(0, 0, canvas.width, canvas.height);
    c.setTransform(r * t.s, 0, 0, r * t.s, r * t.x, r * t.y);
    c.lineWidth = Math.max(1, 1 / t.s);
    hideEv = hideEvOn();
    for (i = 0; i < pbox.length; i++) {
      k = D.k[i];
      if (LAYER[k] !== 1) continue;
      b = D.e;
      if (!(hideEv && fromEv[D.id[i]])) {
        c.strokeStyle = COLOR[k];
        c.beginPath();
        c.moveTo(b[j] * M.a + M.e, b[j + 1] * M.d + M.f);
        c.lineTo(b[j + 2] * M.a + M.e, b[j + 3] * M.d + M.f);
        c.stroke();
      }
      j += 4;
    }
    for (i = 0; i < pbox.length; i++) {
      k = D.k[i];
      if (!FILL[k]) continue;
      var id = idByDom[D.id[i]];
      if (hideEv && k === 'e') continue;
      b = pbox[i];
      c.globalAlpha = id && dimSet[id] ? 0.18 : 1;
      c.fillStyle = statusOn && id ? statusFill(id) || FILL[k] : FILL[k];
      c.fillRect(b.x, b.y, b.w, b.h);
      c.strokeStyle = COLOR[k];
      c.strokeRect(b.x, b.y, b.w, b.h);
    }
    c.globalAlpha = 1;
  }
  function vw() { return view.clientWidth; }
  function vh() { return view.clientHeight; }
  function clampS(s) { return Math.min(8, Math.max(0.01, s)); }
  function zoomAt(cx, cy, f) {
    var r = view.getBoundingClientRect(), px = cx - r.left, py = cy - r.top;
    var s = clampS(t.s * f);
    t.x = px - (px - t.x) * s / t.s;
    t.y = py - (py - t.y) * s / t.s;
    t.s = s;
    apply();
  }
  function zoomCentre(f) {
    var r = view.getBoundingClientRect();
    zoomAt(r.left + vw() / 2, r.top + vh() / 2, f);
  }
  function fitScale() { return Math.min(vw() / W, vh() / H) * 0.98; }
  function fit() {
    t.s = fitScale();
    t.x = (vw() - W * t.s) / 2;
    t.y = Math.max(0, (vh() - H * t.s) / 2);
    apply();
  }
  /* boxes in the stage's unscaled pixels. In pieces: from the index, in
   * the root group's units through its matrix (no layout is read). Inline:
   * each node's box read once, in one layout (reading layout between
   * writes would lay out thousands of nodes again each time). */
  var M = null, boxes = new Map();
  if (D) {
    M = G.getCTM() || { a: 1, d: 1, e: 0, f: 0 };
    for (var i = 0; i < D.id.length; i++) {
      var x0 = D.b[4 * i] * M.a + M.e, y0 = D.b[4 * i + 1] * M.d + M.f;
      var x1 = D.b[4 * i + 2] * M.a + M.e, y1 = D.b[4 * i + 3] * M.d + M.f;
      pbox.push({ x: Math.min(x0, x1), y: Math.min(y0, y1), w: Math.abs(x1 - x0),
        h: Math.abs(y1 - y0) });
    }
  }
  function boxOfId(id) {
    var e;
    if (D) return pbox[pieceOf[domOf[id]]];
    e = el[id];
    var b = boxes.get(e);
    if (!b) { b = box(e); boxes.set(e, b); }
    return b;
  }
  function box(e) {
    var b = e.getBoundingClientRect(), r = view.getBoundingClientRect();
    return { x: (b.left - r.left - t.x) / t.s, y: (b.top - r.top - t.y) / t.s,
      w: b.width / t.s, h: b.height / t.s };
  }
  /* a mark over node id (kind: m match, c current, s selected, f focus);
   * returns it, to be removed with unmark */
  function mark(id, kind, into) {
    var b = boxOfId(id), d = doc.createElement('div'), pad = kind === 'm' ? 4 : 8;
    d.className = 'am-mark am-' + kind;
    d.style.left = (b.x - pad) + 'px';
    d.style.top = (b.y - pad) + 'px';
    d.style.width = (b.w + 2 * pad) + 'px';
    d.style.height = (b.h + 2 * pad) + 'px';
    (into || marks).appendChild(d);
    return d;
  }
  function unmark(d) { if (d && d.parentNode) d.parentNode.removeChild(d); }
  function show(b, s, top) {
    t.s = clampS(s);
    t.x = vw() / 2 - (b.x + b.w / 2) * t.s;
    t.y = top !== undefined ? top - b.y * t.s : vh() / 2 - (b.y + b.h / 2) * t.s;
    apply();
  }
  function one() { var c = centreContent(); t.s = 1; show(c, 1); }
  function centreContent() {
    return { x: (vw() / 2 - t.x) / t.s, y: (vh() / 2 - t.y) / t.s, w: 0, h: 0 };
  }
  /* fitted; when that is too small to read, the questions fill the screen
   * (all of them if they fit legibly, else the first of the map) */
  function initial() {
    var qs = order.filter(function (n) { return n.kind === 'question'; }), b, s;
    fit();
    if (t.s >= 0.35 || !qs.length) return;
    b = qs.map(function (n) { return boxOfId(n.id); }).reduce(function (a, c) {
      var x = Math.min(a.x, c.x), y = Math.min(a.y, c.y);
      return { x: x, y: y, w: Math.max(a.x + a.w, c.x + c.w) - x,
        h: Math.max(a.y + a.h, c.y + c.h) - y };
    });
    s = Math.min(0.8, vw() * 0.9 / b.w, vh() * 0.4 / b.h);
    if (s < 0.55) {
      b = boxOfId(qs[0].id);
      s = Math.min(0.8, vw() * 0.9 / b.w, vh() * 0.4 / b.h);
    }
    show(b, Math.max(fitScale(), s), Math.max(16, vh() * 0.08));
  }
  function fly(id) {
    var b = boxOfId(id), s = t.s;
    if (s < 0.6) s = Math.min(1, vw() * 0.5 / b.w);
    show(b, s);
  }

  var drag = null, pointers = {}, pinch = null, moved = false;
  view.addEventListener('pointerdown', function (ev) {
    pointers[ev.pointerId] = { x: ev.clientX, y: ev.clientY };
    var ids = Object.keys(pointers);
    if (ids.length === 2) {
      var a = pointers[ids[0]], b = pointers[ids[1]];
      pinch = { d: Math.hypot(a.x - b.x, a.y - b.y) || 1 };
      drag = null;
    } else {
      drag = { x: ev.clientX, y: ev.clientY, tx: t.x, ty: t.y };
      moved = false;
    }
  });
  view.addEventListener('pointermove', function (ev) {
    if (!pointers[ev.pointerId]) return;
    pointers[ev.pointerId] = { x: ev.clientX, y: ev.clientY };
    var ids = Object.keys(pointers);
    if (pinch && ids.length === 2) {
      var a = pointers[ids[0]], b = pointers[ids[1]], d = Math.hypot(a.x - b.x, a.y - b.y) || 1;
      zoomAt((a.x + b.x) / 2, (a.y + b.y) / 2, d / pinch.d);
      pinch.d = d;
      moved = true;
      return;
    }
    if (!drag) return;
    if (!moved && Math.abs(ev.clientX - drag.x) + Math.abs(ev.clientY - drag.y) < 4) return;
    if (!moved) { view.setPointerCapture(ev.pointerId); view.classList.add('am-dragging'); }
    moved = true;
    t.x = drag.tx + ev.clientX - drag.x;
    t.y = drag.ty + ev.clientY - drag.y;
    apply();
  });
  function up(ev) {
    delete pointers[ev.pointerId];
    if (Object.keys(pointers).length < 2) pinch = null;
    drag = null;
    view.classList.remove('am-dragging');
  }
  view.addEventListener('pointerup', up);
  view.addEventListener('pointercancel', up);
  view.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    zoomAt(ev.clientX, ev.clientY, Math.exp(-ev.deltaY * (ev.ctrlKey ? 0.01 : 0.0015)));
  }, { passive: false });
  view.addEventListener('click', function (ev) {
    var g = ev.target.closest ? ev.target.closest('g.am-node') : null;
    if (ev.target.closest && ev.target.closest('a')) ev.preventDefault();
    if (!moved && overview) { zoomAt(ev.clientX, ev.clientY, 3); return; }
    if (moved || !g) return;
    var n = idOf(g);
    if (n) go(n);
  });
  function idOf(g) { return idByEl.get(g); }

  /* ------------------------------------------------ selection and panel */
  var selMark = null;
  function go(id) {
    if (decodeHash() === id) select(id);
    else location.hash = encodeURIComponent(id);
  }
  function decodeHash() {
    try { return decodeURIComponent(location.hash.slice(1)); } catch (e) { return ''; }
  }
  function mk(tag, text, cls) {
    var e = doc.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function link(href, text) {
    var a = mk('a', text);
    if (/^https?:\/\//i.test(href)) {
      a.href = href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
    }
    return a;
  }
  function nodeLink(id) {
    var n = node[id], a = mk('a', n ? n.text : id);
    a.href = '#' + encodeURIComponent(id);
    if (n) a.title = (KIND[n.kind] || n.kind) + ' ' + id;
    return a;
  }
  /* a link that lands on the passage: #:~:text=start,end */
  function fragment(url, quote) {
    if (!quote || url.indexOf('#') >= 0) return url;
    var w = quote.replace(/[\u201c\u201d"]/g, '').split(/\s+/).filter(Boolean);
    function enc(s) { return encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C'); }
    if (w.length <= 8) return url + '#:~:text=' + enc(w.join(' '));
    return url + '#:~:text=' + enc(w.slice(0, 5).join(' ')) + ',' + enc(w.slice(-3).join(' '));
  }
  function sourceItem(id, quote) {
    var s = source[id], li = mk('li');
    if (!s) { li.textContent = id; return li; }
    var title = s.title || s.id;
    li.appendChild(s.url ? link(fragment(s.url, quote), title) : mk('span', title));
    var meta = [(s.authors || []).map(actorName).join(', '), s.publisher, s.date]
      .filter(Boolean).join(' \u00b7 ');
    if (meta) li.appendChild(mk('span', ' \u2014 ' + meta, 'am-meta'));
    return li;
  }
  function section(title, items) {
    if (!items.length) return;
    panel.appendChild(mk('h2', title));
    var ul = mk('ul');
    items.forEach(function (i) { ul.appendChild(i); });
    panel.appendChild(ul);
  }
  function quoteBlock(n) {
    var d = mk('div'), q = mk('blockquote', '\u201c' + n.text + '\u201d'), who = [];
    d.appendChild(q);
    if (n.speaker) who.push(actorName(n.speaker));
    if (n.locator) who.push(n.locator);
    if (who.length) d.appendChild(mk('div', '\u2014 ' + who.join(', '), 'am-meta'));
    var ul = mk('ul');
    (n.sources || []).forEach(function (s) { ul.appendChild(sourceItem(s, n.text)); });
    if (ul.firstChild) d.appendChild(ul);
    return d;
  }
  function relItem(r, other, verb) {
    var li = mk('li');
    li.appendChild(mk('span', verb + (r.stance ? ' (' + r.stance + ')' : '') + ' '));
    if (other) li.appendChild(nodeLink(other.id));
    if (r.basis === 'editor') li.appendChild(mk('span', ' \u2014 editor\u2019s link', 'am-meta'));
    if (r.note) li.appendChild(mk('div', r.note, 'am-meta'));
    return li;
  }
  function fill(n) {
    var close = mk('button', 'Close', 'am-close'), head = mk('div'), ev = [], out = [], inn = [];
    panel.textContent = '';
    close.type = 'button';
    close.addEventListener('click', unselect);
    panel.appendChild(close);
    head.appendChild(mk('span', (KIND[n.kind] || n.kind).toUpperCase(), 'am-kind'));
    head.appendChild(mk('span', ' ' + n.id, 'am-meta'));
    panel.appendChild(head);
    if (n.kind === 'evidence') panel.appendChild(quoteBlock(n));
    else panel.appendChild(mk('p', n.text, 'am-text'));
    var x = statusOn && stOf[n.id];
    if (x) {
      panel.appendChild(mk('h2', 'Status (' + (ST.semantics || 'grounded') + ')'));
      var sp = mk('p', null, 'am-status-line');
      sp.appendChild(mk('span', GLYPH[x.label] + ' ' + WORD[x.label], 'am-status-badge am-st-' + x.label));
      panel.appendChild(sp);
      if (x.why) panel.appendChild(mk('p', x.why, 'am-why'));
      if (x.acceptance) panel.appendChild(mk('p', x.acceptance + (x.acceptance_why ? ': ' +
        x.acceptance_why : ''), 'am-why'));
    }
    if ((n.by || []).length)
      section('Held by', n.by.map(function (a) { return mk('li', actorName(a)); }));
    if (n.kind !== 'evidence')
      section('Sources', (n.sources || []).map(function (s) { return sourceItem(s); }));
    (relsTo[n.id] || []).forEach(function (r) {
      r.from.forEach(function (f) { if (node[f] && node[f].kind === 'evidence') ev.push(node[f]); });
    });
    if (ev.length) {
      panel.appendChild(mk('h2', 'Evidence'));
      ev.forEach(function (e) {
        var q = quoteBlock(e), a = nodeLink(e.id);
        a.textContent = 'show ' + e.id;
        q.appendChild(a);
        panel.appendChild(q);
      });
    }
    if (n.note) { panel.appendChild(mk('h2', 'Editor\u2019s note')); panel.appendChild(mk('p', n.note)); }
    (relsFrom[n.id] || []).forEach(function (r) {
      var c = r.to_kind === 'relation' ? conclusion(r) : node[r.to];
      out.push(relItem(r, c, r.to_kind === 'relation' ? 'undercuts the reason for' : VERB[r.kind]));
    });
    (relsTo[n.id] || []).forEach(function (r) {
      r.from.forEach(function (f) { inn.push(relItem(r, node[f], PASSIVE[r.kind])); });
    });
    rels.forEach(function (r) {
      var c = r.to_kind === 'relation' && relByKey[r.to];
      if (c && c.to === n.id) r.from.forEach(function (f) {
        inn.push(relItem(r, node[f], 'a reason for it is undercut by'));
      });
    });
    section('Relations', out.concat(inn));
    if ((n.tags || []).length) section('Tags', n.tags.map(function (g) { return mk('li', g); }));
  }
  function known(id) { return !!(domOf[id] && (D ? pieceOf[domOf[id]] !== undefined : el[id])); }
  function select(id) {
    if (!known(id)) return;
    if (selected && el[selected]) el[selected].classList.remove('am-selected');
    if (selected) delete pinned[selected];
    unmark(selMark);
    selected = id;
    pinned[id] = 1;
    var e = elOf(id);
    if (e) e.classList.add('am-selected');
    selMark = mark(id, 's');
    fill(node[id]);
    panel.hidden = false;
    doc.body.classList.add('am-panel-open');
    fly(id);
  }
  function unselect() {
    if (selected && el[selected]) el[selected].classList.remove('am-selected');
    unmark(selMark);
    selMark = null;
    var back = selected && el[selected];
    if (selected) delete pinned[selected];
    selected = null;
    panel.hidden = true;
    doc.body.classList.remove('am-panel-open');
    if (location.hash) history.pushState(null, '', location.pathname + location.search);
    if (back) back.focus();
  }
  window.addEventListener('hashchange', function () {
    var id = decodeHash();
    if (known(id)) select(id);
    else if (!id && selected) unselect();
  });

  /* ------------------------------------------------------------ search */
  var matchMarks = [], curMark = null;
  function clearMarks() {
    matches.forEach(function (n) {
      if (el[n.id]) el[n.id].classList.remove('am-match', 'am-current');
    });
    if (current >= 0) delete pinned[matches[current].id];
    matchSet = {};
    matchMarks.forEach(unmark);
    unmark(curMark);
    matches = [];
    matchMarks = [];
    curMark = null;
    current = -1;
  }
  function runSearch() {
    var q = search.value.trim().toLowerCase(), i, li;
    clearMarks();
    results.textContent = '';
    if (!q) { results.hidden = true; count.textContent = ''; return; }
    for (i = 0; i < hay.length; i++) if (hay[i][1].indexOf(q) >= 0) matches.push(hay[i][0]);
    /* the marks first: their boxes read the layout, which the classes
     * would make stale */
    var frag = doc.createDocumentFragment();
    matches.forEach(function (n) { matchMarks.push(mark(n.id, 'm', frag)); });
    marks.appendChild(frag);
    matches.forEach(function (n) {
      matchSet[n.id] = 1;
      if (el[n.id]) el[n.id].classList.add('am-match');
    });
    count.textContent = matches.length + (matches.length === 1 ? ' match' : ' matches');
    matches.slice(0, 50).forEach(function (n, k) {
      li = mk('li');
      li.setAttribute('role', 'option');
      li.appendChild(mk('div', n.text));
      li.appendChild(mk('div', (KIND[n.kind] || n.kind) + ' ' + n.id, 'am-rid'));
      li.addEventListener('click', function () { current = k; go(n.id); results.hidden = true; });
      results.appendChild(li);
    });
    results.hidden = matches.length === 0;
  }
  function next(step) {
    if (!matches.length) return;
    if (current >= 0) {
      if (el[matches[current].id]) el[matches[current].id].classList.remove('am-current');
      delete pinned[matches[current].id];
    }
    unmark(curMark);
    current = (current + step + matches.length) % matches.length;
    var id = matches[current].id, e = elOf(id);
    pinned[id] = 1;
    if (e) e.classList.add('am-current');
    curMark = mark(id, 'c');
    Array.prototype.forEach.call(results.children, function (li, k) {
      li.setAttribute('aria-selected', k === current ? 'true' : 'false');
    });
    fly(id);
  }
  search.addEventListener('input', runSearch);
  search.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter') { ev.preventDefault(); next(ev.shiftKey ? -1 : 1); }
    else if (ev.key === 'Escape') { search.value = ''; runSearch(); }
  });
  search.addEventListener('blur', function () {
    setTimeout(function () { results.hidden = true; }, 200);
  });
  search.addEventListener('focus', function () { if (matches.length) results.hidden = false; });

  var badges = null, statusBox = $('am-status-on');
  if (!Object.keys(stOf).length) $('am-status-box').hidden = true;
  /* a badge (glyph and word, not colour alone) on each labelled node */
  function showStatus(on) {
    statusOn = on;
    view.classList.toggle('am-status', on);
    if (badges) { unmark(badges); badges = null; }
    if (on) {
      badges = doc.createElement('div');
      order.forEach(function (n) {
        var x = stOf[n.id], b, d;
        if (!x) return;
        b = boxOfId(n.id);
        d = mk('div', GLYPH[x.label] + ' ' + x.label, 'am-status-badge am-st-' + x.label);
        d.setAttribute('data-node', n.id);
        d.style.left = (b.x + b.w - 4) + 'px';
        d.style.top = (b.y - 10) + 'px';
        badges.appendChild(d);
      });
      marks.appendChild(badges);
    }
    Object.keys(el).forEach(function (id) {
      var n = node[id], who = whoOf(n);
      el[id].setAttribute('aria-label', (KIND[n.kind] || n.kind) + ' ' + n.id + ': ' + n.text +
        (who.length ? ' \u2014 ' + who.join(', ') : '') + statusWords(id));
    });
    if (selected) fill(node[selected]);
    if (overview) draw();
  }
  statusBox.addEventListener('change', function () { showStatus(statusBox.checked); });

  /* --------------------------------------------------------- questions */
  var qBtn = $('am-questions-btn'), qNav = $('am-questions'), qList = qNav.querySelector('ul');
  order.filter(function (n) { return n.kind === 'question'; }).forEach(function (n) {
    var li = mk('li'), a = nodeLink(n.id);
    a.textContent = n.text;
    a.addEventListener('click', function () { showQuestions(false); });
    li.appendChild(a);
    qList.appendChild(li);
  });
  if (!qList.firstChild) qBtn.hidden = true;
  function showQuestions(on) {
    qNav.hidden = !on;
    qBtn.setAttribute('aria-expanded', on ? 'true' : 'false');
  }
  qBtn.addEventListener('click', function () { showQuestions(qNav.hidden); });
  qNav.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape') { showQuestions(false); qBtn.focus(); ev.stopPropagation(); }
  });

  /* ----------------------------------------------------------- filters */
  var actorSel = $('am-actor'), tagSel = $('am-tag'), hideEv = $('am-hide-ev');
  var used = {};
  nodes.forEach(function (n) {
    (n.by || []).forEach(function (a) { used[a] = 1; });
    if (n.speaker) used[n.speaker] = 1;
  });
  Object.keys(used).sort(function (a, b) {
    return actorName(a).localeCompare(actorName(b));
  }).forEach(function (a) {
    var o = mk('option', actorName(a)); o.value = a; actorSel.appendChild(o);
  });
  (model.tags || []).forEach(function (g) {
    var o = mk('option', g.name + ' (' + g.count + ')'); o.value = g.name; tagSel.appendChild(o);
  });
  function filter() {
    var a = actorSel.value, g = tagSel.value;
    order.forEach(function (n) {
      var ok = (!a || (n.by || []).indexOf(a) >= 0 || n.speaker === a) &&
        (!g || (n.tags || []).indexOf(g) >= 0);
      if (ok) delete dimSet[n.id];
      else dimSet[n.id] = 1;
      if (el[n.id]) el[n.id].classList.toggle('am-dim', !ok);
    });
    svg.classList.toggle('am-hide-ev', hideEv.checked);
    if (overview) draw();
  }
  actorSel.addEventListener('change', filter);
  tagSel.addEventListener('change', filter);
  hideEv.addEventListener('change', filter);

  /* --------------------------------------------------------- keyboard */
  $('am-fit').addEventListener('click', fit);
  $('am-one').addEventListener('click', one);
  $('am-zoom-in').addEventListener('click', function () { zoomCentre(1.25); });
  $('am-zoom-out').addEventListener('click', function () { zoomCentre(0.8); });
  doc.addEventListener('keydown', function (ev) {
    var tag = ev.target.tagName, g;
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || ev.altKey || ev.metaKey ||
        ev.ctrlKey) return;
    g = ev.target.closest && ev.target.closest('g.am-node');
    if (g && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); go(idOf(g)); return; }
    if (g && ev.key === 'Tab' && D && tabTo(g, ev.shiftKey ? -1 : 1)) { ev.preventDefault(); return; }
    switch (ev.key) {
    case '+': case '=': zoomCentre(1.25); break;
    case '-': case '_': zoomCentre(0.8); break;
    case '0': fit(); break;
    case '1': one(); break;
    case 'ArrowLeft': t.x += 80; apply(); break;
    case 'ArrowRight': t.x -= 80; apply(); break;
    case 'ArrowUp': t.y += 80; apply(); break;
    case 'ArrowDown': t.y -= 80; apply(); break;
    case '/': search.focus(); break;
    case 'q': showQuestions(qNav.hidden); if (!qNav.hidden && qList.firstChild) qList.querySelector('a').focus(); break;
    case 's': if (!$('am-status-box').hidden) { statusBox.checked = !statusBox.checked; showStatus(statusBox.checked); } break;
    case 'Escape': if (selected) unselect(); break;
    default: return;
    }
    ev.preventDefault();
  });
  /* Tab and shift+Tab from a node go to the next node of the drawing (in
   * its order, which is the DOM's), put into the DOM if it is not there:
   * in pieces, only the nodes near the view are in the DOM, so the
   * browser's own Tab would skip the rest. The first and last node always
   * stay in the DOM, so Tab into the drawing from either side lands on
   * them. At either end the browser's Tab leaves the drawing. */
  var tabOrder = D ? order.map(function (n) { return pieceOf[domOf[n.id]]; })
    .sort(function (a, b) { return a - b; }) : [];
  tabOrder.forEach(function (i, k) { if (k === 0 || k === tabOrder.length - 1) always[i] = 1; });
  function tabTo(g, step) {
    var i = pieceOf[g.id], lo = 0, hi = tabOrder.length, mid, k, j, e;
    if (i === undefined) return false;
    while (lo < hi) { mid = (lo + hi) >> 1; if (tabOrder[mid] < i) lo = mid + 1; else hi = mid; }
    for (k = lo + step; k >= 0 && k < tabOrder.length; k += step) {
      j = tabOrder[k];
      if (!(hideEvOn() && D.k[j] === 'e')) break;
    }
    if (k < 0 || k >= tabOrder.length) return false;
    if (!live[j]) materialise([j]);
    e = live[j];
    if (!e) return false;
    if (overview) { fly(idByDom[D.id[j]]); update(); }
    e.focus();
    return true;
  }
  /* a node reached by Tab is brought into view */
  var focusMark = null;
  view.addEventListener('focusout', function () { unmark(focusMark); focusMark = null; });
  view.addEventListener('focusin', function (ev) {
    var g = ev.target.closest && ev.target.closest('g.am-node'), b, r;
    unmark(focusMark);
    focusMark = null;
    if (!g || !idOf(g)) return;
    focusMark = mark(idOf(g), 'f');
    b = boxOfId(idOf(g));
    r = { l: t.x + b.x * t.s, t: t.y + b.y * t.s };
    if (r.l < 0 || r.t < 0 || r.l + b.w * t.s > vw() || r.t + b.h * t.s > vh()) fly(idOf(g));
  });
  view.addEventListener('scroll', function () { view.scrollTop = 0; view.scrollLeft = 0; });

  if (D && D.id.length <= ALL) materialise(D.id.map(function (x, i) { return i; }));
  else if (D && tabOrder.length) materialise([tabOrder[0], tabOrder[tabOrder.length - 1]]);
  if (!D) {
    Array.prototype.forEach.call(svg.querySelectorAll('g[id]'), prepare);
    cutDashes(svg);
    order.forEach(function (n) { boxOfId(n.id); });
  }
  initial();
  if (known(decodeHash())) select(decodeHash());
  if (D) update();
  /* ready once the first fitted frame is painted: a task queued from the
   * frame's animation callback runs after that frame's paint */
  requestAnimationFrame(function () {
    var ch = new MessageChannel();
    ch.port1.onmessage = function () {
      window.amReady = performance.now();
      doc.documentElement.setAttribute('data-am-ready', '1');
    };
    ch.port2.postMessage(0);
  });
}
})();
