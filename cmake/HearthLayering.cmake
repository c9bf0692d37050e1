# Layering checks: the build fails when core or sync reaches a layer above it.

# Fails configuration if TARGET links (directly) any of the given libraries.
function(hearth_forbid_dependencies target)
    get_target_property(_libs ${target} LINK_LIBRARIES)
    get_target_property(_ilibs ${target} INTERFACE_LINK_LIBRARIES)
    foreach(_forbidden IN LISTS ARGN)
        foreach(_lib IN LISTS _libs _ilibs)
            if(_lib MATCHES "^(\\$<LINK_ONLY:)?${_forbidden}>?$")
                message(FATAL_ERROR "Layering violation: ${target} must not link ${_forbidden}")
            endif()
        endforeach()
    endforeach()
endfunction()

# Adds a build step that fails when a source of TARGET includes a header matching PATTERN.
function(hearth_forbid_includes target pattern)
    get_target_property(_dir ${target} SOURCE_DIR)
    set(_stamp "${CMAKE_CURRENT_BINARY_DIR}/${target}_layering.stamp")
    file(GLOB_RECURSE _sources CONFIGURE_DEPENDS "${_dir}/*.h" "${_dir}/*.cpp")
    set(_list "${CMAKE_CURRENT_BINARY_DIR}/${target}_layering_sources.txt")
    file(WRITE "${_list}" "${_sources}")
    add_custom_command(OUTPUT "${_stamp}"
        COMMAND ${CMAKE_COMMAND} -DPATTERN=${pattern} -DSTAMP=${_stamp} -DTARGET=${target}
                -DSOURCE_LIST=${_list} -P "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/CheckIncludes.cmake"
        DEPENDS ${_sources} "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/CheckIncludes.cmake"
        COMMENT "Checking that ${target} includes nothing from a higher layer" VERBATIM)
    add_custom_target(${target}_layering ALL DEPENDS "${_stamp}")
    add_dependencies(${target} ${target}_layering)
endfunction()
