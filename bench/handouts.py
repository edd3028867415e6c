#!/usr/bin/python3
"""Measures handout PDFs (issue 14): pages, map pages, the smallest body
text and the smallest text of any kind on the map pages, and how full each
map page is (the ink's bounding box against the content area).

usage: bench/handouts.py [--png DIR] PDF MAP.xml [PDF MAP.xml]...
Sizes come from pdftotext -bbox-layout: a word's box is DejaVu Sans's
ascent + descent, 1.164 em, so size = height / 1.164. Body words are lower-case
words of five letters or more (less the small labels' words) from the map's claim, question and quote texts.
Fill comes from pdftoppm -r 20 -gray: the share of the area between the
header and the footer that the drawing's bounding box covers.
"""
import re, subprocess, sys, xml.etree.ElementTree as ET

EM = 1.164
LABEL_WORDS = {'shown', 'evidence', 'support', 'supports', 'rebuttal', 'rebuts', 'undercut',
               'undercuts', 'answer', 'answers', 'question', 'claim', 'claims', 'relations',
               'premises', 'linked', 'editor', 'here', 'more', 'quote', 'quoted', 'holds',
               'sources', 'source', 'other', 'their', 'where', 'continued', 'these', 'which'}

def body_words(mapfile):
    strip = '.,;:!?()"\u201c\u201d\u2018\u2019'
    words, names = set(), set()
    import glob, os
    roots = [ET.parse(f).getroot() for f in glob.glob(os.path.join(os.path.dirname(mapfile) or '.', '*.xml'))]
    root = ET.parse(mapfile).getroot()
    for el in root.iter():
        tag = el.tag.split('}')[-1]
        if tag in ('text', 'quote') and el.text:
            for w in el.text.split():
                w = w.strip(strip)
                if len(w) >= 5 and w.isalpha() and w.islower():
                    words.add(w)
    # names (actors, sources) appear in the small source lines
    for r in roots:
        for el in r.iter():
            tag = el.tag.split('}')[-1]
            if tag == 'actor':
                for v in el.attrib.values():
                    names.update(w.strip(strip) for w in v.split())
            elif tag not in ('text', 'quote') and el.text:
                names.update(w.strip(strip) for w in el.text.split())
    return words - names - LABEL_WORDS


def run(*cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout

def measure(pdf, mapfile):
    info = run('pdfinfo', pdf)
    pages = int(re.search(r'Pages:\s+(\d+)', info).group(1))
    words = body_words(mapfile)
    notes = pages + 1
    for p in range(1, pages + 1):
        t = run('pdftotext', '-f', str(p), '-l', str(p), pdf, '-')
        if re.search(r'^Notes$', t, re.M) or re.search(r'^Sources$', t, re.M):
            notes = p
            break
    xml = run('pdftotext', '-f', '1', '-l', str(max(1, notes - 1)), '-bbox-layout', pdf, '-')
    body = anyw = 1e9
    fills = []
    for page in re.findall(r'<page .*?</page>', xml, re.S):
        ph = float(re.search(r'height="([\d.]+)"', page).group(1))
        ys = []
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page):
            y0, y1, w = float(m.group(2)), float(m.group(4)), m.group(5)
            h = (y1 - y0) / EM
            # the header (title, page number) and footer are not the map
            if y0 < 34 or y1 > ph - 34:
                continue
            anyw = min(anyw, h)
            if w.strip('.,;:!?()"\u201c\u201d\u2018\u2019') in words:
                body = min(body, h)
    return pages, notes - 1, body, anyw

def fill(pdf, first, last):
    """Share of each map page's content area covered by ink rows x cols."""
    out = []
    for p in range(first, last + 1):
        ppm = subprocess.run(['pdftoppm', '-r', '20', '-gray', '-f', str(p), '-l', str(p), pdf],
                             check=True, capture_output=True).stdout
        m = re.match(rb'P5\s+(\d+)\s+(\d+)\s+(\d+)\s', ppm)
        w, h = int(m.group(1)), int(m.group(2))
        px = ppm[m.end():]
        # the content area: 12 mm margins, the header (20 pt) and footer (24 pt)
        pw, ph = (842, 595) if w > h else (595, 842)
        top, bot = int(h * 56 / ph), int(h * (ph - 60) / ph)
        left, right = int(w * 34 / pw), int(w * (pw - 34) / pw)
        ink_rows = [y for y in range(top, bot) if min(px[y * w + left:y * w + right]) < 200]
        ink_cols = [x for x in range(left, right) if min(px[y * w + x] for y in range(top, bot)) < 200]
        if not ink_rows:
            out.append(0.0)
            continue
        area = (ink_rows[-1] - ink_rows[0] + 1) * (ink_cols[-1] - ink_cols[0] + 1)
        out.append(area / ((bot - top) * (right - left)))
    return out

args = sys.argv[1:]
print('%-28s %5s %5s %7s %7s  %s' % ('pdf', 'pages', 'map', 'body pt', 'any pt', 'fill per map page'))
for i in range(0, len(args), 2):
    pdf, mp = args[i], args[i + 1]
    pages, mapp, body, anyw = measure(pdf, mp)
    f = fill(pdf, 1, mapp)
    print('%-28s %5d %5d %7.1f %7.1f  %s (mean %.2f)' % (pdf.split('/')[-1], pages, mapp, body, anyw,
          ' '.join('%.2f' % x for x in f), sum(f) / len(f) if f else 0))
