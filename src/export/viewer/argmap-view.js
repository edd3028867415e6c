/* argmap web view (argmap render -T html): pan and zoom, search, a details
 * panel, filters and links to one claim, over the inline SVG and the JSON
 * model in the same page. No library, no network, no eval, no inline
 * handlers; map text is only ever set as textContent. DOM contract:
 * docs/rendering.md, "The web view". */
(function () {
  'use strict';
  var doc = document;
  function $(id) { return doc.getElementById(id); }
  var model = JSON.parse($('am-model').textContent);
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
  /* the drawn parts of a relation: its arrow, its dot and its premise lines */
  function relParts(r) {
    var base, out = [], k, e;
    if (r.id && SAFE.test(r.id)) base = '-' + r.id;
    else if (unsafe[r.key] !== undefined) base = unsafe[r.key];
    else base = r.key.replace('#', '');
    ['am-r', 'am-j'].forEach(function (p) { e = $(P + p + base); if (e) out.push(e); });
    for (k = 1; (e = $(P + 'am-p' + base + '-' + k)); k++) out.push(e);
    return out;
  }
  /* the node a relation's target stands for (an undercut aims at a support) */
  function conclusion(r) {
    var seen = 0;
    while (r && r.to_kind === 'relation' && seen++ < 64) r = relByKey[r.to];
    return r ? node[r.to] : null;
  }

  /* ------------------------------------------------------------ nodes */
  var hay = [], order = [];
  nodes.forEach(function (n) {
    var e = $(nodeDomId(n.id)), who;
    if (!e) return;
    el[n.id] = e;
    order.push(n);
    who = (n.by || []).map(actorName);
    if (n.speaker) who.push(actorName(n.speaker));
    e.setAttribute('tabindex', '0');
    e.setAttribute('role', 'button');
    e.setAttribute('aria-label', (KIND[n.kind] || n.kind) + ' ' + n.id + ': ' + n.text +
      (who.length ? ' \u2014 ' + who.join(', ') : ''));
    Array.prototype.forEach.call(e.querySelectorAll('a'), function (a) {
      a.setAttribute('tabindex', '-1');
    });
    hay.push([n, (n.id + '\n' + n.text + '\n' + who.join('\n') + '\n' +
      (n.tags || []).join('\n')).toLowerCase()]);
  });
  rels.forEach(function (r) {
    var ev = (r.from || []).length > 0 && r.from.every(function (f) {
      return node[f] && node[f].kind === 'evidence';
    });
    if (ev) relParts(r).forEach(function (e) { e.classList.add('am-from-ev'); });
  });

  /* ------------------------------------------------------- pan and zoom */
  var t = { s: 1, x: 0, y: 0 }, W, H;
  (function () { var b = svg.getBoundingClientRect(); W = b.width; H = b.height; })();
  function apply() {
    stage.style.transform = 'translate(' + t.x + 'px,' + t.y + 'px) scale(' + t.s + ')';
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
  /* an element's box in the drawing's own (unscaled) pixels */
  /* the nodes' boxes, read once, in one layout: the drawing never moves
   * inside the stage, and reading layout between writes would lay out
   * thousands of nodes again each time */
  var boxes = new Map();
  function boxOf(e) {
    var b = boxes.get(e);
    if (!b) { b = box(e); boxes.set(e, b); }
    return b;
  }
  function box(e) {
    var b = e.getBoundingClientRect(), r = view.getBoundingClientRect();
    return { x: (b.left - r.left - t.x) / t.s, y: (b.top - r.top - t.y) / t.s,
      w: b.width / t.s, h: b.height / t.s };
  }
  /* a mark over node element e (kind: m match, c current, s selected,
   * f focus); returns it, to be removed with unmark */
  function mark(e, kind, into) {
    var b = boxOf(e), d = doc.createElement('div'), pad = kind === 'm' ? 4 : 8;
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
    b = qs.map(function (n) { return boxOf(el[n.id]); }).reduce(function (a, c) {
      var x = Math.min(a.x, c.x), y = Math.min(a.y, c.y);
      return { x: x, y: y, w: Math.max(a.x + a.w, c.x + c.w) - x,
        h: Math.max(a.y + a.h, c.y + c.h) - y };
    });
    s = Math.min(0.8, vw() * 0.9 / b.w, vh() * 0.4 / b.h);
    if (s < 0.55) {
      b = boxOf(el[qs[0].id]);
      s = Math.min(0.8, vw() * 0.9 / b.w, vh() * 0.4 / b.h);
    }
    show(b, Math.max(fitScale(), s), Math.max(16, vh() * 0.08));
  }
  function fly(e) {
    var b = boxOf(e), s = t.s;
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
    if (moved || !g) return;
    var n = idOf(g);
    if (n) go(n);
  });
  var idByEl = new Map();
  Object.keys(el).forEach(function (id) { idByEl.set(el[id], id); });
  function idOf(g) { return idByEl.get(g); }

  /* ------------------------------------------------ selection and panel */
  var selected = null, selMark = null;
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
  function select(id) {
    var e = el[id];
    if (!e) return;
    if (selected && el[selected]) el[selected].classList.remove('am-selected');
    unmark(selMark);
    selected = id;
    e.classList.add('am-selected');
    selMark = mark(e, 's');
    fill(node[id]);
    panel.hidden = false;
    doc.body.classList.add('am-panel-open');
    fly(e);
  }
  function unselect() {
    if (selected && el[selected]) el[selected].classList.remove('am-selected');
    unmark(selMark);
    selMark = null;
    var back = selected && el[selected];
    selected = null;
    panel.hidden = true;
    doc.body.classList.remove('am-panel-open');
    if (location.hash) history.pushState(null, '', location.pathname + location.search);
    if (back) back.focus();
  }
  window.addEventListener('hashchange', function () {
    var id = decodeHash();
    if (el[id]) select(id);
    else if (!id && selected) unselect();
  });

  /* ------------------------------------------------------------ search */
  var matches = [], current = -1, matchMarks = [], curMark = null;
  function clearMarks() {
    matches.forEach(function (n) { el[n.id].classList.remove('am-match', 'am-current'); });
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
    matches.forEach(function (n) { matchMarks.push(mark(el[n.id], 'm', frag)); });
    marks.appendChild(frag);
    matches.forEach(function (n) { el[n.id].classList.add('am-match'); });
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
    if (current >= 0) el[matches[current].id].classList.remove('am-current');
    unmark(curMark);
    current = (current + step + matches.length) % matches.length;
    var e = el[matches[current].id];
    e.classList.add('am-current');
    curMark = mark(e, 'c');
    Array.prototype.forEach.call(results.children, function (li, k) {
      li.setAttribute('aria-selected', k === current ? 'true' : 'false');
    });
    fly(e);
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
      el[n.id].classList.toggle('am-dim', !ok);
    });
    svg.classList.toggle('am-hide-ev', hideEv.checked);
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
    case 'Escape': if (selected) unselect(); break;
    default: return;
    }
    ev.preventDefault();
  });
  /* a node reached by Tab is brought into view */
  var focusMark = null;
  view.addEventListener('focusout', function () { unmark(focusMark); focusMark = null; });
  view.addEventListener('focusin', function (ev) {
    var g = ev.target.closest && ev.target.closest('g.am-node'), b, r;
    unmark(focusMark);
    focusMark = null;
    if (!g) return;
    focusMark = mark(g, 'f');
    b = boxOf(g);
    r = { l: t.x + b.x * t.s, t: t.y + b.y * t.s };
    if (r.l < 0 || r.t < 0 || r.l + b.w * t.s > vw() || r.t + b.h * t.s > vh()) fly(g);
  });
  view.addEventListener('scroll', function () { view.scrollTop = 0; view.scrollLeft = 0; });

  order.forEach(function (n) { boxOf(el[n.id]); });
  initial();
  if (el[decodeHash()]) select(decodeHash());
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
})();
