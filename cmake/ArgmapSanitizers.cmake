# With -DARGMAP_SANITIZE=address,undefined every target is built and linked
# with those sanitizers, and any report aborts (-fno-sanitize-recover=all) so
# that no test can pass with a sanitizer error printed.
if(ARGMAP_SANITIZE)
  add_compile_options(-fsanitize=${ARGMAP_SANITIZE} -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${ARGMAP_SANITIZE} -fno-sanitize-recover=all)
endif()
