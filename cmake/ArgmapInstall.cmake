# cmake --install: libraries (shared and static), headers with the generated
# version.h, both programs (argmap-render under libexec/argmap, where
# `argmap render` finds it), the man page, the docs and schema, pkg-config
# files and the CMake package argmap (argmap::argmap, argmap::render).
include(CMakePackageConfigHelpers)

set(ARGMAP_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/argmap)

install(TARGETS argmap_shared argmap_render_shared EXPORT argmapTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS argmap_static argmap_render_static ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS argmap_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS argmap_render_cli RUNTIME DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/argmap)

file(GLOB ARGMAP_PUBLIC_HEADERS ${PROJECT_SOURCE_DIR}/include/argmap/*.h)
install(FILES ${ARGMAP_PUBLIC_HEADERS} ${PROJECT_BINARY_DIR}/include/argmap/version.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/argmap)

# The installed man page names the installed docs, not the source tree's.
file(READ ${PROJECT_SOURCE_DIR}/docs/argmap.1 ARGMAP_MAN)
string(REGEX REPLACE "(\n\\.IR? )docs/" "\\1${CMAKE_INSTALL_FULL_DOCDIR}/" ARGMAP_MAN "${ARGMAP_MAN}")
file(WRITE ${PROJECT_BINARY_DIR}/argmap.1.tmp "${ARGMAP_MAN}")
configure_file(${PROJECT_BINARY_DIR}/argmap.1.tmp ${PROJECT_BINARY_DIR}/man/argmap.1 COPYONLY)
set_property(DIRECTORY ${PROJECT_SOURCE_DIR} APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${PROJECT_SOURCE_DIR}/docs/argmap.1)
install(FILES ${PROJECT_BINARY_DIR}/man/argmap.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

file(GLOB ARGMAP_DOCS ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES ${ARGMAP_DOCS} ${PROJECT_SOURCE_DIR}/docs/argmap.rng ${PROJECT_SOURCE_DIR}/README.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# pkg-config: relocatable (prefix from the .pc file's own folder), so
# `cmake --install build --prefix DIR` yields working files.
file(RELATIVE_PATH ARGMAP_PC_TO_PREFIX ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig
     ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" ARGMAP_PC_TO_PREFIX "${ARGMAP_PC_TO_PREFIX}")
set(ARGMAP_PC_PLUGINS "")
foreach(plugin core dot_layout pango)
  get_filename_component(f ${ARGMAP_GVPLUGIN_${plugin}} NAME)
  string(APPEND ARGMAP_PC_PLUGINS " -L\${gvplugindir} -l:${f}")
endforeach()
string(STRIP "${ARGMAP_PC_PLUGINS}" ARGMAP_PC_PLUGINS)
configure_file(${PROJECT_SOURCE_DIR}/cmake/argmap.pc.in ${PROJECT_BINARY_DIR}/argmap.pc @ONLY)
configure_file(${PROJECT_SOURCE_DIR}/cmake/argmap-render.pc.in ${PROJECT_BINARY_DIR}/argmap-render.pc
               @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/argmap.pc ${PROJECT_BINARY_DIR}/argmap-render.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

install(EXPORT argmapTargets NAMESPACE argmap:: DESTINATION ${ARGMAP_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/argmapConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/argmapConfig.cmake
                              INSTALL_DESTINATION ${ARGMAP_CMAKE_DIR})
# 0.x: a minor release may change the ABI.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/argmapConfigVersion.cmake
                                 VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/argmapConfig.cmake
              ${PROJECT_BINARY_DIR}/argmapConfigVersion.cmake
        DESTINATION ${ARGMAP_CMAKE_DIR})

# Shell completions (completions/), where bash-completion and zsh look.
install(FILES ${PROJECT_SOURCE_DIR}/completions/argmap.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME argmap)
install(FILES ${PROJECT_SOURCE_DIR}/completions/_argmap
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
