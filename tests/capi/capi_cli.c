/* A small command line over the C API alone, for the byte-identity test
 * (same_as_cli.sh): `capi_cli COMMAND [FILE|RULE_ID] [--format F] [--lang L]
 * [--all] [--date D] [--thresholds FILE]` writes the result's output to
 * standard output, its errors to standard error and exits with its exit
 * code, as the avtal command does for one input. */
#include <avtal/avtal.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char* slurp(const char* name, size_t* len) {
    FILE* f = strcmp(name, "-") == 0 ? stdin : fopen(name, "rb");
    size_t cap = 1 << 16, n = 0, got;
    char* buf = malloc(cap);
    if (!f || !buf) {
        fprintf(stderr, "avtal: cannot read %s\n", name);
        exit(2);
    }
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char* bigger = realloc(buf, cap *= 2);
            if (!bigger) exit(2);
            buf = bigger;
        }
    }
    if (f != stdin) fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char** argv) {
    avtal_options o = AVTAL_OPTIONS_INIT;
    const char* command;
    const char* arg = NULL;
    char* doc = NULL;
    char* thresholds = NULL;
    size_t len = 0, n = 0;
    avtal_result* r = NULL;
    avtal_status st;
    const char* s;
    int i, code;
    if (argc < 2) return 2;
    command = argv[1];
    for (i = 2; i < argc; ++i) {
        const char* w = argv[i];
        if (strcmp(w, "--all") == 0) {
            o.all = 1;
        } else if (i + 1 < argc && strcmp(w, "--format") == 0) {
            const char* f = argv[++i];
            o.format = strcmp(f, "json") == 0 ? AVTAL_FORMAT_JSON : strcmp(f, "markdown") == 0 ? AVTAL_FORMAT_MARKDOWN : AVTAL_FORMAT_TEXT;
        } else if (i + 1 < argc && strcmp(w, "--lang") == 0) {
            o.lang = strcmp(argv[++i], "en") == 0 ? AVTAL_LANG_EN : AVTAL_LANG_SV;
        } else if (i + 1 < argc && strcmp(w, "--date") == 0) {
            o.date = argv[++i];
            o.date_len = strlen(o.date);
        } else if (i + 1 < argc && strcmp(w, "--thresholds") == 0) {
            o.thresholds_source = argv[++i];
            o.thresholds_source_len = strlen(o.thresholds_source);
            thresholds = slurp(o.thresholds_source, &o.thresholds_len);
            o.thresholds = thresholds;
        } else {
            arg = w;
        }
    }
    if (arg) {
        o.source = arg;
        o.source_len = strlen(arg);
    }
    if (strcmp(command, "thresholds") == 0) {
        st = avtal_thresholds(&o, &r);
    } else if (strcmp(command, "explain") == 0) {
        st = avtal_explain(arg, arg ? strlen(arg) : 0, &o, &r);
    } else {
        if (!arg) return 2;
        doc = slurp(arg, &len);
        if (strcmp(command, "check") == 0) st = avtal_check(doc, len, &o, &r);
        else if (strcmp(command, "allocate") == 0) st = avtal_allocate(doc, len, &o, &r);
        else if (strcmp(command, "forms") == 0) st = avtal_forms(doc, len, &o, &r);
        else if (strcmp(command, "guide") == 0) st = avtal_guide(doc, len, &o, &r);
        else return 2;
    }
    if (st != AVTAL_OK) {
        fprintf(stderr, "capi_cli: %s\n", avtal_status_string(st));
        return 100 + (int)st;
    }
    s = avtal_result_output(r, &n);
    fwrite(s, 1, n, stdout);
    s = avtal_result_errors(r, &n);
    fwrite(s, 1, n, stderr);
    code = avtal_result_exit_code(r);
    avtal_result_free(r);
    free(doc);
    free(thresholds);
    return code;
}
