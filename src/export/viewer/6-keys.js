/* viewer/6-keys.js - the keyboard (zoom and pan keys, / for search, q, s,
 * Escape; Enter on a node opens it; Tab through every node in drawing
 * order, tabTo, and into the drawing from the tool bar when the overview
 * stands in for it), focus brought into view, printing the whole
 * drawing, and the start: the drawing put
 * in (whole when small), the first view, the fragment's selection, and
 * window.amReady once the first fitted frame is painted. Closes main()
 * and the viewer's function (opened in 1-data.js). */
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

  /* Zoomed far out the overview stands in for the drawing, whose nodes
   * cannot take the focus then (the SVG is hidden): Tab from the tool
   * bar's last control flies to the first node, which brings the drawing
   * back, and focuses it, as Tab does between nodes (tabTo). */
  var bar = doc.querySelector('.am-bar');
  if (bar) bar.addEventListener('keydown', function (ev) {
    if (ev.key !== 'Tab' || ev.shiftKey || !overview || !D || !tabOrder.length) return;
    var c = Array.prototype.filter.call(bar.querySelectorAll('input, select, button'),
      function (e) { return e.offsetParent !== null && !e.disabled; });
    if (ev.target !== c[c.length - 1]) return;
    var j = tabOrder[0];
    if (!live[j]) materialise([j]);
    if (!live[j]) return;
    ev.preventDefault();
    fly(idByDom[D.id[j]]);
    update();
    live[j].focus();
  });
  /* print: the whole drawing, not only the pieces near the view (every
   * piece into the DOM, long dashed edges whole; update() evicts none
   * while printing, and takes the DOM back to the view afterwards) */
  var EVERYWHERE = { x0: -Infinity, x1: Infinity, y0: -Infinity, y1: Infinity };
  window.addEventListener('beforeprint', function () {
    if (!D) return;
    printing = true;
    materialise(D.id.map(function (x, i) { return i; }));
    recut(EVERYWHERE, EVERYWHERE);
  });
  window.addEventListener('afterprint', function () {
    if (!D || !printing) return;
    printing = false;
    /* the dashed edges are cut for the view again: no region holds it */
    dashOf.forEach(function (x) { x.region = { x0: 1, x1: 0, y0: 1, y1: 0 }; });
    update();
  });
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
