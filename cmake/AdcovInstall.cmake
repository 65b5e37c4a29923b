# `cmake --install build --prefix P` lays out:
#   P/bin/adcov
#   P/share/adcov/{boundaries,places,dem}   map data and the scenarios' DEMs
#   P/share/adcov/scenarios                 the scenarios, their DEM paths made valid there
#   P/share/adcov/SOURCES.md                where the data comes from, its licences
#   P/share/doc/adcov                       README.md and docs/
# The program looks for its map data at <exe dir>/../share/adcov
# (src/report/data_files.cpp, default_render_options), so bin/ and
# share/adcov/ are literal here, not GNUInstallDirs variables a packager
# could move apart.

install(TARGETS adcov RUNTIME DESTINATION bin)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/data/boundaries ${PROJECT_SOURCE_DIR}/data/places
        DESTINATION share/adcov)
# Only the DEMs the scenarios name (data/README.md: the Carpathian one is for tests).
install(FILES ${PROJECT_SOURCE_DIR}/data/dem/etopo5_ukraine_10E-50E_38N-60N.tif DESTINATION share/adcov/dem)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/data/dem/srtm3_fixture_greece_not_ukraine DESTINATION share/adcov/dem)
install(FILES ${PROJECT_SOURCE_DIR}/data/SOURCES.md DESTINATION share/adcov)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION share/doc/adcov)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION share/doc/adcov)

# Scenarios name their DEM relative to themselves, `../data/dem/...` in the
# source tree; installed, data/X is share/adcov/X, one level less. The copies
# made here say `../dem/...` and are what gets installed (docs/scenario.md:
# relative paths resolve against the scenario file).
set(adcov_installed_scenarios ${PROJECT_BINARY_DIR}/installed-scenarios)
file(GLOB_RECURSE adcov_scenario_files RELATIVE ${PROJECT_SOURCE_DIR}/scenarios CONFIGURE_DEPENDS
     ${PROJECT_SOURCE_DIR}/scenarios/*)
foreach(rel IN LISTS adcov_scenario_files)
  set(src ${PROJECT_SOURCE_DIR}/scenarios/${rel})
  set(dst ${adcov_installed_scenarios}/${rel})
  if(rel MATCHES "\\.ya?ml$")
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${src})
    file(READ ${src} text)
    string(REPLACE "../data/" "../" text "${text}")
    file(CONFIGURE OUTPUT ${dst} CONTENT "${text}" @ONLY)
  else()
    configure_file(${src} ${dst} COPYONLY)
  endif()
endforeach()
install(DIRECTORY ${adcov_installed_scenarios}/ DESTINATION share/adcov/scenarios)

# The installed binary, run from outside the source and build trees, must
# find every map file in share/adcov: no "... not found" note.
if(ADCOV_BUILD_TESTS)
  add_test(NAME Install.InstalledBinaryFindsItsMapData
           COMMAND ${CMAKE_COMMAND} -DBUILD_DIR=${PROJECT_BINARY_DIR}
                   -DPREFIX=${PROJECT_BINARY_DIR}/install-test-prefix
                   -P ${PROJECT_SOURCE_DIR}/cmake/InstallSmokeTest.cmake)
  set_tests_properties(Install.InstalledBinaryFindsItsMapData PROPERTIES TIMEOUT 300)
endif()
