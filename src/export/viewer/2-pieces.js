/* viewer/2-pieces.js - the drawing's nodes and pieces. In pieces (D, from
 * export/html_svg.c): the index of piece ids (pieceOf), the search text of
 * each drawn node (hay, order), piece markup decoded one piece at a time
 * (pieceText), put into the DOM in drawing order (materialise) and taken
 * out (evict), long dashed edges cut near the view only (cutDashes,
 * recut); prepare() gives a node in the DOM its role, name, tabindex and
 * the classes of the current search, filter and selection. Inline (small
 * SVGs of another shape) the same names work on the whole SVG. Uses
 * 1-data.js; regionOf, t and M come from 3-stage.js (at run time only). */
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
    hay.push([n, (n.id + '\n' + (n.title ? n.title + '\n' : '') + n.text + '\n' + whoOf(n).join('\n') + '\n' +
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

