/* viewer/4-panel.js - selection and the details panel: go(id) sets the
 * URL fragment, which selects (select/unselect, so back and forward follow
 * it); fill(n) writes the panel (text, holders, sources, quotes with their
 * passage links, notes, relations as links; in a diff's page, what
 * changed and in which version, from DF), all map text as textContent.
 * Uses 1-data.js to 3-stage.js. */
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
  /* a diff's page: what changed, said in words (the drawing marks it too) */
  var CHANGE = {
    added: ['+', 'ADDED', 'only in the new version'],
    removed: ['\u2212', 'REMOVED', 'only in the old version'],
    changed: ['~', 'CHANGED', 'in both versions; what was before:'],
    renamed: ['~', 'RENAMED', 'the same item under a new id']
  };
  function versionName(c) {
    var v = c === 'added' ? DF.new : c === 'removed' ? DF.old : null;
    return v ? ' (' + v + ')' : '';
  }
  function changeBlock(x) {
    var c = x.change && CHANGE[x.change];
    panel.appendChild(mk('h2', 'Change'));
    if (c) {
      var p = mk('p', null, 'am-change-line');
      p.appendChild(mk('span', c[0] + ' ' + c[1], 'am-change am-change-' + x.change));
      p.appendChild(mk('span', ' ' + c[2] + versionName(x.change)));
      panel.appendChild(p);
    }
    if (x.detail) x.detail.split('\n').forEach(function (l) { panel.appendChild(mk('p', l, 'am-why')); });
    if (x.label_was)
      panel.appendChild(mk('p', 'Status ' + x.label_was + ' \u2192 ' + x.label_now +
        (x.label_why ? ': ' + x.label_why : ''), 'am-why'));
  }
  function relItem(r, other, verb) {
    var li = mk('li'), x = DF && DF.relations && DF.relations[r.key];
    if (x && x.change && CHANGE[x.change])
      li.appendChild(mk('span', CHANGE[x.change][1].toLowerCase() + ': ', 'am-change-' + x.change));
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
    if (n.title) panel.appendChild(mk('p', n.title, 'am-title'));
    if (n.kind === 'evidence') panel.appendChild(quoteBlock(n));
    else panel.appendChild(mk('p', n.text, 'am-text'));
    if (DF && DF.nodes && DF.nodes[n.id]) changeBlock(DF.nodes[n.id]);
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

