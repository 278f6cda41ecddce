#define _GNU_SOURCE
#include <string.h>
#include "text_search.h"

const void *dais_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    return memmem(haystack, haystack_length, needle, needle_length);
}

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Compares the needle's first and last bytes at 16 positions at once (SSE2), then the middle bytes
   where both matched (W. Mula's "SIMD-friendly" substring search); memchr for one-byte needles. */
const void *dais_find_short(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    if (needle_length == 0) return haystack;
    if (haystack_length < needle_length) return NULL;
    const unsigned char *s = haystack, *n = needle;
    if (needle_length == 1) return memchr(haystack, n[0], haystack_length);
    const size_t last = haystack_length - needle_length; /* the last possible start */
    const unsigned char first = n[0], final = n[needle_length - 1];
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i F = _mm_set1_epi8((char)first), L = _mm_set1_epi8((char)final);
    for (; i + 15 <= last; i += 16) {
        const __m128i a = _mm_loadu_si128((const __m128i *)(s + i));
        const __m128i b = _mm_loadu_si128((const __m128i *)(s + i + needle_length - 1));
        unsigned mask = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, F), _mm_cmpeq_epi8(b, L)));
        while (mask != 0) {
            const unsigned bit = (unsigned)__builtin_ctz(mask);
            if (memcmp(s + i + bit + 1, n + 1, needle_length - 2) == 0) return s + i + bit;
            mask &= mask - 1;
        }
    }
#endif
    for (; i <= last; i++) {
        if (s[i] == first && s[i + needle_length - 1] == final && memcmp(s + i + 1, n + 1, needle_length - 2) == 0) return s + i;
    }
    return NULL;
}
