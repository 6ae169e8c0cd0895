#pragma once
/// @file
/// @brief What the model's values are called in Swedish and English
/// running text ("kommunalt bolag", not `municipal_company`), and the
/// Swedish genitive of a name ("Lunds kommuns", "Åsby Omsorg AB:s").

#include <avtal/core/text.hpp>
#include <avtal/model/agreement.hpp>

#include <string>
#include <string_view>

namespace avtal {

/// @brief The kind of a party in running text: "kommun", "kommunalt bolag".
[[nodiscard]] inline Text name_of(PartyKind k) {
    switch (k) {
    case PartyKind::municipality: return {"kommun", "municipality"};
    case PartyKind::region: return {"region", "region"};
    case PartyKind::municipal_federation: return {"kommunalförbund", "municipal federation"};
    case PartyKind::municipal_company: return {"kommunalt bolag", "municipal company"};
    case PartyKind::private_company: return {"privat aktör", "private company"};
    case PartyKind::state_agency: break;
    }
    return {"statlig myndighet", "state agency"};
}

/// @brief A procurement category in running text, with its annex of LOU.
[[nodiscard]] inline Text name_of(Category c) {
    switch (c) {
    case Category::general: return {"tjänster (allmän gräns)", "services (general limit)"};
    case Category::social_and_other_specific:
        return {"sociala tjänster och andra särskilda tjänster (bilaga 2 till LOU)", "social and other specific services (LOU annex 2)"};
    case Category::welfare: break;
    }
    return {"välfärdstjänster (bilaga 2 a till LOU; sedan 2022-02-01 i bilaga 2)", "welfare services (LOU annex 2 a; since 2022-02-01 in annex 2)"};
}

/// @brief The Swedish genitive of a name: "Lunds kommun" → "Lunds kommuns",
/// "Region Skåne" → "Region Skånes"; a name ending in s, x or z is
/// unchanged ("Kronoberg Vux" → "Kronoberg Vux"), an abbreviation or a
/// number takes a colon ("Åsby Omsorg AB" → "Åsby Omsorg AB:s").
[[nodiscard]] inline std::string genitive_sv(std::string_view name) {
    std::string out{name};
    if (out.empty()) return out;
    const auto last = static_cast<unsigned char>(out.back());
    if (last == 's' || last == 'x' || last == 'z') return out;
    const bool abbreviation = (last >= 'A' && last <= 'Z') || (last >= '0' && last <= '9');
    out += abbreviation ? ":s" : "s";
    return out;
}

} // namespace avtal
