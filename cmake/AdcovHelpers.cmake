# Helpers shared by the top-level, tests/ and bench/ CMake files.

# adcov_add_module(name PUBLIC_DEPS ... PRIVATE_DEPS ... EXTRA_SOURCES ...)
# One static library per module from src/<name>/*.cpp, alias adcov::<name>.
# Linking only PUBLIC to the layers below makes a module that reaches up fail to link.
function(adcov_add_module name)
  cmake_parse_arguments(ARG "" "" "PUBLIC_DEPS;PRIVATE_DEPS;EXTRA_SOURCES" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${name}/*.cpp)
  add_library(adcov_${name} STATIC ${srcs} ${ARG_EXTRA_SOURCES})
  add_library(adcov::${name} ALIAS adcov_${name})
  target_include_directories(adcov_${name}
    PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
    PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(adcov_${name} PUBLIC ${ARG_PUBLIC_DEPS} adcov_warnings
                                      PRIVATE ${ARG_PRIVATE_DEPS})
endfunction()

# adcov_add_test(module LIBS ...): one gtest executable per module from tests/<module>/*.cpp.
function(adcov_add_test module)
  cmake_parse_arguments(ARG "" "" "LIBS" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${module}/*.cpp)
  if(NOT srcs)
    return()
  endif()
  add_executable(${module}_tests ${srcs})
  target_link_libraries(${module}_tests PRIVATE adcov_test_support ${ARG_LIBS}
                        GTest::gtest GTest::gtest_main adcov_warnings)
  # A plain path, not $<TARGET_FILE:adcov>: the generator expression would make
  # every test binary depend on the CLI target, so building one test binary
  # (scripts/test-sanitize.sh) would compile the whole program.
  gtest_discover_tests(${module}_tests DISCOVERY_TIMEOUT 60
                       PROPERTIES ENVIRONMENT "ADCOV_BIN=${PROJECT_BINARY_DIR}/adcov")
endfunction()

# adcov_embed_text(input output namespace symbol): writes a .cpp defining
# `extern const char* const <namespace>::<symbol>` with the file's text.
function(adcov_embed_text input output ns symbol)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${input})
  file(READ ${input} text)
  file(WRITE ${output}.new
    "// Generated from ${input} by adcov_embed_text; do not edit.\n"
    "namespace ${ns} {\nextern const char* const ${symbol};\n"
    "const char* const ${symbol} = R\"adcov_embed(${text})adcov_embed\";\n}\n")
  file(COPY_FILE ${output}.new ${output} ONLY_IF_DIFFERENT)
endfunction()
