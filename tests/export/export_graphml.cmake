cmake_minimum_required(VERSION 3.18)
# ctest script: `argmap export -T graphml` of every bundled map, of the
# exporters' small map and of views validates against the GraphML 1.0 XSD
# with libxml2 (xmllint --schema, offline: tests/export/graphml-xsd), and
# networkx reads it with the nodes and edges the map says
# (tests/export/graphml_check.py, against the argmap JSON export of the
# same map and view). A broken copy must fail the XSD, so that a schema
# that accepts anything cannot pass.
file(GLOB_RECURSE maps "${SRC}/maps/*.xml")
list(APPEND maps "${SRC}/tests/export/data/small.xml")
set(xsd "${SRC}/tests/export/graphml-xsd/graphml.xsd")
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
set(names "")
function(export name map)
  foreach(fmt json graphml)
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
export(view-focus "${cl}" --focus street-dangerous --depth 1)
export(view-noev "${cl}" --hide evidence)
export(view-tag "${cl}" --tag safety)
list(APPEND names view-focus view-noev view-tag)
set(files "")
foreach(n ${names})
  list(APPEND files "${OUT}/${n}.graphml")
endforeach()
execute_process(COMMAND ${XMLLINT} --nonet --noout --schema "${xsd}" ${files}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "GraphML exports do not validate against the XSD (exit ${rc}):\n${err}")
endif()
file(READ "${OUT}/small.graphml" small)
string(REGEX REPLACE "source=\"[^\"]*\"" "source=\"no-such-node\"" broken "${small}")
file(WRITE "${OUT}/broken.graphml.xml" "${broken}")
execute_process(COMMAND ${XMLLINT} --nonet --noout --schema "${xsd}" "${OUT}/broken.graphml.xml"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "an edge to no node passed the GraphML XSD: the check checks nothing")
endif()
execute_process(COMMAND ${PYTHON} "${SRC}/tests/export/graphml_check.py" "${OUT}" ${names}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "networkx does not read the GraphML exports as the maps say (exit ${rc})")
endif()
