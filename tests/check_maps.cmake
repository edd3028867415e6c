# ctest script: argmap check --werror on every bundled map; with the
# article texts present (../shared/seeds), every quote must verify.
file(GLOB_RECURSE maps "${SRC}/maps/*.xml")
set(args check --werror)
if(EXISTS "${SRC}/../shared/seeds")
  list(APPEND args --sources "${SRC}/../shared/seeds")
  message(STATUS "verifying quotes against ${SRC}/../shared/seeds")
else()
  message(STATUS "article texts not found: quotes are not verified")
endif()
execute_process(COMMAND ${CLI} ${args} ${maps} RESULT_VARIABLE rc
                OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "argmap check failed on the bundled maps (exit ${rc})")
endif()
