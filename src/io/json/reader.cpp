// The reader of avtal/1 agreements: every problem of a document with its
// JSON path, and nothing half-read.
#include "dom.hpp"
#include "fields.hpp"

#include <avtal/core/date.hpp>
#include <avtal/core/enum.hpp>
#include <avtal/core/suggest.hpp>
#include <avtal/io/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>
#include <limits>
#include <regex>
#include <utility>

namespace avtal::json {

namespace {

using detail::Node;
using Kind = Node::Kind;

/// The Swedish name (definite form, capitalised) of a quantity the reader
/// names in English, for the start of a Swedish message.
std::string sv_name(std::string_view what) {
    if (what == "percentage") return "Procentsatsen";
    if (what == "population") return "Invånarantalet";
    if (what == "months") return "Antalet månader";
    if (what == "weight") return "Vikten";
    if (what == "share") return "Andelen";
    return "Talet";
}

/// `s` without the spaces around it.
std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

/// The number of a string that writes a percentage ("2%", "2 %", "2,5 procent")
/// as a JSON number for {"percent": …}; none for anything else.
std::optional<std::string> percent_written_as_amount(const Node& n) {
    if (n.kind != Kind::string) return std::nullopt;
    std::string_view s = trim_spaces(n.text);
    if (s.ends_with('%'))
        s.remove_suffix(1);
    else if (s.ends_with("procent"))
        s.remove_suffix(7);
    else
        return std::nullopt;
    s = trim_spaces(s);
    if (s.empty() || s.find_first_not_of("0123456789.,") != std::string_view::npos || !std::isdigit(static_cast<unsigned char>(s.front())))
        return std::nullopt;
    std::string number{s};
    std::replace(number.begin(), number.end(), ',', '.');
    return number;
}

/// `s` in lower case: ASCII letters and the Swedish Å, Ä, Ö (UTF-8).
std::string lower_sv(std::string_view s) {
    std::string out{s};
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto c = static_cast<unsigned char>(out[i]);
        if (c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c - 'A' + 'a');
        if (c == 0xC3 && i + 1 < out.size()) {
            const auto d = static_cast<unsigned char>(out[i + 1]);
            if (d == 0x85 || d == 0x84 || d == 0x96) out[i + 1] = static_cast<char>(d + 0x20); // Å Ä Ö → å ä ö
        }
    }
    return out;
}

/// The Swedish words an official may write for a value ("kommun",
/// "myndighetsutövning"), lower case, each with the value avtal/1 spells in
/// English; a word stands for the value of that name in the field's enum.
constexpr std::array<std::pair<std::string_view, std::string_view>, 37> swedish_values{{
    {"kommun", "municipality"},
    {"landsting", "region"},
    {"kommunalförbund", "municipal_federation"},
    {"förbund", "municipal_federation"},
    {"kommunalt bolag", "municipal_company"},
    {"bolag", "municipal_company"},
    {"privat aktör", "private_company"},
    {"företag", "private_company"},
    {"statlig myndighet", "state_agency"},
    {"myndighetsutövning", "exercise_of_authority"},
    {"tjänst", "service"},
    {"insats", "service"},
    {"socialtjänst", "social_services"},
    {"familjerätt", "family_law"},
    {"äldreomsorg", "elderly_care"},
    {"funktionshinder", "disability"},
    {"lss", "disability"},
    {"barn och unga", "children_and_youth"},
    {"missbruk", "addiction"},
    {"missbruks- och beroendevård", "addiction"},
    {"hälso- och sjukvård", "health_care"},
    {"sjukvård", "health_care"},
    {"utbildning", "education"},
    {"plan- och byggfrågor", "planning_and_building"},
    {"miljö- och hälsoskydd", "environment"},
    {"personaladministration", "hr"},
    {"avfall", "waste"},
    {"annat", "other"},
    {"sociala tjänster", "social_and_other_specific"},
    {"välfärdstjänster", "welfare"},
    {"tjänster", "general"},
    {"fullmäktige", "council"},
    {"kommunfullmäktige", "council"},
    {"nämnd", "committee"},
    {"kommunstyrelsen", "committee"},
    {"invånarantal", "population"},
    {"fasta andelar", "fixed_shares"},
}};

/// The value among `names` that a Swedish word for it names, if `text` is one.
std::optional<std::string_view> swedish_value(std::string_view text, const std::vector<std::string_view>& names) {
    const std::string t = lower_sv(trim_spaces(text));
    for (const auto& [sv, en] : swedish_values)
        if (sv == t && std::find(names.begin(), names.end(), en) != names.end()) return en;
    return std::nullopt;
}

/// A date as people write it in Sweden and nearby ("1/3 2024", "1/3-2024",
/// "1.3.2024", "2024/03/01", "2024-3-1", "20240301", "1 mars 2024"), read
/// day before month; none when the text is no such date or the date does
/// not exist.
std::optional<Date> person_date(std::string_view text) {
    static const std::regex day_month_year{R"(^\s*(\d{1,2})\s*[/.]\s*(\d{1,2})\s*[ /.-]\s*(\d{4})\s*$)"};
    static const std::regex year_month_day{R"(^\s*(\d{4})\s*[/. -]\s*(\d{1,2})\s*[/. -]\s*(\d{1,2})\s*$)"};
    static const std::regex compact{R"(^\s*(\d{4})(\d{2})(\d{2})\s*$)"};
    static const std::regex named{
        R"(^\s*(\d{1,2})\s*(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\s+(\d{4})\s*$)",
        std::regex::icase};
    static constexpr std::array<std::string_view, 12> months{"januari", "februari", "mars",      "april",   "maj",      "juni",
                                                             "juli",    "augusti",  "september", "oktober", "november", "december"};
    const std::string s{text};
    std::smatch m;
    int y = 0, mo = 0, d = 0;
    if (std::regex_match(s, m, day_month_year)) {
        d = std::stoi(m[1]), mo = std::stoi(m[2]), y = std::stoi(m[3]);
    } else if (std::regex_match(s, m, year_month_day) || std::regex_match(s, m, compact)) {
        y = std::stoi(m[1]), mo = std::stoi(m[2]), d = std::stoi(m[3]);
    } else if (std::regex_match(s, m, named)) {
        std::string name = m[2];
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        d = std::stoi(m[1]), y = std::stoi(m[3]);
        mo = static_cast<int>(std::find(months.begin(), months.end(), name) - months.begin()) + 1;
    } else {
        return std::nullopt;
    }
    const Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(mo)}, std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok()) return std::nullopt;
    return date;
}

/// A JSON path built only when a problem names it: the reader passes one to
/// every value it reads, and almost every value is fine. A path refers to
/// its parent (and a root to the text it was made from): make a child of a
/// path that outlives it, never of a temporary (the rvalue overloads are
/// deleted for that).
class Path {
  public:
    Path(const char* root) noexcept : text_{root} {}        // NOLINT(google-explicit-constructor): a root written as text
    Path(std::string_view root) noexcept : text_{root} {}   // NOLINT(google-explicit-constructor)
    Path(const std::string& root) noexcept : text_{root} {} // NOLINT(google-explicit-constructor)

    /// The child at `segment`, written as it is (a key of the format, or
    /// several joined by '/').
    Path operator/(std::string_view segment) const& noexcept { return Path{this, Kind::literal, segment, 0}; }
    /// The element at `index` of an array.
    Path operator/(std::size_t index) const& noexcept { return Path{this, Kind::index, {}, index}; }
    /// The child at a key from the document (escaped as RFC 6901 says).
    [[nodiscard]] Path key(std::string_view k) const& noexcept { return Path{this, Kind::key, k, 0}; }
    Path operator/(std::string_view) const&& = delete;
    Path operator/(std::size_t) const&& = delete;
    Path key(std::string_view) const&& = delete;

    /// The path as text ("/tasks/0/annual_value").
    [[nodiscard]] std::string str() const {
        std::string s;
        append_to(s);
        return s;
    }

  private:
    enum class Kind : unsigned char { root, literal, key, index };
    Path(const Path* parent, Kind kind, std::string_view text, std::size_t index) noexcept
        : parent_{parent}, text_{text}, index_{index}, kind_{kind} {}
    void append_to(std::string& s) const {
        if (parent_) parent_->append_to(s);
        switch (kind_) {
        case Kind::root: s += text_; break;
        case Kind::literal:
            s += '/';
            s += text_;
            break;
        case Kind::key:
            s += '/';
            s += detail::pointer_escape(text_);
            break;
        case Kind::index:
            s += '/';
            s += std::to_string(index_);
            break;
        }
    }
    const Path* parent_ = nullptr;
    std::string_view text_;
    std::size_t index_ = 0;
    Kind kind_ = Kind::root;
};

/// Reads typed values from the document model, collecting problems.
class Reader {
  public:
    explicit Reader(std::vector<Problem>& problems) : problems_{problems} {}

    void error(ProblemCode code, const Path& path, std::string message, std::string message_sv = {}) {
        problems_.push_back({code, path.str(), std::move(message), std::move(message_sv)});
    }
    void error(Problem p) { problems_.push_back(std::move(p)); }

    bool expect(const Node& n, Kind k, const Path& path) {
        if (n.kind == k) return true;
        error(ProblemCode::wrong_type, path, std::string{"expected "} + detail::kind_name(k) + ", got " + detail::kind_name(n.kind),
              std::string{"Fel typ av värde: här ska det stå "} + detail::kind_name_sv(k) + ", inte " + detail::kind_name_sv(n.kind) + ".");
        return false;
    }

    /// "unknown key" with the nearest allowed key, or the allowed keys.
    void unknown_key(const Path& path, std::string_view k, const std::vector<std::string_view>& allowed) {
        const std::string key{k};
        if (const auto near = nearest(k, allowed)) {
            const std::string n{*near};
            error(ProblemCode::unknown_key, path, "unknown key \"" + key + "\": did you mean \"" + n + "\"?",
                  "Okänd nyckel \"" + key + "\". Menade du \"" + n + "\"?");
            return;
        }
        std::string list;
        for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string{a};
        error(ProblemCode::unknown_key, path, "unknown key \"" + key + "\" (allowed here: " + list + ")",
              "Okänd nyckel \"" + key + "\". Tillåtna nycklar här: " + list + ".");
    }
    void repeated_key(const Path& path, std::string_view k) {
        error(ProblemCode::repeated_key, path, "repeated key \"" + std::string{k} + "\"",
              "Nyckeln \"" + std::string{k} + "\" står mer än en gång i samma objekt.");
    }

    /// Checks an object's keys against its field table (fields.hpp), whose
    /// keys are the allowed ones; returns false when `n` is not an object.
    bool object(const Node& n, const Path& path, const detail::Fields& fields) {
        return object_of(
            n, path, [&](std::string_view k) { return fields.has(k); }, [&] { return fields.keys(); });
    }
    /// Checks an object's keys against the allowed ones; returns false when
    /// `n` is not an object.
    bool object(const Node& n, const Path& path, std::initializer_list<std::string_view> allowed) {
        return object_of(
            n, path, [&](std::string_view k) { return std::find(allowed.begin(), allowed.end(), k) != allowed.end(); },
            [&] { return std::vector<std::string_view>{allowed}; });
    }
    /// Checks an object's keys by `has(key)`; `keys()` lists the allowed
    /// ones for the message. Returns false when `n` is not an object.
    template <class Has, class Keys>
    bool object_of(const Node& n, const Path& path, Has&& has, Keys&& keys) {
        if (!expect(n, Kind::object, path)) return false;
        for (const auto& [k, v] : n.members)
            if (!has(std::string_view{k})) unknown_key(path.key(k), k, keys());
        for (const auto& k : n.repeated_keys) repeated_key(path.key(k), k);
        return true;
    }

    static const Node* get(const Node& obj, std::string_view key) { return obj.find(key); }
    static bool present(const Node* n) { return n && n->kind != Kind::null; }

    std::string str(const Node* n, const Path& path) {
        if (!present(n)) return {};
        if (!expect(*n, Kind::string, path)) return {};
        return std::string{n->text};
    }
    std::optional<std::string> opt_str(const Node* n, const Path& path) {
        if (!present(n)) return std::nullopt;
        if (!expect(*n, Kind::string, path)) return std::nullopt;
        return std::string{n->text};
    }
    std::optional<bool> opt_bool(const Node* n, const Path& path) {
        if (!present(n)) return std::nullopt;
        if (!expect(*n, Kind::boolean, path)) return std::nullopt;
        return n->boolean;
    }
    template <class E>
    std::optional<E> opt_enum(const Node* n, const Path& path) {
        if (!present(n)) return std::nullopt;
        if (!expect(*n, Kind::string, path)) return std::nullopt;
        if (auto e = enum_from_string<E>(n->text)) return e;
        std::string expected;
        std::vector<std::string_view> names;
        for_each_enumerator<E>([&](E e) {
            names.push_back(to_string(e));
            expected += (expected.empty() ? "" : ", ") + std::string{to_string(e)};
        });
        const std::string v{n->text};
        const auto sv = swedish_value(n->text, names);
        if (const auto near = sv ? sv : nearest(n->text, names)) {
            const std::string m{*near};
            error(ProblemCode::bad_enum, path, "unknown value \"" + v + "\": did you mean \"" + m + "\"? (expected one of: " + expected + ")",
                  "Okänt värde \"" + v + "\". Menade du \"" + m + "\"? Tillåtna värden: " + expected + ".");
        } else {
            error(ProblemCode::bad_enum, path, "unknown value \"" + v + "\" (expected one of: " + expected + ")",
                  "Okänt värde \"" + v + "\". Tillåtna värden: " + expected + ".");
        }
        return std::nullopt;
    }
    /// An amount in kronor: a JSON number with at most two decimals, or a
    /// string like "1250000.50". Never negative; never rounded.
    std::optional<Money> opt_amount(const Node* n, const Path& path) {
        if (!present(n)) return std::nullopt;
        if (n->kind != Kind::number && n->kind != Kind::string) {
            error(ProblemCode::wrong_type, path,
                  std::string{"expected an amount (a number or a string such as \"1250000.50\"), got "} + detail::kind_name(n->kind),
                  std::string{"Här ska det stå ett belopp (ett tal eller en sträng som \"1250000.50\"), inte "} + detail::kind_name_sv(n->kind) +
                      ".");
            return std::nullopt;
        }
        if (!n->text.starts_with('-'))
            if (auto m = Money::parse(n->text)) return m; // the usual case, without a copy of the text
        const std::string t{n->text};
        if (!t.empty() && t[0] == '-') {
            error(ProblemCode::out_of_range, path, "negative amount " + t, "Beloppet får inte vara negativt: " + t + ".");
            return std::nullopt;
        }
        const auto dot = t.find('.');
        const bool digits_only = !t.empty() && t.find_first_not_of("0123456789.") == std::string::npos;
        const bool well_formed =
            digits_only && t.front() != '.' && t.back() != '.' && t.find('.', dot == std::string::npos ? t.size() : dot + 1) == std::string::npos;
        const std::string_view trimmed = trim_spaces(t);
        const auto person = well_formed ? std::nullopt : detail::person_number(trimmed);
        if (t.find_first_of("eE") != std::string::npos && n->kind == Kind::number)
            error(ProblemCode::bad_amount, path, "amount " + t + " must be written without an exponent",
                  "Beloppet " + t + " ska skrivas utan exponent.");
        else if (person && Money::parse(person->fixed))
            error(detail::number_problem(ProblemCode::bad_amount, path.str(), *person, trimmed, true));
        else if (!well_formed && t.find(',') != std::string::npos)
            error(ProblemCode::bad_amount, path,
                  "not an amount: \"" + t + "\" (write kronor with a decimal point and no spaces, e.g. \"1250000.50\")",
                  "\"" + t + "\" är inte ett belopp. Skriv kronor med punkt som decimaltecken och utan mellanslag, till exempel \"1250000.50\".");
        else if (!well_formed)
            error(ProblemCode::bad_amount, path, "not an amount: \"" + t + "\" (expected kronor such as 1250000 or \"1250000.50\")",
                  "\"" + t + "\" är inte ett belopp. Skriv kronor, till exempel 1250000 eller \"1250000.50\".");
        else if (dot != std::string::npos && t.size() - dot - 1 > 2)
            error(ProblemCode::bad_amount, path, "amount " + t + " has more than two decimals", "Beloppet " + t + " har fler än två decimaler.");
        else
            error(ProblemCode::out_of_range, path, "amount " + t + " is too large", "Beloppet " + t + " är för stort.");
        return std::nullopt;
    }
    /// The text of a JSON number that is not negative; `nullopt` (with the
    /// problem reported) otherwise, or when absent.
    std::optional<std::string_view> unsigned_number(const Node* n, const Path& path, const char* what) {
        if (!present(n) || !expect(*n, Kind::number, path)) return std::nullopt;
        if (n->text.starts_with('-')) {
            const std::string t{n->text};
            error(ProblemCode::out_of_range, path, std::string{"negative "} + what + " " + t,
                  sv_name(what) + " kan inte vara mindre än noll: " + t + ".");
            return std::nullopt;
        }
        return n->text;
    }
    /// An exact non-negative decimal number (percentages, weights): at most six decimals.
    std::optional<Decimal> opt_decimal(const Node* n, const Path& path, const char* what) {
        const auto text = unsigned_number(n, path, what);
        if (!text) return std::nullopt;
        if (auto d = Decimal::parse(*text)) return d;
        const std::string t{*text};
        if (t.find_first_of("eE") != std::string::npos)
            error(ProblemCode::bad_number, path, std::string{what} + " " + t + " must be written without an exponent",
                  sv_name(what) + " ska skrivas utan exponent: " + t + ".");
        else if (t.find('.') != std::string::npos && t.size() - t.find('.') - 1 > 6)
            error(ProblemCode::bad_number, path, std::string{what} + " " + t + " has more than six decimals",
                  sv_name(what) + " får ha högst sex decimaler: " + t + ".");
        else
            error(ProblemCode::out_of_range, path, std::string{what} + " " + t + " is too large",
                  sv_name(what) + " " + t + " har för många siffror.");
        return std::nullopt;
    }
    std::optional<Percent> opt_percent(const Node* n, const Path& path, bool at_most_100 = true) {
        auto d = opt_decimal(n, path, "percentage");
        if (!d) return std::nullopt;
        if (at_most_100 && *d > Decimal::whole(100)) {
            error(ProblemCode::out_of_range, path, "percentage " + d->to_string() + " is over 100",
                  "Procentsatsen får vara högst 100, inte " + d->to_string() + ".");
            return std::nullopt;
        }
        return Percent{*d};
    }
    /// A non-negative whole number not above `max`.
    std::optional<std::int64_t> opt_count(const Node* n, const Path& path, const char* what, std::int64_t max) {
        const auto text = unsigned_number(n, path, what);
        if (!text) return std::nullopt;
        auto d = Decimal::parse(*text);
        if (d && d->units() % Decimal::scale == 0 && d->units() / Decimal::scale <= max) return d->units() / Decimal::scale; // the usual case
        const std::string t{*text};
        if (!d && !t.empty() && t.find_first_not_of("0123456789") == std::string::npos) {
            // Whole, but beyond even the exact decimal range: too large, not "not whole".
            error(ProblemCode::out_of_range, path, std::string{what} + " " + t + " is too large (at most " + std::to_string(max) + ")",
                  sv_name(what) + " får vara högst " + std::to_string(max) + ", inte " + t + ".");
            return std::nullopt;
        }
        if (!d || d->units() % Decimal::scale != 0) {
            error(ProblemCode::bad_number, path, std::string{what} + " must be a whole number, got " + t,
                  sv_name(what) + " ska vara ett heltal, inte " + t + ".");
            return std::nullopt;
        }
        const std::int64_t v = d->units() / Decimal::scale;
        if (v > max) {
            error(ProblemCode::out_of_range, path, std::string{what} + " " + t + " is too large (at most " + std::to_string(max) + ")",
                  sv_name(what) + " får vara högst " + std::to_string(max) + ", inte " + t + ".");
            return std::nullopt;
        }
        return v;
    }
    std::optional<Date> opt_date(const Node* n, const Path& path) {
        if (!present(n)) return std::nullopt;
        if (!expect(*n, Kind::string, path)) return std::nullopt;
        if (auto d = parse_date(n->text)) return d;
        const std::string v{n->text};
        if (const auto d = person_date(n->text))
            error(ProblemCode::bad_date, path, "dates are written YYYY-MM-DD: " + format_date(*d) + " (not " + v + ")",
                  "Datum skrivs ÅÅÅÅ-MM-DD: " + format_date(*d) + " (inte " + v + ").");
        else
            error(ProblemCode::bad_date, path, "invalid date \"" + v + "\" (expected an existing date YYYY-MM-DD)",
                  "Ogiltigt datum \"" + v + "\". Skriv ett datum som finns, i formen ÅÅÅÅ-MM-DD (till exempel 2024-03-01).");
        return std::nullopt;
    }
    /// An array of strings (ids); `nullopt` when absent or null.
    std::optional<std::vector<std::string>> opt_ids(const Node* n, const Path& path) {
        if (!present(n)) return std::nullopt;
        if (!expect(*n, Kind::array, path)) return std::nullopt;
        std::vector<std::string> out;
        for (std::size_t i = 0; i < n->items.size(); ++i)
            if (expect(n->items[i], Kind::string, path / i)) out.emplace_back(n->items[i].text);
        return out;
    }

    /// Reads an object that maps party ids to values (weights, shares):
    /// `read(party, value, path)` gives the entry or reports why not.
    /// `nullopt` when absent, null or not an object.
    template <class T, class F>
    std::optional<std::vector<T>> party_map(const Node* n, const Path& path, const char* what, F&& read) {
        if (!present(n) || !expect(*n, Kind::object, path)) return std::nullopt;
        std::vector<T> out;
        for (const auto& [party, value] : n->members) {
            const Path p = path.key(party);
            if (!present(&value))
                error(ProblemCode::missing_value, p, std::string{"missing "} + what, sv_name(what) + " saknas.");
            else if (std::optional<T> entry = read(std::string{party}, value, p))
                out.push_back(std::move(*entry));
        }
        for (const auto& k : n->repeated_keys) repeated_key(path.key(k), k);
        return out;
    }

    /// Reads a required id; a missing or unreadable one makes references to
    /// ids of its kind unverifiable (`unreliable`).
    std::string id(const Node& n, const Path& path, const char* what, bool& unreliable) {
        const Node* node = get(n, "id");
        if (!present(node))
            error(ProblemCode::missing_value, path / "id", std::string{"missing "} + what + " id",
                  std::string_view{what} == "party" ? "Partens id saknas." : "Uppgiftens id saknas.");
        std::string value = str(node, path / "id");
        if (value.empty()) unreliable = true;
        return value;
    }

    bool party_ids_unreliable = false; ///< some party id could not be read: references to it are not checked
    bool task_ids_unreliable = false;  ///< some task id could not be read

    /// Adds validate()'s problems that are not consequences of problems
    /// already reported (same subtree); references are not checked against
    /// ids that could not be read.
    void merge_validation(const Agreement& a) {
        std::vector<Problem> found = validate(a, {.party_references = !party_ids_unreliable, .task_references = !task_ids_unreliable});
        if (found.empty()) return;
        // The reader's own paths, sorted: a problem is related to one when
        // the paths are equal or one lies under the other, found by binary
        // search (O((n + m) log n), not n × m).
        std::vector<std::string> own;
        own.reserve(problems_.size());
        for (const auto& p : problems_) own.push_back(p.path);
        std::sort(own.begin(), own.end());
        const auto has = [&](std::string_view q) { return std::binary_search(own.begin(), own.end(), q); };
        const auto related = [&](const std::string& path) {
            if (has(path)) return true;
            const std::string under = path + "/";
            const auto it = std::lower_bound(own.begin(), own.end(), under);
            if (it != own.end() && it->starts_with(under)) return true;
            for (std::size_t k = path.find('/'); k != std::string::npos; k = path.find('/', k + 1))
                if (has(std::string_view{path}.substr(0, k))) return true;
            return false;
        };
        for (auto& p : found) {
            if (!related(p.path)) problems_.push_back(std::move(p));
        }
    }

  private:
    std::vector<Problem>& problems_;
};

using detail::max_months;
using detail::max_population;
namespace fields = detail::fields;

/// Opens an object with an id (a party, a task): checks its keys and reads
/// its id; false when `n` is not an object, and then references to ids of
/// its kind cannot be checked (`unreliable`).
bool open_with_id(Reader& r, const Node& n, const Path& path, const detail::Fields& f, const char* what, bool& unreliable, Id& id) {
    if (!r.object(n, path, f)) {
        unreliable = true;
        return false;
    }
    id = r.id(n, path, what, unreliable);
    return true;
}

Party read_party(Reader& r, const Node& n, const Path& path) {
    Party p;
    if (!open_with_id(r, n, path, fields::party, "party", r.party_ids_unreliable, p.id)) return p;
    p.name = r.str(Reader::get(n, "name"), path / "name");
    p.kind = r.opt_enum<PartyKind>(Reader::get(n, "kind"), path / "kind");
    p.population = r.opt_count(Reader::get(n, "population"), path / "population", "population", max_population);
    p.mandate_covers_tasks = r.opt_bool(Reader::get(n, "mandate_covers_tasks"), path / "mandate_covers_tasks");
    p.decision_body = r.opt_enum<DecisionBody>(Reader::get(n, "decision_body"), path / "decision_body");
    if (const Node* o = Reader::get(n, "other_direct_awards_same_kind"); Reader::present(o)) {
        const Path op = path / "other_direct_awards_same_kind";
        if (r.object(*o, op, fields::other_direct_awards)) {
            const auto amount = r.opt_amount(Reader::get(*o, "amount"), op / "amount");
            const auto category = r.opt_enum<Category>(Reader::get(*o, "category"), op / "category");
            if (!Reader::present(Reader::get(*o, "amount")))
                r.error(ProblemCode::missing_value, op / "amount", "missing amount (kronor in the assessment year)",
                        "Beloppet saknas (kronor under bedömningsåret).");
            if (!Reader::present(Reader::get(*o, "category")))
                r.error(ProblemCode::missing_value, op / "category", "missing category (general, social_and_other_specific or welfare)",
                        "Kategorin saknas (general, social_and_other_specific eller welfare).");
            if (amount && category) p.other_direct_awards_same_kind = OtherDirectAwards{*amount, *category};
        }
    }
    return p;
}

void read_hamburg(Reader& r, const Node* n, const Path& path, HamburgFacts& h) {
    if (!Reader::present(n) || !r.object(*n, path, fields::hamburg)) return;
    h.establishes_cooperation = r.opt_bool(Reader::get(*n, "establishes_cooperation"), path / "establishes_cooperation");
    h.common_objectives = r.opt_bool(Reader::get(*n, "common_objectives"), path / "common_objectives");
    h.public_interest_only = r.opt_bool(Reader::get(*n, "public_interest_only"), path / "public_interest_only");
    h.open_market_share_percent = r.opt_percent(Reader::get(*n, "open_market_share_percent"), path / "open_market_share_percent");
}

void read_teckal(Reader& r, const Node* n, const Path& path, TeckalFacts& t) {
    if (!Reader::present(n) || !r.object(*n, path, fields::teckal)) return;
    t.similar_control = r.opt_bool(Reader::get(*n, "similar_control"), path / "similar_control");
    t.activity_share_percent = r.opt_percent(Reader::get(*n, "activity_share_percent"), path / "activity_share_percent");
    t.private_capital = r.opt_bool(Reader::get(*n, "private_capital"), path / "private_capital");
}

std::optional<Compensation> read_compensation(Reader& r, const Node* n, const Path& path) {
    if (!Reader::present(n)) return std::nullopt;
    Compensation c;
    if (!r.object(*n, path, fields::compensation)) return c;
    c.money_per_year = r.opt_amount(Reader::get(*n, "money_per_year"), path / "money_per_year");
    if (const Node* k = Reader::get(*n, "in_kind_value_per_year"); k && k->kind == Kind::null)
        c.in_kind_value_per_year.reset();
    else if (k)
        c.in_kind_value_per_year = r.opt_amount(k, path / "in_kind_value_per_year");
    if (const Node* cost = Reader::get(*n, "cost_per_year"); Reader::present(cost)) {
        const Path cp = path / "cost_per_year";
        if (r.object(*cost, cp, fields::cost)) {
            CostComponents k;
            const auto component = [&](const char* name, std::optional<Money>& into) {
                const Node* v = Reader::get(*cost, name);
                if (!v)
                    into = Money{};
                else if (v->kind == Kind::null)
                    into.reset();
                else
                    into = r.opt_amount(v, cp / name);
            };
            component("staff", k.staff);
            component("premises", k.premises);
            component("overhead", k.overhead);
            component("capital", k.capital);
            component("other", k.other);
            c.cost_per_year = k;
        }
    }
    if (const Node* b = Reader::get(*n, "contractor_bears_share"); Reader::present(b))
        c.contractor_bears_share = r.opt_bool(b, path / "contractor_bears_share").value_or(false);
    if (const Node* t = Reader::get(*n, "tolerance"); Reader::present(t)) {
        if (t->kind == Kind::object) {
            if (r.object(*t, path / "tolerance", fields::tolerance)) {
                const Node* p = Reader::get(*t, "percent");
                if (!Reader::present(p) && t->members.size() == (p ? 1u : 0u))
                    r.error(ProblemCode::missing_value, path / "tolerance/percent", "missing percent", "Procentsatsen saknas.");
                else if (auto pct = r.opt_percent(p, path / "tolerance/percent", false))
                    c.tolerance = Tolerance::of_percent(*pct);
            }
        } else if (const auto pct = percent_written_as_amount(*t)) {
            // "2%" or "2 procent": a percentage written where an amount in kronor goes.
            r.error(ProblemCode::bad_amount, path / "tolerance",
                    "not an amount: \"" + std::string{t->text} + "\" (a tolerance in percent is written {\"percent\": " + *pct +
                        "}; a plain number is kronor)",
                    "\"" + std::string{t->text} + "\" är inte ett belopp. En tolerans i procent skrivs {\"percent\": " + *pct +
                        "}; ett tal utan procent är kronor.");
        } else if (auto m = r.opt_amount(t, path / "tolerance")) {
            c.tolerance = Tolerance::of_amount(*m);
        }
    }
    if (const Node* a = Reader::get(*n, "allocation"); Reader::present(a)) {
        const Path ap = path / "allocation";
        if (r.object(*a, ap, fields::allocation)) {
            Allocation al;
            al.key = r.opt_enum<AllocationKey>(Reader::get(*a, "key"), ap / "key");
            al.weights = r.party_map<Weight>(Reader::get(*a, "weights"), ap / "weights", "weight",
                                             [&](std::string party, const Node& value, const Path& p) -> std::optional<Weight> {
                                                 if (auto d = r.opt_decimal(&value, p, "weight")) return Weight{std::move(party), *d};
                                                 return std::nullopt;
                                             });
            c.allocation = std::move(al);
        }
    }
    return c;
}

Task read_task(Reader& r, const Node& n, const Path& path) {
    Task t;
    if (!open_with_id(r, n, path, fields::task, "task", r.task_ids_unreliable, t.id)) return t;
    t.description = r.str(Reader::get(n, "description"), path / "description");
    t.contractor = r.opt_str(Reader::get(n, "contractor"), path / "contractor");
    t.principals = r.opt_ids(Reader::get(n, "principals"), path / "principals");
    t.huvudman = r.opt_ids(Reader::get(n, "huvudman"), path / "huvudman");
    t.nature = r.opt_enum<TaskNature>(Reader::get(n, "nature"), path / "nature");
    t.area = r.opt_enum<Area>(Reader::get(n, "area"), path / "area");
    t.category = r.opt_enum<Category>(Reader::get(n, "category"), path / "category");
    t.target_group_children = r.opt_bool(Reader::get(n, "target_group_children"), path / "target_group_children");
    t.within_competence = r.opt_bool(Reader::get(n, "within_competence"), path / "within_competence");
    t.within_contractor_competence = r.opt_bool(Reader::get(n, "within_contractor_competence"), path / "within_contractor_competence");
    t.annual_value = r.opt_amount(Reader::get(n, "annual_value"), path / "annual_value");
    t.principal_shares = r.party_map<PrincipalShare>(Reader::get(n, "principal_shares"), path / "principal_shares", "share",
                                                     [&](std::string party, const Node& value, const Path& p) -> std::optional<PrincipalShare> {
                                                         if (auto share = r.opt_percent(&value, p)) return PrincipalShare{std::move(party), *share};
                                                         return std::nullopt;
                                                     });
    read_hamburg(r, Reader::get(n, "hamburg"), path / "hamburg", t.hamburg);
    read_teckal(r, Reader::get(n, "teckal"), path / "teckal", t.teckal);
    t.compensation = read_compensation(r, Reader::get(n, "compensation"), path / "compensation");
    return t;
}

void read_delegation(Reader& r, const Node* n, Delegation& d) {
    const Path path{"/delegation"};
    if (!Reader::present(n) || !r.object(*n, path, fields::delegation)) return;
    d.used = r.opt_bool(Reader::get(*n, "used"), path / "used");
    d.agreed = r.opt_bool(Reader::get(*n, "agreed"), path / "agreed");
    d.onward_delegation = r.opt_enum<OnwardDelegation>(Reader::get(*n, "onward_delegation"), path / "onward_delegation");
    d.reporting_to_principal = r.opt_bool(Reader::get(*n, "reporting_to_principal"), path / "reporting_to_principal");
    if (const Node* ds = Reader::get(*n, "delegates"); Reader::present(ds) && r.expect(*ds, Kind::array, path / "delegates")) {
        const Path delegates = path / "delegates";
        for (std::size_t i = 0; i < ds->items.size(); ++i) {
            const Path dp = delegates / i;
            const Node& x = ds->items[i];
            if (!r.object(x, dp, fields::delegate)) continue;
            Delegate del;
            del.task = r.opt_str(Reader::get(x, "task"), dp / "task");
            del.to = r.opt_enum<DelegateTo>(Reader::get(x, "to"), dp / "to");
            del.employer = r.opt_str(Reader::get(x, "employer"), dp / "employer");
            del.matter = r.opt_enum<Matter>(Reader::get(x, "matter"), dp / "matter");
            d.delegates.push_back(std::move(del));
        }
    }
}

// The parties or the tasks (at `path`, each read by `read`): a value there
// that is not an array leaves their ids unreliable.
template <class T>
void read_list(Reader& r, const Node* n, const char* path, T (*read)(Reader&, const Node&, const Path&), std::vector<T>& out, bool& ids_unreliable) {
    if (Reader::present(n) && !r.expect(*n, Kind::array, path))
        ids_unreliable = true;
    else if (n && n->kind == Kind::array) {
        const Path list{path};
        out.reserve(n->items.size());
        for (std::size_t i = 0; i < n->items.size(); ++i) out.push_back(read(r, n->items[i], list / i));
    }
}

Agreement read_document(Reader& r, const Node& root) {
    Agreement a;
    if (!r.object(root, "", fields::agreement)) return a;
    if (const Node* s = Reader::get(root, "schema"); Reader::present(s)) {
        if (r.expect(*s, Kind::string, "/schema") && s->text != "avtal/1")
            r.error(ProblemCode::unsupported_schema, "/schema", "unsupported schema \"" + std::string{s->text} + "\" (expected \"avtal/1\")",
                    "Okänt schema \"" + std::string{s->text} + "\". Ett avtal har \"schema\": \"avtal/1\".");
    }
    a.id = r.str(Reader::get(root, "id"), "/id");
    a.title = r.str(Reader::get(root, "title"), "/title");
    a.assessment_date = r.opt_date(Reader::get(root, "assessment_date"), "/assessment_date");
    if (const Node* t = Reader::get(root, "term"); Reader::present(t) && r.object(*t, "/term", fields::term)) {
        a.term.start = r.opt_date(Reader::get(*t, "start"), "/term/start");
        if (auto m = r.opt_count(Reader::get(*t, "months"), "/term/months", "months", max_months)) a.term.months = static_cast<std::int32_t>(*m);
        if (auto m = r.opt_count(Reader::get(*t, "extension_months"), "/term/extension_months", "months", max_months))
            a.term.extension_months = static_cast<std::int32_t>(*m);
        a.term.until_further_notice = r.opt_bool(Reader::get(*t, "until_further_notice"), "/term/until_further_notice");
    }
    read_list(r, Reader::get(root, "parties"), "/parties", read_party, a.parties, r.party_ids_unreliable);
    read_list(r, Reader::get(root, "tasks"), "/tasks", read_task, a.tasks, r.task_ids_unreliable);
    read_delegation(r, Reader::get(root, "delegation"), a.delegation);
    a.compensation = read_compensation(r, Reader::get(root, "compensation"), "/compensation");
    if (const Node* n = Reader::get(root, "information"); Reader::present(n) && r.object(*n, "/information", fields::information)) {
        a.information.personal_data = r.opt_bool(Reader::get(*n, "personal_data"), "/information/personal_data");
        a.information.arrangement = r.opt_enum<Arrangement>(Reader::get(*n, "arrangement"), "/information/arrangement");
        a.information.records_responsibility = r.opt_bool(Reader::get(*n, "records_responsibility"), "/information/records_responsibility");
        a.information.confidentiality = r.opt_bool(Reader::get(*n, "confidentiality"), "/information/confidentiality");
    }
    if (const Node* n = Reader::get(root, "oversight"); Reader::present(n) && r.object(*n, "/oversight", fields::oversight)) {
        a.oversight.follow_up = r.opt_bool(Reader::get(*n, "follow_up"), "/oversight/follow_up");
        a.oversight.annual_report_to_council = r.opt_bool(Reader::get(*n, "annual_report_to_council"), "/oversight/annual_report_to_council");
        a.oversight.internal_control = r.opt_bool(Reader::get(*n, "internal_control"), "/oversight/internal_control");
    }
    if (const Node* n = Reader::get(root, "staff"); Reader::present(n) && r.object(*n, "/staff", fields::staff)) {
        a.staff.moves_between_parties = r.opt_bool(Reader::get(*n, "moves_between_parties"), "/staff/moves_between_parties");
        a.staff.transfer_addressed = r.opt_bool(Reader::get(*n, "transfer_addressed"), "/staff/transfer_addressed");
        a.staff.work_environment_allocated = r.opt_bool(Reader::get(*n, "work_environment_allocated"), "/staff/work_environment_allocated");
    }
    a.creates_copyright_material = r.opt_bool(Reader::get(root, "creates_copyright_material"), "/creates_copyright_material");
    if (const Node* cs = Reader::get(root, "clauses"); Reader::present(cs) && r.expect(*cs, Kind::array, "/clauses")) {
        std::vector<Clause> clauses;
        clauses.reserve(cs->items.size());
        const Path clause_path{"/clauses"};
        for (std::size_t i = 0; i < cs->items.size(); ++i)
            if (auto c = r.opt_enum<Clause>(&cs->items[i], clause_path / i))
                clauses.push_back(*c);
            else if (cs->items[i].kind == Kind::null)
                r.error(ProblemCode::wrong_type, clause_path / i, "expected a string, got null",
                        "Fel typ av värde: här ska det stå en sträng, inte null.");
        a.clauses = std::move(clauses);
    }
    return a;
}

/// Parses `text`, adding the parse error (if any) to `problems`.
detail::ParseOutcome parse_or_report(std::string_view text, std::vector<Problem>& problems) {
    detail::ParseOutcome parsed = detail::parse(text);
    if (!parsed.ok) problems.push_back(std::move(parsed.error));
    return parsed;
}

/// Parses `text` and reads its root with `read(reader, root, out)` into a new
/// `Out`; a syntax error is its one problem.
template <class Out, class Read>
Out read_with(std::string_view text, Read&& read) {
    Out out;
    const detail::ParseOutcome parsed = parse_or_report(text, out.problems);
    if (parsed.ok) {
        Reader r{out.problems};
        read(r, parsed.root, out);
    }
    return out;
}

/// Reads one agreement from a parsed value into `result`: the agreement, or
/// every problem (the reader's and validate()'s), never both.
void read_into(ReadResult& result, const Node& root) {
    Reader reader{result.problems};
    Agreement a = read_document(reader, root);
    reader.merge_validation(a);
    if (result.problems.empty()) result.agreement = std::move(a);
}

} // namespace

ReadResult read_agreement(std::string_view text) {
    ReadResult result;
    result.input_sha256 = sha256_hex(text);
    const detail::ParseOutcome parsed = parse_or_report(text, result.problems);
    if (parsed.ok) read_into(result, parsed.root);
    return result;
}

std::vector<ReadResult> read_batch(std::string_view text, std::string_view source) {
    std::vector<ReadResult> out;
    const std::size_t bom = detail::bom_length(text); // a UTF-8 byte-order mark is skipped
    std::size_t first = text.find_first_not_of(" \t\r\n", bom);
    if (first != std::string_view::npos && text[first] == '[') {
        // A JSON array of agreements: each element is a document.
        detail::ParseOutcome parsed = detail::parse(text);
        if (!parsed.ok) {
            ReadResult r;
            r.source = std::string{source};
            r.input_sha256 = sha256_hex(text);
            r.problems.push_back(std::move(parsed.error));
            out.push_back(std::move(r));
            return out;
        }
        const std::string digest = sha256_hex(text);
        for (std::size_t i = 0; i < parsed.root.items.size(); ++i) {
            ReadResult r;
            r.source = std::string{source} + "[" + std::to_string(i) + "]";
            r.input_sha256 = digest;
            read_into(r, parsed.root.items[i]);
            out.push_back(std::move(r));
        }
        return out;
    }
    // One document, or JSON Lines: the first value ends on its first line
    // and more text follows. A pretty-printed document with trailing text is
    // one document with one problem.
    detail::ParseOutcome whole = detail::parse(text);
    const std::size_t start = text.find_first_not_of(" \t\r\n", bom);
    bool json_lines = false;
    if (!whole.ok && whole.extra_data && start != std::string_view::npos) {
        std::string_view head = text.substr(start, whole.consumed - start); // the parser also consumes trailing whitespace
        head = head.substr(0, head.find_last_not_of(" \t\r\n") + 1);
        json_lines = head.find('\n') == std::string_view::npos;
    }
    if (!json_lines) {
        // The parse above is the document's: read it, do not parse again
        // (two trees of a large document at once would double the memory).
        ReadResult r;
        r.source = std::string{source};
        r.input_sha256 = sha256_hex(text);
        if (whole.ok)
            read_into(r, whole.root);
        else
            r.problems.push_back(std::move(whole.error));
        out.push_back(std::move(r));
        return out;
    }
    whole = {}; // JSON Lines: each line is parsed on its own
    std::size_t line_no = 0, pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        ++line_no;
        if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
            ReadResult r = read_agreement(line);
            r.source = std::string{source} + ":" + std::to_string(line_no);
            out.push_back(std::move(r));
        }
        if (end == text.size()) break;
        pos = end + 1;
    }
    return out;
}

ThresholdReadResult read_thresholds(std::string_view text, std::string_view name) {
    return read_with<ThresholdReadResult>(text, [&](Reader& r, const Node& root, ThresholdReadResult& out) {
        ThresholdTable table;
        table.name = std::string{name};
        if (r.object(root, "", {"name", "extends", "rows"})) {
            if (auto n = r.opt_str(Reader::get(root, "name"), "/name")) table.name = *n + " (" + std::string{name} + ")";
            if (auto e = r.opt_str(Reader::get(root, "extends"), "/extends")) {
                if (*e == "builtin")
                    out.extends_builtin = true;
                else
                    r.error(ProblemCode::bad_enum, "/extends", "unknown table \"" + *e + "\" (only \"builtin\" can be extended)");
            }
            const Node* rows = Reader::get(root, "rows");
            if (!Reader::present(rows))
                r.error(ProblemCode::missing_value, "/rows", "missing rows");
            else if (r.expect(*rows, Kind::array, "/rows"))
                for (std::size_t i = 0; i < rows->items.size(); ++i) {
                    const std::string p = "/rows/" + std::to_string(i);
                    const Node& x = rows->items[i];
                    if (!r.object(x, p, {"parameter", "category", "valid_from", "valid_to", "amount", "inclusive", "basis", "source"})) continue;
                    ThresholdRow row;
                    row.parameter = r.opt_str(Reader::get(x, "parameter"), p + "/parameter").value_or(std::string{direct_award_limit});
                    // A row no rule reads would be listed but never applied: a
                    // what-if would silently use the built-in limit.
                    if (row.parameter != direct_award_limit)
                        r.error(ProblemCode::bad_enum, p + "/parameter",
                                "unknown parameter \"" + row.parameter + "\" (expected one of: " + std::string{direct_award_limit} + ")");
                    auto cat = r.opt_enum<Category>(Reader::get(x, "category"), p + "/category");
                    auto from = r.opt_date(Reader::get(x, "valid_from"), p + "/valid_from");
                    row.valid_to = r.opt_date(Reader::get(x, "valid_to"), p + "/valid_to");
                    auto amount = r.opt_amount(Reader::get(x, "amount"), p + "/amount");
                    row.inclusive = r.opt_bool(Reader::get(x, "inclusive"), p + "/inclusive").value_or(true);
                    row.basis = r.str(Reader::get(x, "basis"), p + "/basis");
                    row.source = r.str(Reader::get(x, "source"), p + "/source");
                    if (!cat && !Reader::present(Reader::get(x, "category")))
                        r.error(ProblemCode::missing_value, p + "/category", "missing category");
                    if (!from && !Reader::present(Reader::get(x, "valid_from")))
                        r.error(ProblemCode::missing_value, p + "/valid_from", "missing valid_from");
                    if (!amount && !Reader::present(Reader::get(x, "amount"))) r.error(ProblemCode::missing_value, p + "/amount", "missing amount");
                    if (from && row.valid_to && std::chrono::sys_days{*row.valid_to} < std::chrono::sys_days{*from})
                        r.error(ProblemCode::contradiction, p + "/valid_to", "valid_to is before valid_from");
                    if (row.source.empty()) r.error(ProblemCode::missing_value, p + "/source", "every row needs its source");
                    if (cat && from && amount) {
                        row.category = *cat;
                        row.valid_from = *from;
                        row.amount = *amount;
                        table.rows.push_back(std::move(row));
                    }
                }
        }
        if (out.problems.empty()) out.table = std::move(table);
    });
}

NeedsReadResult read_needs(std::string_view text) {
    return read_with<NeedsReadResult>(text, [](Reader& r, const Node& n, NeedsReadResult& out) {
        Need need;
        if (r.object(n, "",
                     {"schema", "municipalities", "regions", "state", "private_actors", "own_legal_person_wanted", "legally_binding_needed", "scope",
                      "exercise_of_authority", "continuous_steering_wanted", "scale", "long_term", "quick_start_wanted", "rehabilitation",
                      "huvudman_transfer_wanted"})) {
            if (const Node* s = Reader::get(n, "schema"); Reader::present(s) && r.expect(*s, Kind::string, "/schema") && s->text != "avtal-needs/1")
                r.error(ProblemCode::unsupported_schema, "/schema",
                        "unsupported schema \"" + std::string{s->text} + "\" (expected \"avtal-needs/1\")",
                        "Okänt schema \"" + std::string{s->text} + "\". En behovsbeskrivning har \"schema\": \"avtal-needs/1\".");
            const auto b = [&](const char* key) { return r.opt_bool(Reader::get(n, key), std::string{"/"} + key); };
            need.municipalities = b("municipalities");
            need.regions = b("regions");
            need.state = b("state");
            need.private_actors = b("private_actors");
            need.own_legal_person_wanted = b("own_legal_person_wanted");
            need.legally_binding_needed = b("legally_binding_needed");
            need.scope = r.opt_enum<TaskScope>(Reader::get(n, "scope"), "/scope");
            need.exercise_of_authority = b("exercise_of_authority");
            need.continuous_steering_wanted = b("continuous_steering_wanted");
            need.scale = r.opt_enum<Scale>(Reader::get(n, "scale"), "/scale");
            need.long_term = b("long_term");
            need.quick_start_wanted = b("quick_start_wanted");
            need.rehabilitation = b("rehabilitation");
            need.huvudman_transfer_wanted = b("huvudman_transfer_wanted");
        }
        if (out.problems.empty()) out.need = need;
    });
}

} // namespace avtal::json
