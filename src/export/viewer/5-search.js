/* viewer/5-search.js - search (runSearch over hay; matches marked over
 * the drawing and listed, Enter flies to the next), the status toggle and
 * its badges, the list of questions, and the actor, tag and evidence
 * filters (dimSet, the am-hide-ev class). Uses 1-data.js to 4-panel.js. */
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

