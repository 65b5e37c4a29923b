# cmake -DBUILD_DIR=<build> -DPREFIX=<fresh prefix> -P InstallSmokeTest.cmake
# Installs the build to PREFIX, runs the installed adcov on the installed Kyiv
# scenario with PREFIX as working directory and no ADCOV_DATA_DIR, and fails
# on a non-zero exit, a missing map, or a "file ... not found" note (the text
# check_render_inputs() prints in src/report/heatmap_png.cpp).

file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX}
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install to ${PREFIX} failed (${rc})")
endif()

unset(ENV{ADCOV_DATA_DIR})
set(out_dir ${PREFIX}/run-kyiv)
execute_process(COMMAND ${PREFIX}/bin/adcov run ${PREFIX}/share/adcov/scenarios/kyiv-night-raid.yaml
                        -o ${out_dir} --trials 20
                WORKING_DIRECTORY ${PREFIX}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "installed adcov run exited ${rc}")
endif()
if("${out}${err}" MATCHES "file [^\n]* not found")
  message(FATAL_ERROR "the installed adcov did not find its map data (see the note above)")
endif()
if(NOT EXISTS ${out_dir}/coverage_500m.png)
  message(FATAL_ERROR "no ${out_dir}/coverage_500m.png")
endif()
