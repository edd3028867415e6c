cmake_minimum_required(VERSION 3.18)
# ctest script: the CLI is built on the public API only. Its compile lines
# have include/ (and the language server's entry point) on the path, never
# src/, and no file of src/cli/ includes a header of the library's insides.
file(GLOB files "${SRC}/src/cli/*.c" "${SRC}/src/cli/*.h")
foreach(f ${files})
  file(STRINGS "${f}" bad REGEX "#include \"(util|read|model|check|analyze|export|render)/")
  if(bad)
    message(FATAL_ERROR "${f} includes an internal header: ${bad}")
  endif()
endforeach()
foreach(t argmap_cli argmap_render_cli)
  file(READ "${BIN}/src/CMakeFiles/${t}.dir/flags.make" flags)
  string(REGEX MATCH "-I${SRC}/src( |\n)" inside "${flags}")
  if(inside)
    message(FATAL_ERROR "${t} has src/ on its include path:\n${flags}")
  endif()
endforeach()
