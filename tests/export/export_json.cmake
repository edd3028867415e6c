cmake_minimum_required(VERSION 3.18)
# ctest script: `argmap export -T json` of every bundled map (and of a
# view) validates against docs/argmap-json.schema.json with ajv, and a
# second export is byte-identical to the first.
file(GLOB_RECURSE maps "${SRC}/maps/*.xml")
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
foreach(run a b)
  execute_process(COMMAND ${CLI} export -q -T json -d "${OUT}/${run}" ${maps}
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "argmap export -T json failed (exit ${rc}):\n${err}")
  endif()
endforeach()
execute_process(COMMAND ${CLI} export -q -T json --focus street-dangerous --depth 1 --hide evidence
                        --focus paint-fails
                        -o "${OUT}/view.json" "${SRC}/maps/example/cycle-lane.xml"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "export of a view failed (exit ${rc}):\n${err}")
endif()
file(GLOB outs "${OUT}/a/*.json")
list(LENGTH maps n_maps)
list(LENGTH outs n_outs)
if(NOT n_maps EQUAL n_outs)
  message(FATAL_ERROR "${n_maps} maps but ${n_outs} exports")
endif()
foreach(f ${outs})
  get_filename_component(name "${f}" NAME)
  file(SHA256 "${f}" h1)
  file(SHA256 "${OUT}/b/${name}" h2)
  if(NOT h1 STREQUAL h2)
    message(FATAL_ERROR "${name}: two exports of the same map differ")
  endif()
endforeach()
execute_process(COMMAND ${NODE} "${SRC}/tests/export/json_schema.js" --self-test
                        "${SRC}/docs/argmap-json.schema.json" ${outs} "${OUT}/view.json"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "JSON exports do not validate against the schema (exit ${rc})")
endif()
