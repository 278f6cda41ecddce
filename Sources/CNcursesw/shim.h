#ifndef DAIS_CNCURSESW_SHIM_H
#define DAIS_CNCURSESW_SHIM_H

/* The wide-character API is declared only with this define. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/* wcwidth is not visible through Glibc from Swift. */
int wcwidth(wchar_t c);

/* C globals and macros that Swift cannot import or that strict concurrency rejects. */
static inline WINDOW *dais_stdscr(void) { return stdscr; }
static inline FILE *dais_stdin(void) { return stdin; }
static inline FILE *dais_stdout(void) { return stdout; }
static inline int dais_lines(void) { return LINES; }
static inline int dais_cols(void) { return COLS; }
static inline int dais_colors(void) { return COLORS; }

static inline attr_t dais_a_normal(void) { return A_NORMAL; }
static inline attr_t dais_a_bold(void) { return A_BOLD; }
static inline attr_t dais_a_reverse(void) { return A_REVERSE; }
static inline attr_t dais_a_underline(void) { return A_UNDERLINE; }
static inline attr_t dais_a_dim(void) { return A_DIM; }
static inline int dais_key_f(int n) { return KEY_F(n); }

/* Draws one cell: a character (with combining marks) and attributes at a position. */
static inline int dais_put_cell(WINDOW *win, int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(win, y, x, &cell);
}

/* True when the terminal can address the cursor (TERM=dumb cannot). */
static inline int dais_has_cursor_addressing(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

#include <signal.h>

/* On a fatal signal: give the terminal back (best effort), then die of the same signal. */
static void dais_fatal_signal(int sig) {
    endwin();
    signal(sig, SIG_DFL);
    raise(sig);
}

static inline void dais_install_fatal_handlers(void) {
    int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) signal(sigs[i], dais_fatal_signal);
}

/* Ctrl-C, kill and a closed terminal are observed by the program, not by ncurses' own handlers. */
static inline void dais_ignore_stop_signals(void) {
    signal(SIGINT, SIG_IGN);
    signal(SIGTERM, SIG_IGN);
    signal(SIGHUP, SIG_IGN);
}

#endif
