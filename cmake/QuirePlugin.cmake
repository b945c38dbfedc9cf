# quire_add_plugin(NAME source... [LIBS lib...])
# Builds quire-NAME.so into the build tree's plugin directory and installs it.
function(quire_add_plugin name)
  if(QUIRE_FUZZ)
    return()   # the fuzz build links the plugins' static libraries only
  endif()
  cmake_parse_arguments(P "" "" "LIBS" ${ARGN})
  set(target quire-${name})
  add_library(${target} MODULE ${P_UNPARSED_ARGUMENTS})
  set_target_properties(${target} PROPERTIES
    PREFIX "" OUTPUT_NAME quire-${name}
    C_VISIBILITY_PRESET hidden
    LIBRARY_OUTPUT_DIRECTORY ${QUIRE_BUILD_PLUGIN_DIR})
  target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/include)
  target_link_libraries(${target} PRIVATE ${P_LIBS})
  install(TARGETS ${target} LIBRARY DESTINATION ${QUIRE_PLUGIN_INSTALL_DIR})
  set_property(GLOBAL APPEND PROPERTY QUIRE_INSTALLED_TARGETS ${target})
endfunction()
