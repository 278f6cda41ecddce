#ifndef DAIS_TEXT_SEARCH_H
#define DAIS_TEXT_SEARCH_H
#include <stddef.h>

/// The first occurrence of `needle` in `haystack`, or NULL: the C library's memmem (a GNU
/// extension the Swift Glibc module does not expose).
const void *dais_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
