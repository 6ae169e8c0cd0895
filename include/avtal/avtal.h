/* SPDX-License-Identifier: Apache-2.0 */
#ifndef AVTAL_AVTAL_H
#define AVTAL_AVTAL_H

/**
 * @file
 * @brief The stable C API of avtal (`libavtal.so.1`): the commands of the
 * `avtal` tool as C functions, JSON in and JSON, text or Markdown out.
 *
 * Plain C99; include it from C, C++ or any language with a C foreign
 * function interface (Python `ctypes`, C# P/Invoke, Java JNA). Link
 * `-lavtal` (`pkg-config --cflags --libs avtal`).
 *
 * Every command answers byte for byte what the `avtal` command line writes
 * for the same document and options: `avtal_result_output()` is its
 * standard output, `avtal_result_errors()` its standard error, and
 * `avtal_result_exit_code()` its exit code.
 *
 * **Strings.** Every string passed in or out is UTF-8 with an explicit
 * length in bytes; input strings need no terminating NUL and may contain
 * NUL bytes (a document with a NUL byte is bad input). Strings handed out
 * are also NUL-terminated, for convenience; the NUL is not counted in the
 * length.
 *
 * **Ownership.** The library never keeps or frees a pointer the caller
 * passes in: the input and the options are read during the call only. A
 * result (`avtal_result`) belongs to the caller from the moment a command
 * returns it until `avtal_result_free()`; the strings an accessor returns
 * point into the result and live exactly as long as it. `avtal_version()`
 * returns a static string, never to be freed.
 *
 * **Threads.** Every function may be called from any number of threads at
 * once. A result may be read from several threads at once; freeing it
 * while another thread reads it is the caller's error.
 *
 * **Errors.** A command returns `AVTAL_OK` when it ran, whatever it found:
 * an unreadable document is a result with exit code 2 and its problems, not
 * a failed call. A non-zero `avtal_status` means the call itself was wrong
 * (a null pointer, an invalid option) or could not run (out of memory); the
 * result pointer is then set to NULL. No function aborts, throws or
 * exits; a null argument never crashes.
 *
 * **ABI.** Only functions and plain data cross the boundary. The options
 * struct begins with its size, so that later versions may add fields at its
 * end: a caller built against this header sets `size` to
 * `sizeof(avtal_options)` (`avtal_options_init()` does) and an older or
 * newer library reads only the fields both know. `AVTAL_ABI_VERSION` is the
 * library's major ABI version, the `1` of `libavtal.so.1`.
 */

/* This header is C99, also compiled as C++ by the library and by C++
 * callers: clang-tidy's C++ modernisations (<cstddef> for <stddef.h>,
 * 'using' for 'typedef') would make it invalid C, so they are off here. */
/* NOLINTBEGIN(modernize-deprecated-headers,modernize-use-using) */
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && !defined(_WIN32)
/** @brief Marks the functions the shared library exports (the rest of it is hidden). */
#define AVTAL_API __attribute__((visibility("default")))
#else
/** @brief Marks the functions the shared library exports. */
#define AVTAL_API
#endif

/** @brief The ABI version this header describes (the SONAME's number). */
#define AVTAL_ABI_VERSION 1

/** @brief What a call returns: `AVTAL_OK`, or why it did not run. */
typedef enum avtal_status {
    AVTAL_OK = 0,                /**< The call ran; read the result. */
    AVTAL_ERROR_NULL_ARGUMENT = 1, /**< A required pointer argument is NULL. */
    AVTAL_ERROR_INVALID_OPTION = 2, /**< An option is invalid: `size` too small, an unknown language or format, a date that is not an existing YYYY-MM-DD, or unknown fields set beyond this library's options. */
    AVTAL_ERROR_OUT_OF_MEMORY = 3, /**< Memory ran out; nothing was returned. */
    AVTAL_ERROR_INTERNAL = 4     /**< An unexpected internal failure (a bug: please report it with the input). */
} avtal_status;

/** @brief The language of messages and reports. */
typedef enum avtal_lang {
    AVTAL_LANG_SV = 0, /**< Swedish (the default). */
    AVTAL_LANG_EN = 1  /**< English. */
} avtal_lang;

/** @brief The output format of a command. */
typedef enum avtal_format {
    AVTAL_FORMAT_TEXT = 0,    /**< Plain text for an 80-column terminal (the default). */
    AVTAL_FORMAT_JSON = 1,    /**< JSON: `avtal-report/1` and friends, one report per line. */
    AVTAL_FORMAT_MARKDOWN = 2 /**< Markdown for a decision memo (tjänsteskrivelse); `avtal_check` only. */
} avtal_format;

/** @brief The exit codes of `avtal_result_exit_code()`, those of the command line. */
typedef enum avtal_exit_code {
    AVTAL_EXIT_OK = 0,         /**< No violation, nothing undetermined. */
    AVTAL_EXIT_VIOLATIONS = 1, /**< Some legal requirement is violated. */
    AVTAL_EXIT_BAD_INPUT = 2,  /**< A document could not be read, or an unknown rule id; see the problems and errors. */
    AVTAL_EXIT_INCOMPLETE = 3  /**< No violation, but a legal requirement could not be decided for lack of facts. */
} avtal_exit_code;

/**
 * @brief How a command runs and writes. Zero-initialised fields are the
 * defaults, except `size`: start from `avtal_options_init()` or
 * `AVTAL_OPTIONS_INIT`. Pointers are read during the call only.
 */
typedef struct avtal_options {
    size_t size;      /**< `sizeof(avtal_options)` as the caller knows it. */
    int32_t lang;     /**< An `avtal_lang`. */
    int32_t format;   /**< An `avtal_format`. */
    int32_t all;      /**< Non-zero: list satisfied findings too (`avtal_check`, as `--all`). */
    int32_t reserved; /**< Must be 0. */
    const char* date; /**< NULL, or YYYY-MM-DD overriding each agreement's `assessment_date` (`--date`); `avtal_thresholds`: the rows in force that day. */
    size_t date_len;  /**< Length of `date` in bytes. */
    const char* thresholds; /**< NULL, or a threshold table document (`--thresholds FILE`'s content) replacing or extending the built-in limits. */
    size_t thresholds_len;  /**< Length of `thresholds` in bytes. */
    const char* source;     /**< NULL, or the input's name in messages (`source: /path: message`); default `-`, as standard input. */
    size_t source_len;      /**< Length of `source` in bytes. */
    const char* thresholds_source; /**< NULL, or the threshold document's name in messages; default `thresholds`. */
    size_t thresholds_source_len;  /**< Length of `thresholds_source` in bytes. */
} avtal_options;

/** @brief The default options, with `size` set: `avtal_options o = AVTAL_OPTIONS_INIT;`. */
#define AVTAL_OPTIONS_INIT {sizeof(avtal_options), AVTAL_LANG_SV, AVTAL_FORMAT_TEXT, 0, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0}

/** @brief What a command gives back: opaque; read it with the accessors, free it with `avtal_result_free()`. */
typedef struct avtal_result avtal_result;

/**
 * @brief Sets `*opt` to the defaults (Swedish, text, no date, the built-in
 * thresholds) with `size = sizeof(avtal_options)`.
 * @return `AVTAL_OK`, or `AVTAL_ERROR_NULL_ARGUMENT` when `opt` is NULL.
 */
AVTAL_API avtal_status avtal_options_init(avtal_options* opt);

/**
 * @brief `avtal check`: checks every agreement of a document (one agreement,
 * a JSON array of agreements, or JSON Lines) and writes their reports in
 * `opt->format`; the exit code is the worst of all (2, then 1, then 3,
 * then 0).
 * @param json the document, `len` bytes; NULL with `len == 0` is an empty
 *        document (exit code 2).
 * @param len its length in bytes.
 * @param opt the options, or NULL for the defaults.
 * @param out receives the result (the caller's, until `avtal_result_free()`);
 *        set to NULL when the call fails.
 * @return `AVTAL_OK`, or an `avtal_status` saying why not.
 */
AVTAL_API avtal_status avtal_check(const char* json, size_t len, const avtal_options* opt, avtal_result** out);

/**
 * @brief `avtal allocate`: the allocation of one agreement's compensation
 * over the parties, exact to the öre (text or JSON). Arguments as for
 * `avtal_check()`.
 */
AVTAL_API avtal_status avtal_allocate(const char* json, size_t len, const avtal_options* opt, avtal_result** out);

/**
 * @brief `avtal thresholds`: the direct-award limits of `opt->thresholds`
 * (or the built-in table), every row or those in force on `opt->date`
 * (text or JSON). A date with no confirmed limit is exit code 2.
 */
AVTAL_API avtal_status avtal_thresholds(const avtal_options* opt, avtal_result** out);

/**
 * @brief `avtal forms`: the forms of cooperation suited to a need (an
 * `avtal-needs/1` document), best first (text or JSON). Arguments as for
 * `avtal_check()`.
 */
AVTAL_API avtal_status avtal_forms(const char* json, size_t len, const avtal_options* opt, avtal_result** out);

/**
 * @brief `avtal explain`: a rule's or a procurement exception's id,
 * severity, texts and citation. An unknown id is exit code 2, with the
 * known ids in the errors.
 * @param id the rule id, e.g. `compensation.no_profit`, `len` bytes.
 * @param len its length in bytes.
 * @param opt the options (only `lang` is used), or NULL for the defaults.
 * @param out receives the result, as for `avtal_check()`.
 * @return `AVTAL_OK`, or an `avtal_status` saying why not.
 */
AVTAL_API avtal_status avtal_explain(const char* id, size_t len, const avtal_options* opt, avtal_result** out);

/**
 * @brief `avtal guide`: SKR's method guide for one agreement (steps 1 to 4
 * with their checklist items), with the progress the check of the agreement
 * decides and the next step (text, Markdown or JSON, `avtal-guide/1`).
 * Arguments as for `avtal_check()`.
 */
AVTAL_API avtal_status avtal_guide(const char* json, size_t len, const avtal_options* opt, avtal_result** out);

/**
 * @brief The command's exit code, an `avtal_exit_code` (0, 1, 2 or 3), or
 * -1 when `r` is NULL.
 */
AVTAL_API int avtal_result_exit_code(const avtal_result* r);

/**
 * @brief What the command writes (the command line's standard output): the
 * report(s) in the chosen format. Valid until `avtal_result_free(r)`.
 * @param r the result; NULL gives NULL.
 * @param len receives the length in bytes (may be NULL; 0 when `r` is NULL).
 */
AVTAL_API const char* avtal_result_output(const avtal_result* r, size_t* len);

/**
 * @brief Every unreadable document as an `avtal-error/1` JSON object, one
 * per line (empty when every document was read): `{"schema":
 * "avtal-error/1", "source": …, "index": …, "input_sha256": …, "problems":
 * [{"path": …, "message": …}]}`, where `index` counts the documents of the
 * input from 0 and `input_sha256` is there when the document could be
 * hashed. Valid until `avtal_result_free(r)`; `len` as for
 * `avtal_result_output()`.
 */
AVTAL_API const char* avtal_result_problems(const avtal_result* r, size_t* len);

/**
 * @brief The problems for a person, one per line (`source: /path:
 * message`), as the command line writes them to standard error. Valid
 * until `avtal_result_free(r)`; `len` as for `avtal_result_output()`.
 */
AVTAL_API const char* avtal_result_errors(const avtal_result* r, size_t* len);

/** @brief Frees a result and the strings read from it; NULL is ignored. */
AVTAL_API void avtal_result_free(avtal_result* r);

/**
 * @brief A short English description of an `avtal_status` (an `int`, so
 * that any value may be passed: an unknown one is "unknown status"),
 * static, never freed.
 */
AVTAL_API const char* avtal_status_string(int status);

/** @brief The library's version, e.g. `1.0.0`: static, NUL-terminated, never freed. */
AVTAL_API const char* avtal_version(void);

/** @brief The library's ABI version (`AVTAL_ABI_VERSION` of the header it was built with). */
AVTAL_API int avtal_abi_version(void);

#ifdef __cplusplus
}
#endif
/* NOLINTEND(modernize-deprecated-headers,modernize-use-using) */

#endif /* AVTAL_AVTAL_H */
