// The avtal command: check agreements, allocate costs, list thresholds,
// recommend forms of cooperation, show the method guide and explain rules
// (SPEC §10). It only parses arguments, reads files and dispatches: every
// command's work is a library call of avtal/io/commands.hpp, shared with the
// service and the C API.
#include <avtal/core/suggest.hpp>
#include <avtal/io/commands.hpp>
#include <avtal/law/check.hpp>

#include "serve/serve.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace {

using namespace avtal;

/// An option of the command line, its spellings and the commands it applies to.
struct Option {
    std::string_view name;  ///< Long spelling, without the dashes.
    char short_name;        ///< Short spelling (`-f`), or 0.
    std::string_view value; ///< What its value is called in the help, or empty for a flag.
    std::string_view help;  ///< One line of help.
};

constexpr std::array<Option, 12> options_table = {{
    {"format", 'f', "FORMAT", "output format: text (default), json or markdown (which ones, see each command)"},
    {"lang", 'l', "LANG", "language of the output: sv (Swedish, default) or en (English)"},
    {"all", 'a', "", "list satisfied findings too (info findings are always listed)"},
    {"explain", 0, "", "after each report, the full explanation tree of every finding listed"},
    {"date", 'd', "YYYY-MM-DD", "assess as of this date instead of each agreement's assessment_date"},
    {"thresholds", 't', "FILE",
     "replace the built-in direct-award limits with FILE's table, or extend them\n"
     "                          when FILE says \"extends\": \"builtin\" (a what-if reform)"},
    {"max-input-size", 0, "BYTES",
     "the largest document read (default 64M = 67108864 bytes; K, M and G\n"
     "                          suffixes); a larger one is bad input"},
    {"party", 0, "ID", "portfolio: the party whose annual report is written"},
    {"all-parties", 0, "", "portfolio: one report per party found, and a summary"},
    {"year", 0, "YYYY", "portfolio: the year reported (default: the latest assessment year)"},
    {"help", 'h', "", "this help"},
    {"version", 0, "", "the version of avtal and of its rules"},
}};

/// A command: its name, arguments, what it does, its options and formats.
struct CommandInfo {
    std::string_view name, args, summary;
    std::vector<std::string_view> options; ///< The long names it accepts (besides help).
    std::vector<std::string_view> formats; ///< The formats it writes.
};

const std::vector<CommandInfo>& command_table() {
    static const std::vector<CommandInfo> t = {
        {"check",
         "FILE...",
         "Checks each agreement (FILE may be '-' for standard input; a file may hold one agreement, a JSON\n"
         "array of agreements or JSON Lines) and prints its report. With --format json each document\n"
         "gives one line: its avtal-report/1, or an avtal-error/1 object in its place when it cannot be read.",
         {"format", "lang", "all", "explain", "date", "thresholds", "max-input-size"},
         {"text", "json", "markdown"}},
        {"allocate",
         "FILE",
         "Allocates the agreement's compensation over the parties, exact to the öre.",
         {"format", "lang", "date", "thresholds"},
         {"text", "json"}},
        {"thresholds",
         "",
         "Lists the direct-award limits (all rows, or those in force on --date).",
         {"format", "lang", "date", "thresholds"},
         {"text", "json"}},
        {"forms",
         "NEEDS.json",
         "Recommends forms of cooperation for a need (avtal-needs/1), best first (SKR 2023, Tabell 1).",
         {"format", "lang"},
         {"text", "json", "markdown"}},
        {"guide",
         "FILE",
         "Prints SKR's method guide (steps 1-4 with their checklist items) with the progress the check of\n"
         "the agreement decides, and the next step.",
         {"format", "lang", "date", "thresholds", "max-input-size"},
         {"text", "markdown", "json"}},
        {"portfolio",
         "FILE|FOLDER...",
         "Writes the board's annual report to the council on a party's avtalssamverkan (9 kap. 38 §\n"
         "kommunallagen) from every agreement read (a FOLDER: its *.json and *.jsonl files); a bad document\n"
         "is reported and the rest still read (exit code 2). Default format markdown.",
         {"format", "lang", "date", "thresholds", "max-input-size", "party", "all-parties", "year"},
         {"markdown", "text", "json", "html", "svg"}},
        {"explain",
         "RULE_ID",
         "Explains a rule or a procurement exception: its text, citation, the facts (JSON keys) it reads\nand how it is decided.",
         {"lang"},
         {"text"}},
    };
    return t;
}

const CommandInfo* find_command(std::string_view name) {
    for (const auto& c : command_table())
        if (c.name == name) return &c;
    return nullptr;
}

const Option* find_option(std::string_view name) {
    for (const auto& o : options_table)
        if (o.name == name) return &o;
    return nullptr;
}

const Option* find_short(char c) {
    for (const auto& o : options_table)
        if (o.short_name == c && c != 0) return &o;
    return nullptr;
}

std::string option_line(const Option& o) {
    std::string s = "  ";
    s += o.short_name ? std::string{"-"} + o.short_name + ", " : std::string{"    "};
    s += "--" + std::string{o.name};
    if (!o.value.empty()) s += "=" + std::string{o.value};
    if (s.size() < 26)
        s.append(26 - s.size(), ' ');
    else
        s += "\n" + std::string(26, ' ');
    return s + std::string{o.help} + "\n";
}

std::string general_help() {
    std::string s = "usage: avtal COMMAND [OPTION...] [ARGUMENT...]\n\n"
                    "Checks agreements on kommunal avtalssamverkan (9 kap. 37 § kommunallagen) against the law\n"
                    "and SKR's guidance.\n\nCommands:\n";
    for (const auto& c : command_table()) {
        std::string line = "  " + std::string{c.name} + " " + std::string{c.args};
        if (line.size() < 26) line.append(26 - line.size(), ' ');
        const std::string_view first = c.summary.substr(0, c.summary.find('\n'));
        s += line + std::string{first} + "\n";
    }
    s += "  serve [OPTION...]         Serves the commands over HTTP/JSON (options of its own: avtal serve --help).\n";
    s += "\nOptions (each command's --help says which apply):\n";
    for (const auto& o : options_table) s += option_line(o);
    s += "\nOptions take their value as --format=json, --format json or -f json.\n"
         "Exit codes: 0 ok, 1 violations, 2 bad input or usage, 3 incomplete (no violations, but a\n"
         "legal requirement could not be decided). With several agreements the worst code is\n"
         "returned: 2, then 1, then 3, then 0. Exit code 4: the output could not be written (e.g. a\n"
         "full disk).\n"
         "'avtal COMMAND --help' explains a command and its options.\n";
    return s;
}

std::string command_help(const CommandInfo& c) {
    std::string s = "usage: avtal " + std::string{c.name} + (c.args.empty() ? "" : " " + std::string{c.args}) + " [OPTION...]\n\n" +
                    std::string{c.summary} + "\n\nOptions:\n";
    for (const auto& o : options_table) {
        const bool applies = o.name == "help" || std::find(c.options.begin(), c.options.end(), o.name) != c.options.end();
        if (!applies) continue;
        if (o.name == "format") {
            std::string formats;
            for (auto f : c.formats) formats += (formats.empty() ? "" : ", ") + std::string{f};
            Option shown = o;
            const std::string help = "output format: " + formats + " (default text)";
            shown.help = help;
            s += option_line(shown);
        } else {
            s += option_line(o);
        }
    }
    s += "\nExit codes: 0 ok, 1 violations, 2 bad input or usage, 3 incomplete, 4 output not written.\n";
    return s;
}

struct Args {
    std::string command;
    std::vector<std::string> files;
    std::vector<std::string_view> given; ///< The long names of the options given.
    CommandOptions options;
    std::string thresholds_file;
    std::optional<std::string> format; ///< Checked once the command is known (portfolio has formats of its own).
    PortfolioCommand portfolio;
    bool help = false;
    bool version = false;
};

int usage_error(const std::string& what, const CommandInfo* command = nullptr) {
    std::cerr << "avtal: " << what << "\n";
    if (command)
        std::cerr << "usage: avtal " << command->name << (command->args.empty() ? "" : " ") << command->args << " [OPTION...]\n"
                  << "Try 'avtal " << command->name << " --help'.\n";
    else
        std::cerr << "usage: avtal COMMAND [OPTION...] [ARGUMENT...]\nTry 'avtal --help'.\n";
    return exit_bad_input;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& known, std::string_view prefix = {}) {
    const auto near = nearest(word, known);
    return near ? " – did you mean " + std::string{prefix} + std::string{*near} + "?" : std::string{};
}

/// The largest document read from a file or standard input (64 MiB unless
/// `--max-input-size` says otherwise): counted while reading, so that
/// `/dev/zero` or an endless pipe is refused instead of filling memory.
constexpr std::size_t default_max_input_size = std::size_t{64} << 20;
std::size_t max_input_size = default_max_input_size;

/// Reads all of `name` (`-`: standard input) into `out`, at most
/// `max_input_size` bytes; false after saying why on standard error.
bool read_file(const std::string& name, std::string& out) {
    const bool in = name == "-";
    std::FILE* f = in ? stdin : std::fopen(name.c_str(), "rb");
    if (!f) {
        std::cerr << "avtal: cannot read " << name << ": " << std::strerror(errno) << "\n";
        return false;
    }
    const auto close = [&] {
        if (!in) std::fclose(f);
    };
    struct stat st {};
    if (::fstat(::fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        std::cerr << "avtal: cannot read " << name << ": it is a directory, not a file\n";
        close();
        return false;
    }
    out.clear();
    // A regular file's size is known: one allocation instead of doubling (the
    // limit is still counted while reading, as the file may grow).
    if (S_ISREG(st.st_mode) && st.st_size > 0) out.reserve(std::min(static_cast<std::size_t>(st.st_size), max_input_size) + 1);
    std::array<char, std::size_t{1} << 16> buffer{};
    for (;;) {
        const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), f);
        if (n > max_input_size - out.size()) {
            std::cerr << "avtal: " << name << " is larger than the maximum document size of " << max_input_size
                      << " bytes (raise it with --max-input-size BYTES)\n";
            close();
            return false;
        }
        out.append(buffer.data(), n);
        if (n < buffer.size()) break;
    }
    const bool failed = std::ferror(f) != 0;
    if (failed) std::cerr << "avtal: cannot read " << name << ": " << std::strerror(errno) << "\n";
    close();
    return !failed;
}

/// Parses `--max-input-size`: bytes, or with a K, M or G suffix (powers of 1024).
std::optional<std::size_t> parse_size(std::string_view v) {
    std::size_t shift = 0;
    if (!v.empty() && (v.back() == 'K' || v.back() == 'M' || v.back() == 'G')) {
        shift = v.back() == 'K' ? 10 : v.back() == 'M' ? 20 : 30;
        v.remove_suffix(1);
    }
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (v.empty() || ec != std::errc{} || end != v.data() + v.size() || n == 0 || n > (SIZE_MAX >> shift)) return std::nullopt;
    return n << shift;
}

/// Exit code: the output could not be written (a full disk, a closed pipe).
constexpr int exit_write_error = 4;

void write_out(std::string_view s) {
    if (!s.empty()) std::fwrite(s.data(), 1, s.size(), stdout);
}

/// Writes a command's output and errors; returns its exit code.
int finish(const CommandResult& r) {
    write_out(r.output);
    std::cerr << r.errors;
    return r.exit_code;
}

/// Reads `--thresholds FILE` into the options; false (after saying why) if it cannot.
bool load_thresholds_file(Args& args) {
    if (args.thresholds_file.empty()) return true;
    std::string text;
    if (!read_file(args.thresholds_file, text)) return false;
    ThresholdLoad load = load_thresholds(text, args.thresholds_file);
    std::cerr << load.errors;
    args.options.thresholds = std::move(load.table);
    return args.options.thresholds != nullptr;
}

/// Reads the one FILE of a command (`what` names it in the usage error).
std::optional<std::string> read_single(const Args& args, const CommandInfo& c, const char* what, int& code) {
    if (args.files.size() != 1) {
        code = usage_error(what, &c);
        return std::nullopt;
    }
    std::string text;
    if (!read_file(args.files[0], text)) {
        code = exit_bad_input;
        return std::nullopt;
    }
    return text;
}

int cmd_check(const Args& args, const CommandInfo& c) {
    if (args.files.empty()) return usage_error("check needs at least one FILE (or - for standard input)", &c);
    int code = exit_ok;
    std::vector<std::string> texts;
    std::vector<Input> inputs;
    texts.reserve(args.files.size());
    for (const std::string& file : args.files) {
        std::string text;
        if (!read_file(file, text)) {
            code = worst_exit_code(code, exit_bad_input);
            continue;
        }
        texts.push_back(std::move(text));
        inputs.push_back(Input{file, texts.back()});
    }
    const CommandResult r = run_check(
        inputs, args.options, [](std::string_view piece) { write_out(piece); }, [](std::string_view problems) { std::cerr << problems; });
    return worst_exit_code(code, r.exit_code);
}

int cmd_allocate(const Args& args, const CommandInfo& c) {
    int code = exit_ok;
    const auto text = read_single(args, c, "allocate needs exactly one FILE", code);
    return text ? finish(run_allocate(Input{args.files[0], *text}, args.options)) : code;
}

int cmd_forms(const Args& args, const CommandInfo& c) {
    int code = exit_ok;
    const auto text = read_single(args, c, "forms needs exactly one NEEDS.json", code);
    return text ? finish(run_forms(Input{args.files[0], *text}, args.options)) : code;
}

int cmd_guide(const Args& args, const CommandInfo& c) {
    int code = exit_ok;
    const auto text = read_single(args, c, "guide needs exactly one FILE", code);
    return text ? finish(run_guide(Input{args.files[0], *text}, args.options)) : code;
}

int cmd_explain(const Args& args, const CommandInfo& c) {
    if (args.files.size() != 1) return usage_error("explain needs exactly one RULE_ID", &c);
    return finish(run_explain(args.files[0], args.options));
}

/// A FOLDER's agreements: its *.json and *.jsonl files, sorted by name.
std::vector<std::string> expand(const std::vector<std::string>& names) {
    std::vector<std::string> out;
    for (const std::string& n : names) {
        std::error_code ec;
        if (n == "-" || !std::filesystem::is_directory(n, ec)) {
            out.push_back(n);
            continue;
        }
        std::vector<std::string> found;
        for (const auto& e : std::filesystem::directory_iterator{n, ec}) {
            const auto ext = e.path().extension();
            if (e.is_regular_file(ec) && (ext == ".json" || ext == ".jsonl")) found.push_back(e.path().string());
        }
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

int cmd_portfolio(const Args& args, const CommandInfo& c) {
    if (args.files.empty()) return usage_error("portfolio needs at least one FILE or FOLDER (or - for standard input)", &c);
    if (!args.portfolio.all_parties && args.portfolio.party.empty()) return usage_error("portfolio needs --party ID or --all-parties", &c);
    int code = exit_ok;
    std::vector<std::string> texts, sources;
    const std::vector<std::string> files = expand(args.files);
    texts.reserve(files.size());
    sources.reserve(files.size());
    for (const std::string& file : files) {
        std::string text;
        if (!read_file(file, text)) {
            code = exit_bad_input;
            continue;
        }
        texts.push_back(std::move(text));
        sources.push_back(file);
    }
    std::vector<Input> inputs;
    for (std::size_t i = 0; i < texts.size(); ++i) inputs.push_back(Input{sources[i], texts[i]});
    return worst_exit_code(code, finish(run_portfolio(inputs, args.portfolio, args.options, write_out)));
}

int cmd_thresholds(const Args& args, const CommandInfo& c) {
    if (!args.files.empty()) return usage_error("thresholds takes no FILE", &c);
    return finish(run_thresholds(args.options));
}

/// Sets option `o` (given as `spelled`) to `value`; an error message, or empty.
std::string apply(Args& args, const Option& o, const std::string& spelled, const std::optional<std::string>& value) {
    if (!o.value.empty() && !value) return spelled + " needs a value (" + std::string{o.value} + ")";
    if (o.value.empty() && value) return spelled + " takes no value";
    args.given.push_back(o.name);
    if (o.name == "help") {
        args.help = true;
    } else if (o.name == "version") {
        args.version = true;
    } else if (o.name == "all") {
        args.options.all = true;
    } else if (o.name == "explain") {
        args.options.explain = true;
    } else if (o.name == "format") {
        args.format = *value;
    } else if (o.name == "party") {
        if (value->empty()) return spelled + " needs a party ID";
        args.portfolio.party = *value;
    } else if (o.name == "all-parties") {
        args.portfolio.all_parties = true;
    } else if (o.name == "year") {
        std::int32_t y = 0;
        const char* end = value->data() + value->size();
        if (value->size() != 4 || std::from_chars(value->data(), end, y).ptr != end) return spelled + " needs a year YYYY";
        args.portfolio.year = y;
    } else if (o.name == "lang") {
        if (*value != "sv" && *value != "en") return spelled + " needs sv or en, not " + *value;
        args.options.lang = *value == "sv" ? Lang::sv : Lang::en;
    } else if (o.name == "date") {
        args.options.date = parse_date(*value);
        if (!args.options.date) return "invalid date " + *value + " (expected an existing date YYYY-MM-DD)";
    } else if (o.name == "thresholds") {
        args.thresholds_file = *value;
    } else if (o.name == "max-input-size") {
        const auto n = parse_size(*value);
        if (!n) return spelled + " needs a number of bytes (e.g. 67108864, 64M or 1G)";
        max_input_size = *n;
    }
    return {};
}

int run(int argc, char** argv) {
    Args args;
    std::vector<std::string> words(argv + 1, argv + argc);
    if (words.empty()) {
        std::cerr << general_help();
        return exit_bad_input;
    }
    // The service takes options of its own (avtal serve --help).
    if (words[0] == "serve") return serve_main(std::span<const std::string>{words}.subspan(1));
    std::vector<std::string_view> long_names;
    long_names.reserve(options_table.size());
    for (const auto& o : options_table) long_names.push_back(o.name);
    bool only_arguments = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        const auto next = [&]() -> std::optional<std::string> {
            if (i + 1 >= words.size()) return std::nullopt;
            return words[++i];
        };
        std::string error;
        if (only_arguments || w == "-" || w.empty() || w[0] != '-') {
            if (args.command.empty())
                args.command = w;
            else
                args.files.push_back(w);
            continue;
        }
        if (w == "--") {
            only_arguments = true;
            continue;
        }
        if (w.size() > 2 && w[1] == '-') { // --name, --name=value, --name value
            const std::size_t eq = w.find('=');
            const std::string name = w.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
            const Option* o = find_option(name);
            if (!o) return usage_error("unknown option --" + name + did_you_mean(name, long_names, "--"), find_command(args.command));
            std::optional<std::string> value;
            if (eq != std::string::npos)
                value = w.substr(eq + 1);
            else if (!o->value.empty())
                value = next();
            error = apply(args, *o, "--" + name, value);
        } else { // -f VALUE, -fVALUE, -a
            const Option* o = find_short(w[1]);
            if (!o) return usage_error("unknown option " + w + did_you_mean(w.substr(1), long_names, "--"), find_command(args.command));
            std::optional<std::string> value;
            if (!o->value.empty())
                value = w.size() > 2 ? std::optional{w.substr(2)} : next();
            else if (w.size() > 2)
                return usage_error("unknown option " + w, find_command(args.command));
            error = apply(args, *o, std::string{"-"} + o->short_name, value);
        }
        if (!error.empty()) return usage_error(error, find_command(args.command));
    }
    if (args.version) {
        std::cout << "avtal " << library_version << " (rules " << rules_version << ")\n";
        return exit_ok;
    }
    if (args.command == "help") {
        if (args.files.empty()) {
            std::cout << general_help();
            return exit_ok;
        }
        args.command = args.files[0];
        args.files.clear();
        args.help = true;
    }
    if (args.command.empty()) {
        if (args.help) {
            std::cout << general_help();
            return exit_ok;
        }
        return usage_error("missing command");
    }
    const CommandInfo* c = find_command(args.command);
    if (!c) {
        std::vector<std::string_view> names;
        for (const auto& k : command_table()) names.push_back(k.name);
        return usage_error("unknown command " + args.command + did_you_mean(args.command, names));
    }
    if (args.help) {
        std::cout << command_help(*c);
        return exit_ok;
    }
    for (std::string_view g : args.given)
        if (std::find(c->options.begin(), c->options.end(), g) == c->options.end())
            return usage_error("--" + std::string{g} + " does not apply to avtal " + std::string{c->name}, c);
    if (args.format && std::find(c->formats.begin(), c->formats.end(), std::string_view{*args.format}) == c->formats.end()) {
        const bool known = c->name == "portfolio" || enum_from_string<Format>(*args.format).has_value();
        std::string all;
        for (auto f : c->formats) all += (all.empty() ? "" : ", ") + std::string{f};
        return usage_error(known ? "avtal " + std::string{c->name} + " does not write " + *args.format
                                 : "unknown format " + *args.format + did_you_mean(*args.format, c->formats) + " (" + all + ")",
                           c);
    }
    if (c->name == "portfolio") {
        if (args.format) args.portfolio.format = *args.format;
    } else if (args.format) {
        args.options.format = *enum_from_string<Format>(*args.format);
    }
    using Command = int (*)(const Args&, const CommandInfo&);
    static constexpr std::pair<std::string_view, Command> commands[] = {
        {"check", cmd_check}, {"allocate", cmd_allocate}, {"thresholds", cmd_thresholds}, {"explain", cmd_explain},
        {"forms", cmd_forms}, {"guide", cmd_guide},       {"portfolio", cmd_portfolio},
    };
    for (const auto& [name, run] : commands) {
        if (name != c->name) continue;
        if (!load_thresholds_file(args)) return exit_bad_input;
        return run(args, *c);
    }
    return usage_error("unknown command " + args.command);
}

} // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    const int code = run(argc, argv);
    // Every write and the final flush are checked: a report that could not
    // be written is never a silent success.
    std::cout.flush();
    if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0 || !std::cout) {
        std::cerr << "avtal: cannot write the output: " << std::strerror(errno != 0 ? errno : EIO) << "\n";
        return exit_write_error;
    }
    return code;
}
