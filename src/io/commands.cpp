// The tools' commands as library calls (SPEC §10): the command line, the
// HTTP service and the C API all run these, so they answer alike.
#include <avtal/core/suggest.hpp>
#include <avtal/io/commands.hpp>
#include <avtal/io/json.hpp>
#include <avtal/io/messages.hpp>
#include <avtal/io/render.hpp>
#include <avtal/law/check.hpp>
#include <avtal/law/forms.hpp>
#include <avtal/law/method.hpp>

#include <algorithm>

#include <cctype>
#include <exception>
#include <optional>
#include <utility>
#include <vector>

namespace avtal {

namespace {

/// The rank of an exit code: bad input is worst, then violations, then incomplete.
int rank(int code) noexcept {
    switch (code) {
    case exit_bad_input: return 3;
    case exit_violations: return 2;
    case exit_incomplete: return 1;
    default: return 0;
    }
}

RenderOptions render_options(const CommandOptions& o, std::string_view sha = {}) {
    RenderOptions r;
    r.lang = o.lang;
    r.all = o.all;
    r.input_sha256 = sha;
    return r;
}

CommandResult bad_input(std::string message) {
    CommandResult r;
    r.exit_code = exit_bad_input;
    r.errors = std::move(message);
    if (!r.errors.empty() && r.errors.back() != '\n') r.errors += '\n';
    return r;
}

CommandResult unsupported(std::string_view command, Format f) {
    return bad_input("avtal: " + std::string{command} + " does not write " + std::string{to_string(f)});
}

/// Adds a document's problems: lines "source: path: message" in the
/// command's language to `errors`, and its avtal-error/1 line to `problems`.
void add_problems(CommandResult& r, Lang lang, std::string_view source, std::size_t index, std::string_view sha,
                  const std::vector<Problem>& problems) {
    for (const Problem& p : problems) r.errors += std::string{source} + ": " + p.to_string(lang) + "\n";
    r.problems += json::write_error(source, index, sha, problems, lang) + "\n";
}

/// The bad-input result of a document that could not be read.
CommandResult unreadable(Lang lang, std::string_view source, std::string_view sha, const std::vector<Problem>& problems) {
    CommandResult r;
    r.exit_code = exit_bad_input;
    add_problems(r, lang, source, 0, sha, problems);
    return r;
}

/// Every output ends with a newline.
CommandResult& ended(CommandResult& r) {
    if (!r.output.empty() && r.output.back() != '\n') r.output += '\n';
    return r;
}

/// The explanation trees of a report's listed findings, as text.
std::string explanations_text(const Report& report, const CommandOptions& options, bool markdown) {
    const bool sv = options.lang == Lang::sv;
    std::string out = markdown ? std::string{"\n## "} + (sv ? "Förklaringar" : "Explanations") + "\n\n```text\n"
                               : std::string{"\n"} + (sv ? "FÖRKLARINGAR" : "EXPLANATIONS") + "\n";
    RenderOptions ro;
    ro.lang = options.lang;
    for (const Finding& f : report.findings()) {
        if (f.status == Status::satisfied && f.rule->info().severity != Severity::info && !options.all) continue;
        const std::string path = subject_path(report, f);
        out += f.rule->id() + (path.empty() ? std::string{} : " (" + path + ")") + "\n";
        out += render_explanation(report.explain(f), ro);
    }
    if (markdown) out += "```\n";
    return out;
}

/// A skeleton agreement in which every fact a rule may read is unknown:
/// explaining a rule on it names the facts it reads.
Agreement skeleton() {
    Agreement a;
    a.id = "skeleton";
    a.assessment_date = Date{std::chrono::year{2024}, std::chrono::month{3}, std::chrono::day{1}};
    a.parties.resize(2);
    a.parties[0].id = "a";
    a.parties[1].id = "b";
    Task t;
    t.id = "t";
    t.contractor = "a";
    t.principals = std::vector<Id>{"b"};
    a.tasks = {t};
    Delegate d;
    d.task = "t";
    a.delegation.delegates = {d};
    return a;
}

/// The facts of an explanation tree, indices generalised to `*`.
void collect_facts(const Explanation& e, std::vector<std::string>& facts) {
    for (std::string m : e.missing) {
        std::string g;
        for (std::size_t i = 0; i < m.size(); ++i) {
            if (m[i] == '/' && i + 1 < m.size() && std::isdigit(static_cast<unsigned char>(m[i + 1]))) {
                g += "/*";
                ++i;
                while (i + 1 < m.size() && std::isdigit(static_cast<unsigned char>(m[i + 1]))) ++i;
            } else {
                g += m[i];
            }
        }
        if (std::find(facts.begin(), facts.end(), g) == facts.end()) facts.push_back(std::move(g));
    }
    for (const Explanation& c : e.children) collect_facts(c, facts);
}

/// Runs `f`, turning an escaped exception (an allocation failure, a money
/// overflow the validator did not catch) into bad input rather than a crash.
template <class F>
CommandResult guarded(F&& f) noexcept {
    try {
        return std::forward<F>(f)();
    } catch (const std::exception& e) {
        return bad_input(std::string{"avtal: internal error: "} + e.what());
    } catch (...) {
        return bad_input("avtal: internal error");
    }
}

/// The options of `check()` that a command's options set, for an agreement
/// the reader returned (which it validated: not validated again).
CheckOptions check_options_of(const CommandOptions& options) {
    CheckOptions c;
    c.date = options.date;
    c.thresholds = options.thresholds;
    c.validated = true;
    return c;
}

/// Runs `command` (guarded) on the one agreement of `input`: the format it
/// cannot write (`excluded`) and a document it cannot read are bad input.
template <class F>
CommandResult on_agreement(std::string_view name, std::optional<Format> excluded, const Input& input, const CommandOptions& options,
                           F&& command) noexcept {
    return guarded([&] {
        if (options.format == excluded) return unsupported(name, options.format);
        auto doc = json::read_agreement(input.bytes);
        if (!doc.agreement) return unreadable(options.lang, input.source, doc.input_sha256, doc.problems);
        return command(*doc.agreement);
    });
}

} // namespace

int worst_exit_code(int a, int b) noexcept { return rank(a) >= rank(b) ? a : b; }

CommandResult run_check(std::span<const Input> inputs, const CommandOptions& options, const OutputSink& sink, const OutputSink& error_sink) {
    return guarded([&] {
        CommandResult r;
        const CheckOptions check_options = check_options_of(options);
        std::size_t shown = 0, index = 0;
        std::string out;
        const auto flush = [&] {
            if (sink && !out.empty()) {
                sink(out);
                out.clear();
            }
        };
        for (const Input& input : inputs) {
            std::vector<json::ReadResult> docs = json::read_batch(input.bytes, input.source);
            if (docs.empty()) {
                // An empty batch ("[]") checks nothing: bad input, not a silent success.
                const std::vector<Problem> empty{
                    Problem{ProblemCode::empty_document, "", "no agreement: the batch is empty", "Inget avtal: listan är tom."}};
                if (options.format == Format::json) out += json::write_error(input.source, index, {}, empty, options.lang) + "\n";
                add_problems(r, options.lang, input.source, index++, {}, empty);
                r.exit_code = worst_exit_code(r.exit_code, exit_bad_input);
                if (error_sink) {
                    error_sink(r.errors);
                    r.errors.clear();
                }
                continue;
            }
            for (json::ReadResult& doc : docs) {
                const std::size_t i = index++;
                if (!doc.agreement) {
                    add_problems(r, options.lang, doc.source, i, doc.input_sha256, doc.problems);
                    // In JSON, the error object stands in the document's place:
                    // output line N belongs to input document N.
                    if (options.format == Format::json) out += json::write_error(doc.source, i, doc.input_sha256, doc.problems, options.lang) + "\n";
                    r.exit_code = worst_exit_code(r.exit_code, exit_bad_input);
                    if (error_sink) {
                        error_sink(r.errors);
                        r.errors.clear();
                    }
                    continue;
                }
                const Report report = check(*doc.agreement, check_options);
                r.exit_code = worst_exit_code(r.exit_code, exit_code(report.verdict()));
                // A large report goes to the sink as it is, not copied into
                // `out` first (a report of 10⁶ parties is hundreds of MB).
                const auto add = [&](std::string piece) {
                    if (sink && piece.size() > (1U << 16)) {
                        flush();
                        sink(piece);
                    } else if (out.empty()) {
                        out = std::move(piece);
                    } else {
                        out += piece;
                    }
                };
                if (options.format == Format::json) {
                    std::string line = json::write_report(report, {options.lang, options.all, options.explain}, doc.input_sha256);
                    line += '\n';
                    add(std::move(line));
                } else {
                    const RenderOptions ro = render_options(options, doc.input_sha256);
                    if (shown++ > 0) out += options.format == Format::markdown ? "\n---\n\n" : "\n" + std::string(80, '=') + "\n";
                    add(options.format == Format::markdown ? render_markdown(report, ro) : render_text(report, ro));
                    if (options.explain) add(explanations_text(report, options, options.format == Format::markdown));
                }
                if (out.size() > (1U << 16)) flush();
            }
        }
        if (!out.empty() && out.back() != '\n') out += '\n';
        flush();
        if (!sink) r.output = std::move(out);
        return r;
    });
}

CommandResult run_check(const Input& input, const CommandOptions& options, const OutputSink& sink, const OutputSink& error_sink) {
    return run_check(std::span<const Input>{&input, 1}, options, sink, error_sink);
}

CommandResult run_allocate(const Input& input, const CommandOptions& options) {
    return on_agreement("allocate", Format::markdown, input, options, [&](const Agreement& a) {
        CommandResult r;
        const Context ctx{a, options.date, options.thresholds};
        const auto lines = report_allocation(ctx);
        r.output =
            options.format == Format::json ? json::write_allocation(ctx, lines) + "\n" : render_allocation(ctx, lines, render_options(options));
        return ended(r);
    });
}

CommandResult run_thresholds(const CommandOptions& options) {
    return guarded([&] {
        if (options.format == Format::markdown) return unsupported("thresholds", options.format);
        const std::shared_ptr<const ThresholdTable> table = options.thresholds ? options.thresholds : builtin_thresholds();
        CommandResult r;
        if (options.format == Format::json) {
            ThresholdTable t;
            t.name = table->name;
            if (options.date) {
                for (const ThresholdRow* row : table->direct_award_rows(*options.date)) t.rows.push_back(*row);
            } else {
                t.rows = table->rows;
            }
            r.output = json::write_thresholds(t);
        } else {
            r.output = render_thresholds(*table, options.date, render_options(options));
        }
        if (options.date && table->direct_award_rows(*options.date).empty()) {
            r.exit_code = exit_bad_input;
            r.errors = "avtal: no confirmed direct-award limit for " + format_date(*options.date) + " in " + table->name + "\n";
        }
        return ended(r);
    });
}

CommandResult run_forms(const Input& input, const CommandOptions& options) {
    return guarded([&] {
        const auto needs = json::read_needs(input.bytes);
        if (!needs.need) return unreadable(options.lang, input.source, {}, needs.problems);
        const Recommendation rec = recommend_forms(*needs.need);
        CommandResult r;
        switch (options.format) {
        case Format::json: r.output = json::write_recommendation(rec, options.lang); break;
        case Format::markdown: r.output = render_recommendation_markdown(rec, render_options(options)); break;
        case Format::text: r.output = render_recommendation(rec, render_options(options)); break;
        }
        return ended(r);
    });
}

CommandResult run_guide(const Input& input, const CommandOptions& options) {
    return on_agreement("guide", std::nullopt, input, options, [&](const Agreement& a) {
        const Report report = check(a, check_options_of(options));
        const MethodProgress progress = method_progress({}, &report);
        CommandResult r;
        r.output = options.format == Format::json ? json::write_guide(progress, options.lang)
                                                  : render_guide(progress, render_options(options), options.format == Format::markdown);
        return ended(r);
    });
}

CommandResult run_explain(std::string_view id, const CommandOptions& options) {
    return guarded([&] {
        CommandResult r;
        const Agreement a = skeleton();
        if (const Rule* rule = find_rule(id)) {
            CheckOptions only;
            only.only = {std::string{id}};
            const Report report = check(a, only);
            std::vector<std::string> facts;
            std::optional<Explanation> tree;
            for (const Finding& f : report.findings()) {
                if (f.rule->id() != id) continue;
                Explanation e = report.explain(f);
                collect_facts(e, facts);
                if (!tree) tree = std::move(e);
            }
            r.output = render_rule(rule->info(), render_options(options), facts, tree ? &*tree : nullptr);
            return ended(r);
        }
        if (const auto* e = find_exception(id)) {
            const Context ctx{a};
            const Explanation tree = e->explain(TaskSubject{&ctx, 0});
            std::vector<std::string> facts;
            collect_facts(tree, facts);
            r.output = render_exception(e->info(), render_options(options), facts, &tree);
            return ended(r);
        }
        std::vector<std::string_view> known;
        for (const Rule& rule : builtin_rules()) known.push_back(rule.id());
        for (const auto& e : builtin_exceptions()) known.push_back(e.id());
        r.exit_code = exit_bad_input;
        const bool sv = options.lang == Lang::sv;
        r.errors = std::string{"avtal: "} + (sv ? "okänd regel " : "unknown rule ") + std::string{id};
        if (const auto near = nearest(id, known)) r.errors += std::string{sv ? " – menade du " : " – did you mean "} + std::string{*near} + "?";
        r.errors += sv ? "\nKända regler:" : "\nKnown rules:";
        for (std::string_view k : known) r.errors += " " + std::string{k};
        r.errors += "\n";
        return r;
    });
}

ThresholdLoad load_thresholds(std::string_view bytes, std::string_view name) {
    ThresholdLoad out;
    try {
        auto r = json::read_thresholds(bytes, name);
        if (!r.table) {
            for (const auto& p : r.problems) out.errors += std::string{name} + ": " + p.to_string() + "\n";
            return out;
        }
        if (r.extends_builtin)
            out.table = std::make_shared<const ThresholdTable>(builtin_thresholds()->extended_with(*r.table));
        else
            out.table = std::make_shared<const ThresholdTable>(std::move(*r.table));
    } catch (const std::exception& e) {
        out.table = nullptr;
        out.errors = std::string{name} + ": " + e.what() + "\n";
    }
    return out;
}

} // namespace avtal
