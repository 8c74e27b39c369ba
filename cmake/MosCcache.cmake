# Use ccache when the machine has it: CI rebuilds the same sources on every run.
find_program(MOS_CCACHE_PROGRAM ccache)
if(MOS_CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${MOS_CCACHE_PROGRAM}" CACHE STRING "Compiler launcher" FORCE)
endif()
