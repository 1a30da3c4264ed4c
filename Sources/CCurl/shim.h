// libcurl for snowgate, loaded on first use: commands that send nothing never pay the ~7 ms
// that libcurl's dependency tree (OpenSSL, nghttp2, krb5, ldap, ...) costs to load.
//
// Nothing here links libcurl: sg_curl_load() dlopens libcurl.so.4 and resolves the few symbols
// into a table of function pointers that every wrapper takes as its first argument, so no
// state lives in this header (Swift may compile its functions into several object files).
// The wrappers give Swift typed calls for the variadic curl_easy_setopt/getinfo.
#ifndef SNOWGATE_CCURL_SHIM_H
#define SNOWGATE_CCURL_SHIM_H

#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

// The presented certificates recorded during one TLS handshake (leaf first).
#define SG_CHAIN_MAX 8
typedef struct sg_cert {
  int present;
  char subject[256];
  char issuer[256];
  long long not_before;  // seconds since 1970, 0 when unreadable
  long long not_after;
} sg_cert;

struct sg_curl_api;

// One transfer's chain recorder, given to CURLOPT_SSL_CTX_DATA.
typedef struct sg_chain {
  const struct sg_curl_api *api;
  int count;
  sg_cert certs[SG_CHAIN_MAX];
} sg_chain;

typedef struct sg_curl_api {
  CURLcode (*global_init)(long);
  CURL *(*easy_init)(void);
  void (*easy_cleanup)(CURL *);
  CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
  CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
  struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
  void (*slist_free_all)(struct curl_slist *);
  CURLM *(*multi_init)(void);
  CURLMcode (*multi_add_handle)(CURLM *, CURL *);
  CURLMcode (*multi_remove_handle)(CURLM *, CURL *);
  CURLMcode (*multi_perform)(CURLM *, int *);
  CURLMcode (*multi_poll)(CURLM *, struct curl_waitfd *, unsigned int, int, int *);
  CURLMcode (*multi_wakeup)(CURLM *);
  CURLMsg *(*multi_info_read)(CURLM *, int *);
  CURLMcode (*multi_cleanup)(CURLM *);
  curl_version_info_data *(*version_info)(CURLversion);
  // OpenSSL, reached through libcurl's own dependencies; all NULL when libcurl uses another
  // TLS library (then no chain is recorded, verification is unchanged).
  int (*ctx_get_verify_mode)(const void *);
  void (*ctx_set_verify)(void *, int, int (*)(int, void *));
  int (*ctx_set_ex_data)(void *, int, void *);
  void *(*ctx_get_ex_data)(const void *, int);
  int (*ssl_store_idx)(void);
  void *(*store_get_ex_data)(const void *, int);
  void *(*ssl_get_ctx)(const void *);
  void *(*store_current_cert)(const void *);
  int (*store_error_depth)(const void *);
  void *(*subject_name)(const void *);
  void *(*issuer_name)(const void *);
  char *(*name_oneline)(const void *, char *, int);
  const void *(*not_before)(const void *);
  const void *(*not_after)(const void *);
  int (*asn1_time_to_tm)(const void *, struct tm *);
} sg_curl_api;

// Loads libcurl.so.4 once; NULL with a reason in `error` when it cannot be loaded.
static inline const sg_curl_api *sg_curl_load(char *error, size_t size) {
  // Lazy, as for any program linked with libcurl: the libraries of its tree built without
  // BIND_NOW (krb5, nghttp2, rtmp, brotli, ...) bind a function when it is first called, which
  // took ~2 ms off the load here (a C program: dlopen 8.9 -> 6.6 ms of CPU). libcurl itself and
  // most of the tree (OpenSSL, gnutls, ldap, ssh2) are BIND_NOW and bind everything at once anyway.
  //
  // Deep binding (glibc): each library of the tree looks a symbol up in its own dependencies
  // before the global scope. Binding there costs most of the load (_dl_lookup_symbol_x), and
  // the global scope is snowgate's: the executable's ~4,800 Swift symbols, ncursesw, tinfo,
  // libstdc++, libgcc_s, libm, all searched before libc and OpenSSL on every lookup. A C
  // program with that same global scope: dlopen + curl_global_init 6.9 -> 5.3 ms of CPU,
  // 19.9 -> 16.7 M instructions. It is safe here because nothing in the global scope defines
  // a symbol of the tree (the executable exports only Swift symbols, main and its own
  // snowgate_main, and has no copy relocations: readelf -r), so every symbol binds to the
  // same definition either way; only the order of the search changes.
  //
  // Except for what is preloaded (LD_PRELOAD, /etc/ld.so.preload): proxychains and torsocks
  // hook connect() and getaddrinfo() that way, and jemalloc or tcmalloc replace malloc. Deep
  // binding would send libcurl's calls past them, to libc (a proxy silently bypassed, or
  // memory from one allocator freed by the other), so with a preload the load is plain.
  int flags = RTLD_LAZY | RTLD_LOCAL;
#if defined(__linux__) && defined(__GLIBC__)
#ifndef RTLD_DEEPBIND
#define RTLD_DEEPBIND 0x00008
#endif
  const char *preload = getenv("LD_PRELOAD");
  struct stat preloadFile;
  int preloaded = (preload != NULL && preload[0] != 0) ||
                  (stat("/etc/ld.so.preload", &preloadFile) == 0 && preloadFile.st_size > 0);
  // A sanitizer's runtime intercepts dlopen and refuses deep binding outright.
#ifndef RTLD_DEFAULT
#define RTLD_DEFAULT ((void *)0)
#endif
  preloaded = preloaded || dlsym(RTLD_DEFAULT, "__asan_init") != NULL ||
              dlsym(RTLD_DEFAULT, "__tsan_init") != NULL;
  if (!preloaded) flags |= RTLD_DEEPBIND;
#endif
  void *lib = dlopen("libcurl.so.4", flags);
  if (lib == NULL) {
    const char *reason = dlerror();
    snprintf(error, size, "%s", reason ? reason : "libcurl.so.4 not found");
    return NULL;
  }
  sg_curl_api *api = (sg_curl_api *)calloc(1, sizeof(sg_curl_api));
  if (api == NULL) {
    snprintf(error, size, "out of memory");
    return NULL;
  }
#define SG_NEED(field, name)                                          \
  *(void **)(&api->field) = dlsym(lib, name);                         \
  if (api->field == NULL) {                                           \
    snprintf(error, size, "libcurl.so.4 has no %s (too old?)", name); \
    free(api);                                                        \
    return NULL;                                                      \
  }
#define SG_MAY(field, name) *(void **)(&api->field) = dlsym(lib, name);
  SG_NEED(global_init, "curl_global_init")
  SG_NEED(easy_init, "curl_easy_init")
  SG_NEED(easy_cleanup, "curl_easy_cleanup")
  SG_NEED(easy_setopt, "curl_easy_setopt")
  SG_NEED(easy_getinfo, "curl_easy_getinfo")
  SG_NEED(slist_append, "curl_slist_append")
  SG_NEED(slist_free_all, "curl_slist_free_all")
  SG_NEED(multi_init, "curl_multi_init")
  SG_NEED(multi_add_handle, "curl_multi_add_handle")
  SG_NEED(multi_remove_handle, "curl_multi_remove_handle")
  SG_NEED(multi_perform, "curl_multi_perform")
  SG_NEED(multi_poll, "curl_multi_poll")
  SG_NEED(multi_wakeup, "curl_multi_wakeup")
  SG_NEED(multi_info_read, "curl_multi_info_read")
  SG_NEED(multi_cleanup, "curl_multi_cleanup")
  SG_NEED(version_info, "curl_version_info")
  SG_MAY(ctx_get_verify_mode, "SSL_CTX_get_verify_mode")
  SG_MAY(ctx_set_verify, "SSL_CTX_set_verify")
  SG_MAY(ctx_set_ex_data, "SSL_CTX_set_ex_data")
  SG_MAY(ctx_get_ex_data, "SSL_CTX_get_ex_data")
  SG_MAY(ssl_store_idx, "SSL_get_ex_data_X509_STORE_CTX_idx")
  SG_MAY(store_get_ex_data, "X509_STORE_CTX_get_ex_data")
  SG_MAY(ssl_get_ctx, "SSL_get_SSL_CTX")
  SG_MAY(store_current_cert, "X509_STORE_CTX_get_current_cert")
  SG_MAY(store_error_depth, "X509_STORE_CTX_get_error_depth")
  SG_MAY(subject_name, "X509_get_subject_name")
  SG_MAY(issuer_name, "X509_get_issuer_name")
  SG_MAY(name_oneline, "X509_NAME_oneline")
  SG_MAY(not_before, "X509_get0_notBefore")
  SG_MAY(not_after, "X509_get0_notAfter")
  SG_MAY(asn1_time_to_tm, "ASN1_TIME_to_tm")
#undef SG_NEED
#undef SG_MAY
  if (api->global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    snprintf(error, size, "curl_global_init failed");
    free(api);
    return NULL;
  }
  return api;
}

// Whether every OpenSSL symbol the chain recorder needs was found.
static inline int sg_can_record_chain(const sg_curl_api *api) {
  return api->ctx_get_verify_mode && api->ctx_set_verify && api->ctx_set_ex_data && api->ctx_get_ex_data &&
         api->ssl_store_idx && api->store_get_ex_data && api->ssl_get_ctx && api->store_current_cert &&
         api->store_error_depth && api->subject_name && api->issuer_name && api->name_oneline &&
         api->not_before && api->not_after && api->asn1_time_to_tm;
}

static inline long long sg_asn1_seconds(const sg_curl_api *api, const void *time) {
  struct tm parts;
  memset(&parts, 0, sizeof(parts));
  if (time == NULL || api->asn1_time_to_tm(time, &parts) != 1) return 0;
  return (long long)timegm(&parts);
}

// The api table as seen by OpenSSL's verify callback, which has no user pointer. Set (always to
// the one table) by sg_ssl_ctx_setup before the handshake that calls the callback; both live in
// whichever object file uses sg_ssl_ctx_setup, so they share this slot.
static inline const sg_curl_api **sg_chain_api_slot(void) {
  static const sg_curl_api *slot = NULL;
  return &slot;
}

// OpenSSL's verify callback: records the certificate at this depth and returns OpenSSL's own
// verdict unchanged, so verification is exactly what libcurl asked for.
static inline int sg_verify_record(int preverify_ok, void *store) {
  const sg_curl_api *api = __atomic_load_n(sg_chain_api_slot(), __ATOMIC_ACQUIRE);
  if (api == NULL) return preverify_ok;
  void *ssl = api->store_get_ex_data(store, api->ssl_store_idx());
  if (ssl == NULL) return preverify_ok;
  sg_chain *chain = (sg_chain *)api->ctx_get_ex_data(api->ssl_get_ctx(ssl), 0);
  void *cert = api->store_current_cert(store);
  int depth = api->store_error_depth(store);
  if (chain == NULL || cert == NULL || depth < 0 || depth >= SG_CHAIN_MAX) return preverify_ok;
  sg_cert *slot = &chain->certs[depth];
  slot->present = 1;
  api->name_oneline(api->subject_name(cert), slot->subject, (int)sizeof(slot->subject));
  api->name_oneline(api->issuer_name(cert), slot->issuer, (int)sizeof(slot->issuer));
  slot->not_before = sg_asn1_seconds(api, api->not_before(cert));
  slot->not_after = sg_asn1_seconds(api, api->not_after(cert));
  if (depth + 1 > chain->count) chain->count = depth + 1;
  return preverify_ok;
}

// CURLOPT_SSL_CTX_FUNCTION: keeps libcurl's verify mode and adds the recorder.
static inline CURLcode sg_ssl_ctx_setup(CURL *curl, void *ctx, void *userptr) {
  (void)curl;
  sg_chain *chain = (sg_chain *)userptr;
  if (chain == NULL || chain->api == NULL || !sg_can_record_chain(chain->api)) return CURLE_OK;
  __atomic_store_n(sg_chain_api_slot(), chain->api, __ATOMIC_RELEASE);
  chain->api->ctx_set_ex_data(ctx, 0, chain);
  chain->api->ctx_set_verify(ctx, chain->api->ctx_get_verify_mode(ctx), sg_verify_record);
  return CURLE_OK;
}

// Typed setopt and getinfo.
static inline CURLcode sg_setopt_long(const sg_curl_api *api, CURL *h, CURLoption option, long value) {
  return api->easy_setopt(h, option, value);
}
static inline CURLcode sg_setopt_off(const sg_curl_api *api, CURL *h, CURLoption option, curl_off_t value) {
  return api->easy_setopt(h, option, value);
}
static inline CURLcode sg_setopt_string(const sg_curl_api *api, CURL *h, CURLoption option, const char *value) {
  return api->easy_setopt(h, option, value);
}
static inline CURLcode sg_setopt_pointer(const sg_curl_api *api, CURL *h, CURLoption option, void *value) {
  return api->easy_setopt(h, option, value);
}
static inline CURLcode sg_setopt_slist(const sg_curl_api *api, CURL *h, CURLoption option, struct curl_slist *value) {
  return api->easy_setopt(h, option, value);
}

// The write and header callbacks: libcurl's curl_write_callback shape.
typedef size_t (*sg_data_callback)(char *data, size_t size, size_t count, void *context);
static inline CURLcode sg_setopt_write(const sg_curl_api *api, CURL *h, sg_data_callback callback, void *context) {
  CURLcode code = api->easy_setopt(h, CURLOPT_WRITEFUNCTION, callback);
  return code != CURLE_OK ? code : api->easy_setopt(h, CURLOPT_WRITEDATA, context);
}
static inline CURLcode sg_setopt_header(const sg_curl_api *api, CURL *h, sg_data_callback callback, void *context) {
  CURLcode code = api->easy_setopt(h, CURLOPT_HEADERFUNCTION, callback);
  return code != CURLE_OK ? code : api->easy_setopt(h, CURLOPT_HEADERDATA, context);
}
// Installs the chain recorder (no-op when OpenSSL's symbols were not found).
static inline CURLcode sg_setopt_chain_recorder(const sg_curl_api *api, CURL *h, sg_chain *chain) {
  if (!sg_can_record_chain(api)) return CURLE_OK;
  chain->api = api;
  CURLcode code = api->easy_setopt(h, CURLOPT_SSL_CTX_FUNCTION, sg_ssl_ctx_setup);
  return code != CURLE_OK ? code : api->easy_setopt(h, CURLOPT_SSL_CTX_DATA, (void *)chain);
}

static inline long sg_getinfo_long(const sg_curl_api *api, CURL *h, CURLINFO info) {
  long value = 0;
  return api->easy_getinfo(h, info, &value) == CURLE_OK ? value : 0;
}
static inline curl_off_t sg_getinfo_off(const sg_curl_api *api, CURL *h, CURLINFO info) {
  curl_off_t value = 0;
  return api->easy_getinfo(h, info, &value) == CURLE_OK ? value : 0;
}

// Which decoders libcurl was built with: what we may advertise in Accept-Encoding.
static inline int sg_has_feature(const sg_curl_api *api, int feature) {
  curl_version_info_data *info = api->version_info(CURLVERSION_NOW);
  return info != NULL && (info->features & feature) != 0;
}

// CURLMsg's `data` is a union Swift cannot read: the next finished transfer of `multi`, its easy
// handle in `easy` and its result in `result`; 0 when none has finished.
static inline int sg_multi_next_done(const sg_curl_api *api, CURLM *multi, CURL **easy, CURLcode *result) {
  int left = 0;
  CURLMsg *message;
  while ((message = api->multi_info_read(multi, &left)) != NULL) {
    if (message->msg == CURLMSG_DONE) {
      *easy = message->easy_handle;
      *result = message->data.result;
      return 1;
    }
  }
  return 0;
}

// Names the calling thread (shown by top -H, gdb, /proc/PID/task/*/comm); pthread_setname_np
// is hidden from Swift behind _GNU_SOURCE.
static inline void sg_name_thread(const char *name) {
#ifdef __linux__
  prctl(PR_SET_NAME, name, 0, 0, 0);
#else
  (void)name;
#endif
}

#endif
