# ctest script: runs a planted bug and asserts that the suite's machinery
# catches it for the right reason.
#   cmake -DCMD=<cmd@@args...> -DEXPECT=<regex> [-DFAIL_REGEX=<re@@re...>]
#         [-DEXIT=<status>] [-DENV=<VAR=value@@...>] -P expect_report.cmake
# Lists are separated by "@@" (a ';' would split the ctest command line).
# Passes when the output matches EXPECT (the named sanitizer or valgrind
# report) and, with FAIL_REGEX, one of the suite's FAIL_REGULAR_EXPRESSION
# patterns (so the same output inside any other test would turn that test
# red); with EXIT, when the exit status is EXIT (valgrind --error-exitcode).
foreach(v CMD FAIL_REGEX ENV)
  string(REPLACE "@@" ";" ${v} "${${v}}")
endforeach()
foreach(kv ${ENV})
  string(REGEX MATCH "^[^=]+" k "${kv}")
  string(LENGTH "${k}" klen)
  math(EXPR klen "${klen} + 1")
  string(SUBSTRING "${kv}" ${klen} -1 v)
  set(ENV{${k}} "${v}")
endforeach()
execute_process(COMMAND ${CMD} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                TIMEOUT 120)
set(all "${out}${err}")
if(NOT all MATCHES "${EXPECT}")
  message(FATAL_ERROR "planted bug NOT reported (expected /${EXPECT}/), exit ${rc}:\n${all}")
endif()
if(DEFINED EXIT AND NOT rc STREQUAL "${EXIT}")
  message(FATAL_ERROR "exit status ${rc}, expected ${EXIT}:\n${all}")
endif()
if(FAIL_REGEX)
  set(caught 0)
  foreach(re ${FAIL_REGEX})
    if(all MATCHES "${re}")
      set(caught 1)
      message(STATUS "caught by the suite's pattern /${re}/")
    endif()
  endforeach()
  if(NOT caught)
    message(FATAL_ERROR "the report does not match the suite's FAIL_REGULAR_EXPRESSION:\n${all}")
  endif()
endif()
message(STATUS "planted bug reported as expected (exit ${rc})")
