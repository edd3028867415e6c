cmake_minimum_required(VERSION 3.18)
# ctest script: `argmap stats --format json` on every bundled map must be
# valid against docs/stats.schema.json, and `argmap diff --format json` of
# two bundled maps (which differ in everything), of a map with itself and
# of tests/data/diff (one change of every kind)
# against docs/diff.schema.json (ajv, from tests/node, which .ci/deps
# installs).
file(GLOB_RECURSE maps "${SRC}/maps/*.xml")
execute_process(COMMAND ${CLI} stats -q --format json ${maps}
                RESULT_VARIABLE rc OUTPUT_FILE ${OUT}/stats.json ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "argmap stats failed (exit ${rc}): ${err}")
endif()
set(a ${SRC}/maps/example/cycle-lane.xml)
set(b ${SRC}/maps/ukraine-2025/carnegie.xml)
execute_process(COMMAND ${CLI} diff -q --format json ${a} ${b}
                RESULT_VARIABLE rc1 OUTPUT_FILE ${OUT}/diff-other.json ERROR_VARIABLE err1)
execute_process(COMMAND ${CLI} diff -q --format json ${b} ${b}
                RESULT_VARIABLE rc2 OUTPUT_FILE ${OUT}/diff-same.json ERROR_VARIABLE err2)
execute_process(COMMAND ${CLI} diff -q --format json ${SRC}/tests/data/diff/old.xml
                        ${SRC}/tests/data/diff/new.xml
                RESULT_VARIABLE rc3 OUTPUT_FILE ${OUT}/diff-pair.json ERROR_VARIABLE err3)
if(NOT rc1 EQUAL 0 OR NOT rc2 EQUAL 0 OR NOT rc3 EQUAL 0)
  message(FATAL_ERROR "argmap diff failed (exit ${rc1}, ${rc2}, ${rc3}): ${err1}${err2}${err3}")
endif()
file(READ ${OUT}/diff-pair.json pair)
foreach(want "\"attrs\"" "\"old_id\": \"cheap\"" "\"new\": \"OUT\"")
  string(FIND "${pair}" "${want}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "diff of tests/data/diff lacks ${want}:\n${pair}")
  endif()
endforeach()
execute_process(COMMAND ${NODE} ${SRC}/tests/node/validate-json.js ${SRC}/docs/stats.schema.json
                        ${OUT}/stats.json RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "stats JSON does not match docs/stats.schema.json:\n${err}")
endif()
execute_process(COMMAND ${NODE} ${SRC}/tests/node/validate-json.js ${SRC}/docs/diff.schema.json
                        ${OUT}/diff-other.json ${OUT}/diff-same.json ${OUT}/diff-pair.json
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "diff JSON does not match docs/diff.schema.json:\n${err}")
endif()
