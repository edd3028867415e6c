cmake_minimum_required(VERSION 3.18)
# ctest script: `argmap eval --format json` on every bundled map, grounded
# and preferred, must be valid against docs/eval.schema.json (ajv, from
# tests/node, which .ci/deps installs).
file(GLOB_RECURSE maps "${SRC}/maps/*.xml")
foreach(sem grounded preferred)
  execute_process(COMMAND ${CLI} eval -q --format json --semantics ${sem} ${maps}
                  RESULT_VARIABLE rc OUTPUT_FILE ${OUT}/eval-${sem}.json ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "argmap eval --semantics ${sem} failed (exit ${rc}): ${err}")
  endif()
endforeach()
execute_process(COMMAND ${NODE} ${SRC}/tests/node/validate-json.js ${SRC}/docs/eval.schema.json
                        ${OUT}/eval-grounded.json ${OUT}/eval-preferred.json
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "eval JSON does not match docs/eval.schema.json:\n${err}")
endif()
