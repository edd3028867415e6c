#!/usr/bin/env python3
"""Writes "many of one thing" seeds into the fuzz corpus (security.md §2).

Each seed is a small map (a few KB) that repeats one thing: imports of one
file, attributes on one element, namespace declarations, children of one
element, distinct tags, ids (duplicated and dangling), quotes, stray text
starting with a character reference, repeated single children, and the XML
declaration written the ways the spec allows. libFuzzer mutates them, so
the counts that were super-linear (see tests/stress, "many of one thing")
get explored around the limits (256 attributes, 256 children). The files
are named by the SHA-1 of their content, like libFuzzer's own entries;
running the script again writes the same files.

    tests/fuzz/gen_many.py [CORPUS_DIR]    # default: tests/fuzz/corpus
"""
import hashlib
import os
import sys

OPEN = '<argmap xmlns="urn:argmap:1" version="1">\n'
ACTOR = '<actor id="a" kind="person" name="Ann"/>\n'
CLOSE = '</argmap>\n'


def claim(i, extra='', body='<text>C.</text>'):
    return '<claim id="c%d" by="a"%s>%s</claim>\n' % (i, extra, body)


def seeds():
    yield OPEN + '<import href="lib.xml"/>\n' * 120 + ACTOR + CLOSE
    yield OPEN + ACTOR + claim(0, ''.join(' x%d="1"' % i for i in range(300))) + CLOSE
    yield OPEN + ACTOR + claim(0, ''.join(' x%d="1"' % i for i in range(250))) + CLOSE
    yield (OPEN + ACTOR +
           claim(0, ''.join(" xmlns:p%d='u:%d' p%d:x='1'" % (i, i, i) for i in range(130))) +
           CLOSE)
    yield (OPEN + '<meta><title>T</title>' + '<editor>E</editor>' * 270 + '</meta>\n' +
           ACTOR + CLOSE)
    yield OPEN + ACTOR + claim(0, body='<text>C.</text>' + '<note>N</note>' * 260) + CLOSE
    yield (OPEN + ACTOR + ''.join(claim(i) for i in range(40)) + '<text>T</text>\n' * 60 +
           CLOSE)
    yield (OPEN + ACTOR + claim(0) +
           ''.join('&#65;Z' + claim(i + 1) for i in range(60)) + CLOSE)
    yield (OPEN + ACTOR +
           ''.join(claim(i, ' tags="%s"' % ' '.join('t%d_%d' % (i, j) for j in range(12)))
                   for i in range(25)) + CLOSE)
    yield OPEN + ACTOR + claim(0) * 80 + CLOSE
    yield (OPEN + ACTOR + claim(0) +
           ''.join('<support from="nosuch%d" to="c0"/>\n' % i for i in range(120)) + CLOSE)
    yield (OPEN + '<source id="s" kind="speech"><title>S</title></source>\n' + ACTOR +
           claim(0) +
           ''.join('<evidence id="e%d" source="s"><quote>Quote %d.</quote></evidence>\n'
                   '<support from="e%d" to="c0"/>\n' % (i, i, i) for i in range(50)) +
           CLOSE)
    for decl in ('<?xml version="1.0" encoding\n="ISO-8859-1"?>',
                 "<?xml version='1.0' encoding = 'UTF-8' standalone='yes' ?>",
                 '<?xml version="1.0" encoding\r\n=\r\n"UTF-7"?>'):
        yield decl + '\n' + OPEN + ACTOR + claim(0, body='<text>+ADw-x+AD4- Ren\u00e9</text>') + CLOSE


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, 'corpus')
    for s in seeds():
        data = s.encode('utf-8')
        name = os.path.join(out, hashlib.sha1(data).hexdigest())
        with open(name, 'wb') as f:
            f.write(data)
        print('%6d %s' % (len(data), name))


if __name__ == '__main__':
    main()
