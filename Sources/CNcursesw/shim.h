// The only C in snowgate: what Swift cannot import or reach from ncursesw in Swift 6 mode.
#ifndef SNOWGATE_CNCURSESW_SHIM_H
#define SNOWGATE_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <curses.h>

extern int wcwidth(wchar_t c);

// Globals are mutable state Swift 6 refuses to read: reach them through functions.
static inline WINDOW *sg_stdscr(void) { return stdscr; }
static inline int sg_lines(void) { return LINES; }
static inline int sg_cols(void) { return COLS; }
static inline int sg_colors(void) { return COLORS; }
static inline FILE *sg_stdout(void) { return stdout; }
static inline FILE *sg_stdin(void) { return stdin; }
// The character set of the current locale, e.g. "UTF-8" or "ANSI_X3.4-1968".
static inline const char *sg_codeset(void) { return nl_langinfo(CODESET); }

// Attribute macros become constants Swift can see.
static const attr_t sg_A_NORMAL = A_NORMAL;
static const attr_t sg_A_BOLD = A_BOLD;
static const attr_t sg_A_REVERSE = A_REVERSE;
static const attr_t sg_A_UNDERLINE = A_UNDERLINE;
static const attr_t sg_A_DIM = A_DIM;
static inline attr_t sg_color_pair(int n) { return COLOR_PAIR(n); }

static inline int sg_key_f(int n) { return KEY_F(n); }
static const int sg_KEY_RESIZE = KEY_RESIZE;
static const int sg_KEY_UP = KEY_UP;
static const int sg_KEY_DOWN = KEY_DOWN;
static const int sg_KEY_LEFT = KEY_LEFT;
static const int sg_KEY_RIGHT = KEY_RIGHT;
static const int sg_KEY_HOME = KEY_HOME;
static const int sg_KEY_END = KEY_END;
static const int sg_KEY_BACKSPACE = KEY_BACKSPACE;
static const int sg_KEY_DC = KEY_DC;
static const int sg_KEY_BTAB = KEY_BTAB;
static const int sg_KEY_ENTER = KEY_ENTER;
static const int sg_KEY_NPAGE = KEY_NPAGE;
static const int sg_KEY_PPAGE = KEY_PPAGE;
static const int sg_KEY_CODE_YES = KEY_CODE_YES;
static const int sg_KEY_F1 = KEY_F(1);
static const int sg_ERR = ERR;
static const int sg_OK = OK;

#endif
