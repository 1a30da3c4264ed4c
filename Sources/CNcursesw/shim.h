// ncursesw for snowgate, loaded on first use: commands that draw no full screen (check,
// token, api, --help, profiles) never pay for loading it and libtinfo, which also lengthened
// every symbol lookup at start-up (install build: `--version` 3.67 -> 3.06 M instructions,
// 2.69 -> 2.21 ms of CPU; a check 0.9 ms less).
//
// Nothing here links ncursesw: sg_curses_load() dlopens libncursesw.so.6 and resolves the
// functions snowgate calls into a table that every wrapper takes as its first argument (no
// state lives in this header: Swift may compile its functions into several object files).
// The header still gives the types, constants and macros Swift cannot import in Swift 6 mode.
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
#include <dlfcn.h>
#include <stdlib.h>
#include <curses.h>

extern int wcwidth(wchar_t c);

// The functions snowgate calls, resolved from the loaded library. Fields are prefixed: several
// names (refresh, getmaxx, wattr_set) are also macros in curses.h.
typedef struct sg_curses_api {
  SCREEN *(*f_newterm)(const char *, FILE *, FILE *);
  SCREEN *(*f_set_term)(SCREEN *);
  void (*f_delscreen)(SCREEN *);
  int (*f_endwin)(void);
  int (*f_raw)(void);
  int (*f_noecho)(void);
  int (*f_nonl)(void);
  int (*f_keypad)(WINDOW *, bool);
  int (*f_set_escdelay)(int);
  bool (*f_has_colors)(void);
  int (*f_start_color)(void);
  int (*f_use_default_colors)(void);
  int (*f_init_pair)(short, short, short);
  int (*f_curs_set)(int);
  int (*f_getmaxx)(const WINDOW *);
  int (*f_getmaxy)(const WINDOW *);
  int (*f_wmove)(WINDOW *, int, int);
  int (*f_wrefresh)(WINDOW *);
  int (*f_werase)(WINDOW *);
  int (*f_wattr_set)(WINDOW *, attr_t, short, void *);
  int (*f_mvwaddwstr)(WINDOW *, int, int, const wchar_t *);
  void (*f_wtimeout)(WINDOW *, int);
  int (*f_wget_wch)(WINDOW *, wint_t *);
  int (*f_unget_wch)(const wchar_t);
  const char *(*f_keyname)(int);
  int (*f_def_prog_mode)(void);
  int (*f_reset_prog_mode)(void);
  int (*f_clearok)(WINDOW *, bool);
  int (*f_resize_term)(int, int);
  int (*f_mvwin_wch)(WINDOW *, int, int, cchar_t *);
  int (*f_getcchar)(const cchar_t *, wchar_t *, attr_t *, short *, void *);
  // Globals, by address (stdscr lives in libtinfo, COLORS in libncursesw).
  WINDOW **v_stdscr;
  int *v_COLORS;
} sg_curses_api;

// Loads libncursesw.so.6 (once, through CursesLibrary.shared); NULL with a reason in `error`
// when it cannot be loaded or lacks a function.
static inline const sg_curses_api *sg_curses_load(char *error, size_t size) {
#ifdef __APPLE__
  const char *name = "libncurses.dylib";
#else
  const char *name = "libncursesw.so.6";
#endif
  void *lib = dlopen(name, RTLD_LAZY | RTLD_LOCAL);
  if (lib == NULL) {
    const char *reason = dlerror();
    snprintf(error, size, "%s", reason ? reason : "libncursesw.so.6 not found");
    return NULL;
  }
  sg_curses_api *api = (sg_curses_api *)calloc(1, sizeof(sg_curses_api));
  if (api == NULL) {
    snprintf(error, size, "out of memory");
    return NULL;
  }
#define SG_CURSES_NEED(field, symbol)                                   \
  *(void **)(&api->field) = dlsym(lib, symbol);                          \
  if (api->field == NULL) {                                              \
    snprintf(error, size, "%s has no %s (too old?)", name, symbol);      \
    free(api);                                                           \
    return NULL;                                                         \
  }
  SG_CURSES_NEED(f_newterm, "newterm")
  SG_CURSES_NEED(f_set_term, "set_term")
  SG_CURSES_NEED(f_delscreen, "delscreen")
  SG_CURSES_NEED(f_endwin, "endwin")
  SG_CURSES_NEED(f_raw, "raw")
  SG_CURSES_NEED(f_noecho, "noecho")
  SG_CURSES_NEED(f_nonl, "nonl")
  SG_CURSES_NEED(f_keypad, "keypad")
  SG_CURSES_NEED(f_set_escdelay, "set_escdelay")
  SG_CURSES_NEED(f_has_colors, "has_colors")
  SG_CURSES_NEED(f_start_color, "start_color")
  SG_CURSES_NEED(f_use_default_colors, "use_default_colors")
  SG_CURSES_NEED(f_init_pair, "init_pair")
  SG_CURSES_NEED(f_curs_set, "curs_set")
  SG_CURSES_NEED(f_getmaxx, "getmaxx")
  SG_CURSES_NEED(f_getmaxy, "getmaxy")
  SG_CURSES_NEED(f_wmove, "wmove")
  SG_CURSES_NEED(f_wrefresh, "wrefresh")
  SG_CURSES_NEED(f_werase, "werase")
  SG_CURSES_NEED(f_wattr_set, "wattr_set")
  SG_CURSES_NEED(f_mvwaddwstr, "mvwaddwstr")
  SG_CURSES_NEED(f_wtimeout, "wtimeout")
  SG_CURSES_NEED(f_wget_wch, "wget_wch")
  SG_CURSES_NEED(f_unget_wch, "unget_wch")
  SG_CURSES_NEED(f_keyname, "keyname")
  SG_CURSES_NEED(f_def_prog_mode, "def_prog_mode")
  SG_CURSES_NEED(f_reset_prog_mode, "reset_prog_mode")
  SG_CURSES_NEED(f_clearok, "clearok")
  SG_CURSES_NEED(f_resize_term, "resize_term")
  SG_CURSES_NEED(f_mvwin_wch, "mvwin_wch")
  SG_CURSES_NEED(f_getcchar, "getcchar")
  SG_CURSES_NEED(v_stdscr, "stdscr")
  SG_CURSES_NEED(v_COLORS, "COLORS")
#undef SG_CURSES_NEED
  return api;
}

// Typed calls for Swift (the table's fields are optional function pointers there).
typedef const sg_curses_api *sg_curses;
static inline SCREEN *sg_newterm(sg_curses a, const char *type, FILE *out, FILE *in) { return a->f_newterm(type, out, in); }
static inline SCREEN *sg_set_term(sg_curses a, SCREEN *s) { return a->f_set_term(s); }
static inline void sg_delscreen(sg_curses a, SCREEN *s) { a->f_delscreen(s); }
static inline int sg_endwin(sg_curses a) { return a->f_endwin(); }
static inline int sg_raw(sg_curses a) { return a->f_raw(); }
static inline int sg_noecho(sg_curses a) { return a->f_noecho(); }
static inline int sg_nonl(sg_curses a) { return a->f_nonl(); }
static inline int sg_keypad(sg_curses a, WINDOW *w, bool on) { return a->f_keypad(w, on); }
static inline int sg_set_escdelay(sg_curses a, int ms) { return a->f_set_escdelay(ms); }
static inline bool sg_has_colors(sg_curses a) { return a->f_has_colors(); }
static inline int sg_start_color(sg_curses a) { return a->f_start_color(); }
static inline int sg_use_default_colors(sg_curses a) { return a->f_use_default_colors(); }
static inline int sg_init_pair(sg_curses a, short p, short f, short b) { return a->f_init_pair(p, f, b); }
static inline int sg_curs_set(sg_curses a, int v) { return a->f_curs_set(v); }
static inline int sg_getmaxx(sg_curses a, const WINDOW *w) { return a->f_getmaxx(w); }
static inline int sg_getmaxy(sg_curses a, const WINDOW *w) { return a->f_getmaxy(w); }
static inline int sg_wmove(sg_curses a, WINDOW *w, int y, int x) { return a->f_wmove(w, y, x); }
static inline int sg_wrefresh(sg_curses a, WINDOW *w) { return a->f_wrefresh(w); }
static inline int sg_werase(sg_curses a, WINDOW *w) { return a->f_werase(w); }
static inline int sg_wattr_set(sg_curses a, WINDOW *w, attr_t at, short p) { return a->f_wattr_set(w, at, p, NULL); }
static inline int sg_mvwaddwstr(sg_curses a, WINDOW *w, int y, int x, const wchar_t *t) { return a->f_mvwaddwstr(w, y, x, t); }
static inline void sg_wtimeout(sg_curses a, WINDOW *w, int ms) { a->f_wtimeout(w, ms); }
static inline int sg_wget_wch(sg_curses a, WINDOW *w, wint_t *c) { return a->f_wget_wch(w, c); }
static inline int sg_unget_wch(sg_curses a, wchar_t c) { return a->f_unget_wch(c); }
static inline const char *sg_keyname(sg_curses a, int c) { return a->f_keyname(c); }
static inline int sg_def_prog_mode(sg_curses a) { return a->f_def_prog_mode(); }
static inline int sg_reset_prog_mode(sg_curses a) { return a->f_reset_prog_mode(); }
static inline int sg_clearok(sg_curses a, WINDOW *w, bool on) { return a->f_clearok(w, on); }
static inline int sg_refresh(sg_curses a) { return a->f_wrefresh(*a->v_stdscr); }
static inline int sg_resize_term(sg_curses a, int lines, int cols) { return a->f_resize_term(lines, cols); }
static inline int sg_mvwin_wch(sg_curses a, WINDOW *w, int y, int x, cchar_t *c) { return a->f_mvwin_wch(w, y, x, c); }
static inline int sg_getcchar(sg_curses a, const cchar_t *c, wchar_t *t, attr_t *at, short *p) { return a->f_getcchar(c, t, at, p, NULL); }

// Globals are mutable state Swift 6 refuses to read: reach them through functions.
static inline WINDOW *sg_stdscr(sg_curses a) { return *a->v_stdscr; }
static inline int sg_colors(sg_curses a) { return *a->v_COLORS; }
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
