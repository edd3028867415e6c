cmake_minimum_required(VERSION 3.18)
# ctest script: argmap check --werror on every bundled map; with the
# article texts present (../shared/seeds), every quote must verify.
file(GLOB_RECURSE maps "${SRC}/maps/*.xml")
set(args check --werror)
if(EXISTS "${SRC}/../shared/seeds")
  list(APPEND args --sources "${SRC}/maps/example/texts:${SRC}/../shared/seeds")
  message(STATUS "verifying quotes against ${SRC}/../shared/seeds")
else()
  # a missing text is a warning (AM602), which --werror fails: the Ukraine
  # maps are checked without --sources, the example with its texts
  message(STATUS "article texts not found: quotes of the Ukraine maps are not verified")
  file(GLOB_RECURSE example "${SRC}/maps/example/*.xml")
  list(REMOVE_ITEM maps ${example})
  execute_process(COMMAND ${CLI} check --werror --sources "${SRC}/maps/example/texts" ${example}
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "argmap check failed on the example (exit ${rc}):\n${err}")
  endif()
endif()
execute_process(COMMAND ${CLI} ${args} ${maps} RESULT_VARIABLE rc
                OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "argmap check failed on the bundled maps (exit ${rc})")
endif()
