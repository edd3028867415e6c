cmake_minimum_required(VERSION 3.18)
# ctest script: `argmap check --format json` (one array) and `--format
# json-summary` (one object: the array and the counts) of the bundled maps
# and of a map with every kind of mistake validate against
# docs/check.schema.json (ajv, from tests/node), and the summary's counts
# are those of the text summary line.
file(GLOB_RECURSE maps "${SRC}/maps/*.xml")
set(bad ${SRC}/tests/data/many-mistakes.xml)
foreach(fmt json json-summary)
  execute_process(COMMAND ${CLI} check --format ${fmt} ${maps}
                  RESULT_VARIABLE rc OUTPUT_FILE ${OUT}/check-maps.${fmt}.json ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "argmap check --format ${fmt} of the maps failed (exit ${rc}): ${err}")
  endif()
  execute_process(COMMAND ${CLI} check --format ${fmt} ${bad}
                  RESULT_VARIABLE rc OUTPUT_FILE ${OUT}/check-bad.${fmt}.json ERROR_VARIABLE err)
  if(NOT rc EQUAL 1)
    message(FATAL_ERROR "argmap check --format ${fmt} of many-mistakes.xml: exit ${rc}, not 1: ${err}")
  endif()
endforeach()
execute_process(COMMAND ${CLI} check ${bad} RESULT_VARIABLE rc ERROR_VARIABLE text)
string(REGEX MATCH "checked 1 map: ([0-9]+) errors?, ([0-9]+) warnings?" line "${text}")
if(NOT line)
  message(FATAL_ERROR "no summary line in:\n${text}")
endif()
set(want "\"summary\": {\"files\": 1, \"errors\": ${CMAKE_MATCH_1}, \"warnings\": ${CMAKE_MATCH_2}, ")
file(READ ${OUT}/check-bad.json-summary.json summary)
string(FIND "${summary}" "${want}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the summary object does not say ${want}:\n${summary}")
endif()
file(READ ${OUT}/check-bad.json.json array)
string(SUBSTRING "${array}" 0 1 first)
if(NOT first STREQUAL "[")
  message(FATAL_ERROR "--format json is no longer one array")
endif()
execute_process(COMMAND ${NODE} ${SRC}/tests/node/validate-json.js ${SRC}/docs/check.schema.json
                        ${OUT}/check-maps.json.json ${OUT}/check-maps.json-summary.json
                        ${OUT}/check-bad.json.json ${OUT}/check-bad.json-summary.json
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "check JSON does not match docs/check.schema.json:\n${err}")
endif()
