# Script mode: cmake -DIN=<file>[|<file>...] -DOUT=<file.c> -DSYMBOL=<name> -P EmbedFile.cmake
# Writes a C file defining `const char SYMBOL[]` (NUL-terminated) and
# `const size_t SYMBOL_len` holding the bytes of IN (of its files, one after
# the other, when it names several, separated by '|'), so the binary carries
# them and never reads them at run time.
string(REPLACE "|" ";" files "${IN}")
set(hex "")
foreach(f IN LISTS files)
  file(READ "${f}" part HEX)
  string(APPEND hex "${part}")
endforeach()
string(LENGTH "${hex}" hexlen)
math(EXPR nbytes "${hexlen} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" body "${body}")
file(WRITE "${OUT}.tmp"
  "/* Generated from ${IN} by cmake/EmbedFile.cmake; do not edit. */\n"
  "#include <stddef.h>\n"
  "extern const char ${SYMBOL}[];\nextern const size_t ${SYMBOL}_len;\n"
  "const char ${SYMBOL}[] = {\n${body}0x00};\n"
  "const size_t ${SYMBOL}_len = ${nbytes};\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
