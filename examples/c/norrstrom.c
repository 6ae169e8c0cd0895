/* Checks the bundled Norrström–Fjällviken agreement through the C API and
 * prints the Markdown memo (tjänsteskrivelse). Only <avtal/avtal.h>:
 *   cc norrstrom.c $(pkg-config --cflags --libs avtal) -o norrstrom
 *   ./norrstrom examples/agreements/norrstrom-fjallviken.json
 * docs/other-languages.md shows it from the include on (ctest keeps them equal). */
// docs:begin other-languages
#include <avtal/avtal.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char** argv) {
    FILE* f;
    char* json;
    long len;
    avtal_options opt = AVTAL_OPTIONS_INIT;
    avtal_result* result = NULL;
    avtal_status status;
    const char* text;
    size_t text_len;
    int code;

    if (argc != 2 || !(f = fopen(argv[1], "rb"))) {
        fprintf(stderr, "usage: norrstrom AGREEMENT.json\n");
        return 2;
    }
    fseek(f, 0, SEEK_END);
    len = ftell(f);
    rewind(f);
    json = malloc((size_t)len);
    if (!json || fread(json, 1, (size_t)len, f) != (size_t)len) return 2;
    fclose(f);

    opt.format = AVTAL_FORMAT_MARKDOWN;
    opt.source = argv[1]; /* named in messages about bad input */
    opt.source_len = strlen(argv[1]);
    status = avtal_check(json, (size_t)len, &opt, &result);
    free(json); /* the library keeps no pointer into it */
    if (status != AVTAL_OK) {
        fprintf(stderr, "avtal_check: %s\n", avtal_status_string(status));
        return 2;
    }
    text = avtal_result_output(result, &text_len);
    fwrite(text, 1, text_len, stdout);
    text = avtal_result_errors(result, &text_len); /* bad input, for a person */
    fwrite(text, 1, text_len, stderr);
    code = avtal_result_exit_code(result); /* 0 ok, 1 violations, 2 bad input, 3 incomplete */
    avtal_result_free(result);
    printf("(avtal %s, exit code %d)\n", avtal_version(), code);
    return code;
}
// docs:end other-languages
