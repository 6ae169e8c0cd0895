/* The C API's contract, in C99 with nothing but <avtal/avtal.h>: null and
 * invalid arguments give their codes (never a crash), options grow by their
 * size field, results own their strings, the versions agree with the
 * header. Run as: capi_contract AGREEMENTS_DIR */
#include <avtal/avtal.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

#define EXPECT(cond)                                                                                                                       \
    do {                                                                                                                                   \
        if (!(cond)) {                                                                                                                     \
            fprintf(stderr, "%s:%d: failed: %s\n", __FILE__, __LINE__, #cond);                                                            \
            ++failures;                                                                                                                    \
        }                                                                                                                                  \
    } while (0)

static char* read_file(const char* dir, const char* name, size_t* len) {
    char path[4096];
    FILE* f;
    char* buf;
    long size;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(2);
    }
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)size + 1);
    if (!buf || fread(buf, 1, (size_t)size, f) != (size_t)size) exit(2);
    buf[size] = '\0';
    fclose(f);
    *len = (size_t)size;
    return buf;
}

static int contains(const char* text, size_t len, const char* needle) {
    size_t n = strlen(needle), i;
    for (i = 0; i + n <= len; ++i)
        if (memcmp(text + i, needle, n) == 0) return 1;
    return 0;
}

static void null_arguments(const char* doc, size_t len) {
    avtal_result* r = (avtal_result*)&r; /* not NULL: every failing call must reset it */
    size_t n = 12345;
    EXPECT(avtal_check(doc, len, NULL, NULL) == AVTAL_ERROR_NULL_ARGUMENT);
    EXPECT(avtal_check(NULL, 5, NULL, &r) == AVTAL_ERROR_NULL_ARGUMENT && r == NULL);
    r = (avtal_result*)&r;
    EXPECT(avtal_allocate(NULL, 1, NULL, &r) == AVTAL_ERROR_NULL_ARGUMENT && r == NULL);
    r = (avtal_result*)&r;
    EXPECT(avtal_forms(NULL, 1, NULL, &r) == AVTAL_ERROR_NULL_ARGUMENT && r == NULL);
    r = (avtal_result*)&r;
    EXPECT(avtal_explain(NULL, 1, NULL, &r) == AVTAL_ERROR_NULL_ARGUMENT && r == NULL);
    EXPECT(avtal_guide(NULL, 1, NULL, &r) == AVTAL_ERROR_NULL_ARGUMENT && r == NULL);
    EXPECT(avtal_guide(doc, len, NULL, NULL) == AVTAL_ERROR_NULL_ARGUMENT);
    EXPECT(avtal_allocate(doc, len, NULL, NULL) == AVTAL_ERROR_NULL_ARGUMENT);
    EXPECT(avtal_thresholds(NULL, NULL) == AVTAL_ERROR_NULL_ARGUMENT);
    EXPECT(avtal_forms(doc, len, NULL, NULL) == AVTAL_ERROR_NULL_ARGUMENT);
    EXPECT(avtal_explain("x", 1, NULL, NULL) == AVTAL_ERROR_NULL_ARGUMENT);
    EXPECT(avtal_options_init(NULL) == AVTAL_ERROR_NULL_ARGUMENT);
    /* Accessors on NULL. */
    EXPECT(avtal_result_exit_code(NULL) == -1);
    EXPECT(avtal_result_output(NULL, &n) == NULL && n == 0);
    n = 7;
    EXPECT(avtal_result_problems(NULL, &n) == NULL && n == 0);
    n = 7;
    EXPECT(avtal_result_errors(NULL, &n) == NULL && n == 0);
    EXPECT(avtal_result_output(NULL, NULL) == NULL);
    avtal_result_free(NULL);
    /* NULL with length 0 is an empty document: bad input, not a failed call. */
    r = NULL;
    EXPECT(avtal_check(NULL, 0, NULL, &r) == AVTAL_OK && r != NULL);
    EXPECT(avtal_result_exit_code(r) == AVTAL_EXIT_BAD_INPUT);
    avtal_result_free(r);
}

static void invalid_options(const char* doc, size_t len) {
    avtal_options o = AVTAL_OPTIONS_INIT;
    avtal_result* r = NULL;
    struct {
        avtal_options known;
        unsigned char newer[16];
    } grown;

    o.lang = 7;
    EXPECT(avtal_check(doc, len, &o, &r) == AVTAL_ERROR_INVALID_OPTION && r == NULL);
    o.lang = AVTAL_LANG_EN;
    o.format = -1;
    EXPECT(avtal_check(doc, len, &o, &r) == AVTAL_ERROR_INVALID_OPTION && r == NULL);
    o.format = AVTAL_FORMAT_JSON;
    o.date = "2024-02-30";
    o.date_len = 10;
    EXPECT(avtal_check(doc, len, &o, &r) == AVTAL_ERROR_INVALID_OPTION && r == NULL);
    o.date = NULL;
    o.date_len = 3; /* a length without a pointer */
    EXPECT(avtal_check(doc, len, &o, &r) == AVTAL_ERROR_INVALID_OPTION && r == NULL);
    o.date_len = 0;
    o.reserved = 1;
    EXPECT(avtal_check(doc, len, &o, &r) == AVTAL_ERROR_INVALID_OPTION && r == NULL);
    o.reserved = 0;
    o.size = 3; /* too small to hold even the first fields */
    EXPECT(avtal_check(doc, len, &o, &r) == AVTAL_ERROR_INVALID_OPTION && r == NULL);
    EXPECT(avtal_thresholds(&o, &r) == AVTAL_ERROR_INVALID_OPTION && r == NULL);

    /* A caller built against a newer, larger struct: zero tail accepted, a set unknown field refused. */
    memset(&grown, 0, sizeof grown);
    EXPECT(avtal_options_init(&grown.known) == AVTAL_OK);
    grown.known.size = sizeof grown;
    grown.known.format = AVTAL_FORMAT_JSON;
    EXPECT(avtal_check(doc, len, &grown.known, &r) == AVTAL_OK && r != NULL);
    EXPECT(avtal_result_exit_code(r) == AVTAL_EXIT_OK);
    avtal_result_free(r);
    r = NULL;
    grown.newer[5] = 1;
    EXPECT(avtal_check(doc, len, &grown.known, &r) == AVTAL_ERROR_INVALID_OPTION && r == NULL);

    /* An older, smaller struct: the fields it lacks keep their defaults. */
    o = (avtal_options)AVTAL_OPTIONS_INIT;
    o.format = AVTAL_FORMAT_JSON;
    o.date = "not a date"; /* beyond the caller's size: never read */
    o.date_len = 10;
    o.size = offsetof(avtal_options, reserved);
    EXPECT(avtal_check(doc, len, &o, &r) == AVTAL_OK && r != NULL);
    {
        size_t n = 0;
        const char* out = avtal_result_output(r, &n);
        EXPECT(contains(out, n, "\"assessment_date\":\"2024-03-01\""));
    }
    avtal_result_free(r);

    EXPECT(strcmp(avtal_status_string(AVTAL_OK), "ok") == 0);
    EXPECT(strlen(avtal_status_string(AVTAL_ERROR_INVALID_OPTION)) > 0);
    EXPECT(strcmp(avtal_status_string(99), "unknown status") == 0);
}

static void results(const char* doc, size_t len, const char* flawed, size_t flawed_len) {
    avtal_options o;
    avtal_result* r = NULL;
    size_t n = 0;
    const char* s;
    EXPECT(avtal_options_init(&o) == AVTAL_OK && o.size == sizeof(avtal_options));

    /* Defaults (NULL options): Swedish text, exit 0, the strings NUL-terminated. */
    EXPECT(avtal_check(doc, len, NULL, &r) == AVTAL_OK);
    EXPECT(avtal_result_exit_code(r) == AVTAL_EXIT_OK);
    s = avtal_result_output(r, &n);
    EXPECT(s != NULL && n > 0 && s[n] == '\0' && strlen(s) == n);
    EXPECT(contains(s, n, "Resultat: OK"));
    s = avtal_result_problems(r, &n);
    EXPECT(s != NULL && n == 0 && s[0] == '\0');
    s = avtal_result_errors(r, &n);
    EXPECT(s != NULL && n == 0);
    avtal_result_free(r);

    /* Violations, in English Markdown, with a date override. */
    o.lang = AVTAL_LANG_EN;
    o.format = AVTAL_FORMAT_MARKDOWN;
    o.date = "2024-06-01";
    o.date_len = 10;
    EXPECT(avtal_check(flawed, flawed_len, &o, &r) == AVTAL_OK);
    EXPECT(avtal_result_exit_code(r) == AVTAL_EXIT_VIOLATIONS);
    s = avtal_result_output(r, &n);
    EXPECT(contains(s, n, "2024-06-01") && contains(s, n, "# "));
    avtal_result_free(r);

    /* Bad input: exit 2, the problem as avtal-error/1 and as a line for a person, named after the source. */
    o = (avtal_options)AVTAL_OPTIONS_INIT;
    o.source = "mine.json";
    o.source_len = 9;
    EXPECT(avtal_check("{\"schema\": 1}", 13, &o, &r) == AVTAL_OK);
    EXPECT(avtal_result_exit_code(r) == AVTAL_EXIT_BAD_INPUT);
    s = avtal_result_problems(r, &n);
    EXPECT(contains(s, n, "\"schema\":\"avtal-error/1\"") && contains(s, n, "\"source\":\"mine.json\""));
    s = avtal_result_errors(r, &n);
    EXPECT(contains(s, n, "mine.json: "));
    avtal_result_free(r);

    /* A document with a NUL byte inside its length is bad input, not a shorter document. */
    EXPECT(avtal_check("{}\0{}", 5, NULL, &r) == AVTAL_OK);
    EXPECT(avtal_result_exit_code(r) == AVTAL_EXIT_BAD_INPUT);
    avtal_result_free(r);

    /* Explain, known and unknown. */
    EXPECT(avtal_explain("compensation.no_profit", 22, NULL, &r) == AVTAL_OK);
    EXPECT(avtal_result_exit_code(r) == AVTAL_EXIT_OK);
    s = avtal_result_output(r, &n);
    EXPECT(contains(s, n, "2 kap. 6 § kommunallagen"));
    avtal_result_free(r);
    EXPECT(avtal_explain("compensation.no_profitXYZ", 22, NULL, &r) == AVTAL_OK); /* the length rules, not the NUL */
    EXPECT(avtal_result_exit_code(r) == AVTAL_EXIT_OK);
    avtal_result_free(r);
    EXPECT(avtal_explain("party.nonsense", 14, NULL, &r) == AVTAL_OK);
    EXPECT(avtal_result_exit_code(r) == AVTAL_EXIT_BAD_INPUT);
    s = avtal_result_errors(r, &n);
    EXPECT(contains(s, n, "okänd regel party.nonsense"));
    avtal_result_free(r);

    /* Thresholds: built in, a bad table document, and a date outside the table. */
    o = (avtal_options)AVTAL_OPTIONS_INIT;
    o.date = "2024-03-01";
    o.date_len = 10;
    EXPECT(avtal_thresholds(&o, &r) == AVTAL_OK && avtal_result_exit_code(r) == AVTAL_EXIT_OK);
    s = avtal_result_output(r, &n);
    EXPECT(contains(s, n, "8\xc2\xa0" "109\xc2\xa0" "450\xc2\xa0kr")); /* non-breaking spaces */
    avtal_result_free(r);
    o.thresholds = "[]";
    o.thresholds_len = 2;
    o.thresholds_source = "reform.json";
    o.thresholds_source_len = 11;
    EXPECT(avtal_thresholds(&o, &r) == AVTAL_OK && avtal_result_exit_code(r) == AVTAL_EXIT_BAD_INPUT);
    s = avtal_result_errors(r, &n);
    EXPECT(contains(s, n, "reform.json: "));
    avtal_result_free(r);
    o.thresholds = NULL;
    o.thresholds_len = 0;
    o.date = "2010-01-01";
    EXPECT(avtal_thresholds(&o, &r) == AVTAL_OK && avtal_result_exit_code(r) == AVTAL_EXIT_BAD_INPUT);
    avtal_result_free(r);

    /* The method guide, in Markdown: step 2A is there. */
    o = (avtal_options)AVTAL_OPTIONS_INIT;
    o.format = AVTAL_FORMAT_MARKDOWN;
    EXPECT(avtal_guide(doc, len, &o, &r) == AVTAL_OK && avtal_result_exit_code(r) == AVTAL_EXIT_OK);
    s = avtal_result_output(r, &n);
    EXPECT(contains(s, n, "2A"));
    avtal_result_free(r);

    /* Allocate in JSON. */
    o = (avtal_options)AVTAL_OPTIONS_INIT;
    o.format = AVTAL_FORMAT_JSON;
    EXPECT(avtal_allocate(doc, len, &o, &r) == AVTAL_OK && avtal_result_exit_code(r) == AVTAL_EXIT_OK);
    s = avtal_result_output(r, &n);
    EXPECT(n > 2 && s[0] == '[' && contains(s, n, "\"amount\""));
    avtal_result_free(r);
}

int main(int argc, char** argv) {
    size_t len = 0, flawed_len = 0;
    char* doc;
    char* flawed;
    if (argc != 2) {
        fprintf(stderr, "usage: capi_contract AGREEMENTS_DIR\n");
        return 2;
    }
    doc = read_file(argv[1], "norrstrom-fjallviken.json", &len);
    flawed = read_file(argv[1], "flawed-overkompensation.json", &flawed_len);
    EXPECT(avtal_abi_version() == AVTAL_ABI_VERSION);
    EXPECT(strcmp(avtal_version(), AVTAL_EXPECTED_VERSION) == 0);
    null_arguments(doc, len);
    invalid_options(doc, len);
    results(doc, len, flawed, flawed_len);
    free(doc);
    free(flawed);
    if (failures) fprintf(stderr, "%d failure(s)\n", failures);
    else printf("capi contract: all checks passed\n");
    return failures ? 1 : 0;
}
