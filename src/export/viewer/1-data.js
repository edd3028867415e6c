/* argmap web view (argmap render -T html): pan and zoom, search, a details
 * panel, filters and links to one claim, over the inline SVG and the JSON
 * model in the same page. No library, no network, no eval, no inline
 * handlers; map text is only ever set as textContent. DOM contract:
 * docs/rendering.md, "The web view".
 *
 * The viewer is the files viewer/1-data.js ... 6-keys.js, joined in that
 * order into one script at build time (src/CMakeLists.txt): one function,
 * whose names they share; each file's head says what it defines and uses.
 *
 * viewer/1-data.js - opens the viewer's function; reads the page's data
 * (#am-model, #am-status, #am-drawing, #am-diff (only in a diff's page):
 * JSON; #am-pieces: bytes; each deflated in base64 by export/html_pack.c,
 * inflated with the browser's DecompressionStream, so nothing is
 * evaluated) and then runs main(model, ST, D, piecesBuf, DF), which the
 * other files make up. Defines the page's
 * elements (view, stage, svg, marks, panel, search ...), the model's
 * lookups (node, source, actor, relByKey, relsTo, relsFrom), the state the
 * others share (matches, current, matchSet, dimSet, selected, statusOn,
 * el), actorName, nodeDomId, relPartIds, conclusion. */
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
  Promise.resolve().then(function () {
    return Promise.all([read('am-model'), read('am-status'), read('am-drawing'),
      read('am-pieces', true), read('am-diff')]);
  }).then(function (t) { main(t[0], t[1] || {}, t[2], t[3], t[4]); }, function (e) {
    /* a browser without DecompressionStream (before Chromium 80, Firefox
     * 113, Safari 16.4) says so instead of showing an empty page */
    var p = doc.createElement('p');
    p.className = 'am-unread';
    p.textContent = 'This browser cannot read the map\u2019s data (' + e + '); a newer one can.';
    $('am-view').appendChild(p);
    console.error(e);
  });
function main(model, ST, D, piecesBuf, DF) {
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

