cmake_minimum_required(VERSION 3.18)
# ctest script: through the command line, every bundled map goes
#   argmap export -T aif -> argmap import -f aif -> argmap export -T aif
# and the two AIF files are byte-identical; the imported map checks without
# errors. (Warnings are expected: the import is one file, so the unused
# sources and actors of a library it flattens, e.g. shared.xml, are AM304
# and AM305 warnings there.)
# (test_aif compares the models field by field.)
file(GLOB maps "${SRC}/maps/example/cycle-lane.xml" "${SRC}/maps/ukraine-2025/*.xml")
set(tmp "${BIN}/aif-round-trip")
file(REMOVE_RECURSE "${tmp}")
file(MAKE_DIRECTORY "${tmp}")
foreach(m ${maps})
  get_filename_component(stem "${m}" NAME_WE)
  if(stem STREQUAL "shared")
    continue() # a library: sources and actors only
  endif()
  execute_process(COMMAND ${CLI} export -q -T aif -o "${tmp}/${stem}.aif.json" "${m}"
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "argmap export -T aif ${m} failed (exit ${rc}):\n${err}")
  endif()
  execute_process(COMMAND ${CLI} import -f aif -o "${tmp}/${stem}.xml"
                          "${tmp}/${stem}.aif.json" RESULT_VARIABLE rc ERROR_VARIABLE err)
  string(REGEX MATCH "[^\n]* -> [^\n]*" counts "${err}")
  message(STATUS "${counts}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "argmap import of the AIF of ${m} failed (exit ${rc}):\n${err}")
  endif()
  execute_process(COMMAND ${CLI} export -q -T aif -o "${tmp}/${stem}.2.aif.json"
                          "${tmp}/${stem}.xml" RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "argmap export of the imported ${stem} failed (exit ${rc}):\n${err}")
  endif()
  file(SHA256 "${tmp}/${stem}.aif.json" a)
  file(SHA256 "${tmp}/${stem}.2.aif.json" b)
  if(NOT a STREQUAL b)
    message(FATAL_ERROR "${stem}: argmap -> AIF -> argmap -> AIF is not byte-stable")
  endif()
endforeach()
file(REMOVE_RECURSE "${tmp}")
