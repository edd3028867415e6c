# argmap_target_warnings(<target>): the project's warning set, PRIVATE to the
# target; -Werror only when ARGMAP_WERROR is ON (CI turns it on).
function(argmap_target_warnings tgt)
  target_compile_options(${tgt} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
    -Wold-style-definition -Wwrite-strings -Wformat=2 -Wundef -Wvla
    -Wcast-align -Wnull-dereference -Wdouble-promotion -Wpointer-arith)
  if(ARGMAP_WERROR)
    target_compile_options(${tgt} PRIVATE -Werror)
  endif()
endfunction()
