/* viewer/3-stage.js - pan and zoom of the stage (t: scale s, offset x y,
 * in the window's pixels; apply() moves it and schedules update()), which
 * pieces are in view (inView, update: into the DOM, or the overview canvas
 * when too many), the boxes of nodes (boxOfId, from the index; read from
 * the layout once when inline), marks drawn over the drawing (mark,
 * unmark), fit, 100 %, the first view (initial: the questions legible),
 * fly(id) and the pointer: drag, wheel, pinch, click. Uses 1-data.js,
 * 2-pieces.js; go() and idOf() from 4-panel.js. */
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
  var overview = false, printing = false;
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
    if (seen.length <= LIMIT || printing) {
      materialise(seen);
      recut(regionOf(0.25), regionOf(CUT));
      if (nLive > MAXLIVE && !printing) { seen.forEach(function (i) { keep[i] = 1; }); evict(keep); }
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

