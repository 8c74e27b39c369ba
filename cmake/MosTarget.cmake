# Per-target settings shared by every MOS target. Flags are set on targets, never directory-wide.

# No -Wnull-dereference: with GCC 12 at -O2 it reports false positives inside libstdc++'s own
# headers (streambuf), which would fail the optimised and tsan builds for code that is correct.
# No -Wrestrict in GCC's optimised builds: GCC 12 at -O3 reports "'x' + std::string" as an
# overlapping memcpy inside libstdc++ (GCC bug 105329), which would fail the release build for code
# that is correct. (Only there, so clang-tidy, reading the debug builds' commands, never sees it.)
set(MOS_WARNING_FLAGS
  -Wall -Wextra -Wpedantic -Werror
  -Wshadow -Wconversion -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wimplicit-fallthrough -Wformat=2
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<NOT:$<CONFIG:Debug>>>:-Wno-restrict>)

# Applies warnings and the sanitizers chosen by MOS_SANITIZE to one target.
function(mos_configure_target target)
  target_compile_options(${target} PRIVATE ${MOS_WARNING_FLAGS})
  if(MOS_SANITIZE)
    list(JOIN MOS_SANITIZE "," sanitizers)
    target_compile_options(${target} PRIVATE -fsanitize=${sanitizers} -fno-omit-frame-pointer
                                             -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=${sanitizers})
  endif()
  if(MOS_FUZZ_ENGINE STREQUAL "libfuzzer")
    # Coverage instrumentation everywhere, so libFuzzer sees into the libraries it drives.
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
  endif()
endfunction()

# Declares the library of one module: mos_<module>, alias mos::<module>, public headers under
# include/mos/<module>/.
function(mos_add_module module)
  cmake_parse_arguments(arg "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  set(target mos_${module})
  add_library(${target} STATIC ${arg_SOURCES})
  add_library(mos::${module} ALIAS ${target})
  target_include_directories(${target}
    PUBLIC ${PROJECT_SOURCE_DIR}/include
    PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${target} PUBLIC ${arg_PUBLIC_DEPS} PRIVATE ${arg_PRIVATE_DEPS})
  mos_configure_target(${target})
endfunction()
