cmake_minimum_required(VERSION 3.18)
# ctest script: the benchmark's generator (bench/gen_map.c) writes maps that
# argmap check passes with no error and no warning (bench/README.md promises
# it; the timings would otherwise include diagnostics nobody asked for), at
# several sizes and seeds.
foreach(size_seed 2:1 10:2 100:3 1000:1 1000:7)
  string(REPLACE ":" ";" ss "${size_seed}")
  list(GET ss 0 n)
  list(GET ss 1 seed)
  set(map "${BIN}/gen_map_${n}_${seed}.xml")
  execute_process(COMMAND ${GEN} ${n} ${seed} OUTPUT_FILE "${map}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gen_map ${n} ${seed} failed (exit ${rc})")
  endif()
  execute_process(COMMAND ${CLI} check --werror -q "${map}" RESULT_VARIABLE rc
                  ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gen_map ${n} ${seed}: argmap check --werror failed (exit ${rc}):\n${err}")
  endif()
  file(REMOVE "${map}")
endforeach()
