# ctest script (tests/install/CMakeLists.txt): the installed package works
# for a consumer who knows nothing but the prefix.
#   cmake -DBUILD=<build dir> -DSRC=<source dir> -DWORK=<scratch dir>
#         -DCC=<compiler> [-DSANITIZE=address,undefined] -P install_consumer.cmake
# Only the prefix's own lib folder is handed to the consumers (as their
# rpath); never Graphviz's plugin folder, which libargmap-render.so must
# find by itself.
cmake_minimum_required(VERSION 3.18)

set(prefix ${WORK}/prefix)
set(map ${SRC}/maps/example/cycle-lane.xml)
set(bad ${SRC}/tests/data/many-mistakes.xml)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
unset(ENV{ARGMAP_EXEC_PATH})
unset(ENV{LD_LIBRARY_PATH})

function(fail)
  string(JOIN "" msg ${ARGN})
  message(FATAL_ERROR "install test: ${msg}")
endfunction()

# run(<name> <expected exit> COMMAND ...): runs it; out_<name> is its output.
function(run name want)
  cmake_parse_arguments(R "" "" "COMMAND" ${ARGN})
  execute_process(COMMAND ${R_COMMAND} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err TIMEOUT 120)
  if(NOT rc STREQUAL "${want}")
    string(JOIN " " cmd ${R_COMMAND})
    fail("${name}: exit ${rc}, expected ${want}\n  ${cmd}\n${out}${err}")
  endif()
  set(out_${name} "${out}${err}" PARENT_SCOPE)
endfunction()

function(expect_svg name file)
  if(NOT EXISTS ${file})
    fail("${name}: ${file} was not written")
  endif()
  file(READ ${file} head LIMIT 4096)
  if(NOT head MATCHES "^<\\?xml" OR NOT head MATCHES "<svg")
    fail("${name}: ${file} is not an SVG document:\n${head}")
  endif()
endfunction()

# ------------------------------------------------------------- install
run(install 0 COMMAND ${CMAKE_COMMAND} --install ${BUILD} --prefix ${prefix})
foreach(f bin/argmap libexec/argmap/argmap-render include/argmap/argmap.h
          include/argmap/version.h lib/libargmap.so lib/libargmap.a lib/libargmap-render.so
          lib/libargmap-render.a lib/pkgconfig/argmap.pc lib/pkgconfig/argmap-render.pc
          lib/cmake/argmap/argmapConfig.cmake lib/cmake/argmap/argmapConfigVersion.cmake
          share/man/man1/argmap.1 share/doc/argmap/diagnostics.md
          share/doc/argmap/format.md share/doc/argmap/argmap.rng)
  if(NOT EXISTS ${prefix}/${f})
    fail("cmake --install did not install ${f}")
  endif()
endforeach()

# The libraries export argmap_* and nothing else.
find_program(NM nm)
if(NM)
  foreach(lib libargmap.so libargmap-render.so)
    run(nm 0 COMMAND ${NM} -D --defined-only ${prefix}/lib/${lib})
    string(REGEX MATCHALL "\n[0-9a-f]+ [A-Za-z] [^\n]+" syms "\n${out_nm}")
    foreach(s ${syms})
      string(REGEX REPLACE "^\n[0-9a-f]+ [A-Za-z] " "" s "${s}")
      # (__start_/__stop_: section bounds the linker adds for instrumentation)
      if(NOT s MATCHES "^argmap_" AND NOT s MATCHES "^__(start|stop)_")
        fail("${lib} exports ${s}, which is not argmap_*")
      endif()
    endforeach()
  endforeach()
endif()

# The README quotes the example that is built below, exactly.
file(READ ${SRC}/docs/example.c example)
file(READ ${SRC}/README.md readme)
string(FIND "${readme}" "```c\n${example}```" at)
if(at EQUAL -1)
  fail("README.md does not quote docs/example.c exactly (in a ```c block)")
endif()

set(san_flags "")
if(SANITIZE)
  set(san_flags -fsanitize=${SANITIZE} -fno-sanitize-recover=all)
endif()

# ----------------------------------------------------- pkg-config consumer
set(ENV{PKG_CONFIG_PATH} ${prefix}/lib/pkgconfig)
run(pc 0 COMMAND pkg-config --cflags --libs argmap-render)
string(STRIP "${out_pc}" pc_flags)
separate_arguments(pc_flags UNIX_COMMAND "${pc_flags}")
if(pc_flags MATCHES "rpath|-L[^;]*graphviz")
  fail("pkg-config --libs argmap-render names Graphviz's plugin folder: ${pc_flags}")
endif()
run(pc_version 0 COMMAND pkg-config --modversion argmap)
run(cc 0 COMMAND ${CC} -std=c11 -Wall -Wextra -Werror ${san_flags} ${SRC}/docs/example.c
                 -o ${WORK}/example-pc ${pc_flags} -Wl,-rpath,${prefix}/lib)
run(example_pc 0 COMMAND ${WORK}/example-pc ${map} ${WORK}/pc.svg)
if(NOT out_example_pc MATCHES "argmap [0-9.]+: 0 errors")
  fail("pkg-config example: unexpected output:\n${out_example_pc}")
endif()
expect_svg(example_pc ${WORK}/pc.svg)
# A map with errors: counted, and not drawn.
run(example_pc_bad 1 COMMAND ${WORK}/example-pc ${bad} ${WORK}/bad.svg)
if(NOT out_example_pc_bad MATCHES ": [1-9][0-9]* errors")
  fail("pkg-config example on a bad map:\n${out_example_pc_bad}")
endif()
if(EXISTS ${WORK}/bad.svg)
  fail("the example drew a map with errors")
endif()

# -------------------------------------------------- find_package consumer
string(REPLACE ";" " " san_flags_str "${san_flags}")
run(configure 0 COMMAND ${CMAKE_COMMAND} -S ${SRC}/tests/install/consumer -B ${WORK}/consumer
                        -DCMAKE_PREFIX_PATH=${prefix} -DEXAMPLE=${SRC}/docs/example.c
                        -DCMAKE_C_COMPILER=${CC} "-DCMAKE_C_FLAGS=${san_flags_str}"
                        "-DCMAKE_EXE_LINKER_FLAGS=${san_flags_str}")
run(build 0 COMMAND ${CMAKE_COMMAND} --build ${WORK}/consumer)
run(example_cmake 0 COMMAND ${WORK}/consumer/example ${map} ${WORK}/cmake.svg)
if(NOT out_example_cmake MATCHES "argmap [0-9.]+: 0 errors")
  fail("find_package example: unexpected output:\n${out_example_cmake}")
endif()
expect_svg(example_cmake ${WORK}/cmake.svg)

# Neither consumer was told where Graphviz's plugins are.
find_program(READELF readelf)
if(READELF)
  foreach(exe ${WORK}/example-pc ${WORK}/consumer/example)
    run(readelf 0 COMMAND ${READELF} -d ${exe})
    if(out_readelf MATCHES "graphviz")
      fail("${exe} has Graphviz's plugin folder in its rpath:\n${out_readelf}")
    endif()
  endforeach()
endif()

# --------------------------------------------------------- man and programs
set(ENV{MANPAGER} cat)
set(ENV{MANWIDTH} 80)
run(man 0 COMMAND man -M ${prefix}/share/man argmap)
if(NOT out_man MATCHES "argmap check" OR NOT out_man MATCHES "share/doc/argmap/diagnostics.md")
  fail("man -M ${prefix}/share/man argmap:\n${out_man}")
endif()

run(cli_check 0 COMMAND ${prefix}/bin/argmap check ${map})
if(NOT out_cli_check MATCHES "checked 1 map: 0 errors")
  fail("installed argmap check:\n${out_cli_check}")
endif()
run(cli_check_bad 1 COMMAND ${prefix}/bin/argmap check -q ${bad})
run(cli_render 0 COMMAND ${prefix}/bin/argmap render -q -o ${WORK}/cli.svg ${map})
expect_svg(cli_render ${WORK}/cli.svg)
run(cli_help 0 COMMAND ${prefix}/bin/argmap --help)
if(NOT out_cli_help MATCHES "render FILE" OR NOT out_cli_help MATCHES "share/doc/argmap/diagnostics.md")
  fail("installed argmap --help:\n${out_cli_help}")
endif()
run(cli_render_help 0 COMMAND ${prefix}/bin/argmap render --help)
# The installed `argmap render` runs the installed argmap-render, not the
# build tree's: without it, it says so (exit 3).
file(RENAME ${prefix}/libexec/argmap/argmap-render ${WORK}/argmap-render.moved)
run(cli_render_missing 3 COMMAND ${prefix}/bin/argmap render -o ${WORK}/none.svg ${map})
if(NOT out_cli_render_missing MATCHES "cannot find argmap-render")
  fail("argmap render without argmap-render:\n${out_cli_render_missing}")
endif()
file(RENAME ${WORK}/argmap-render.moved ${prefix}/libexec/argmap/argmap-render)
message(STATUS "install test: all good (${prefix})")
