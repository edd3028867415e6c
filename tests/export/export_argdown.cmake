cmake_minimum_required(VERSION 3.18)
# ctest script: `argmap export -T argdown` of every bundled map, of the
# exporters' small map and of views, read by the real Argdown CLI
# (tests/export/argdown_check.js): parsed without errors, with as many
# statements, arguments and relations of each type as the map (counted
# from the argmap JSON export of the same map and view).
file(GLOB_RECURSE maps "${SRC}/maps/*.xml")
list(APPEND maps "${SRC}/tests/export/data/small.xml")
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
set(names "")
# export(<name> <map> [view options...])
function(export name map)
  foreach(fmt json argdown)
    execute_process(COMMAND ${CLI} export -q -T ${fmt} -o "${OUT}/${name}.${fmt}" ${ARGN} "${map}"
                    RESULT_VARIABLE rc ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "argmap export -T ${fmt} ${ARGN} ${map} failed (exit ${rc}):\n${err}")
    endif()
  endforeach()
endfunction()
foreach(m ${maps})
  get_filename_component(stem "${m}" NAME_WE)
  export(${stem} "${m}")
  list(APPEND names ${stem})
endforeach()
set(cl "${SRC}/maps/example/cycle-lane.xml")
set(db "${SRC}/maps/ukraine-2025/debate.xml")
export(view-focus "${cl}" --focus street-dangerous --depth 1)
export(view-noev "${db}" --hide evidence)
export(view-tag "${cl}" --tag safety)
list(APPEND names view-focus view-noev view-tag)
execute_process(COMMAND ${NODE} "${SRC}/tests/export/argdown_check.js" --self-test "${ARGDOWN}"
                        "${OUT}" ${names}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the Argdown CLI does not read the exports as the maps say (exit ${rc})")
endif()
