#!/usr/bin/env python3
"""Generates a country of agreements on avtalssamverkan as JSON Lines, for
the portfolio benchmark: SCALE × (290 municipalities and 21 regions), each
party the contractor of 20 agreements with 1–6 principals of its own county
(realistic sizes: 2–7 parties, populations 2 500–1 000 000, amounts 0.2–20
MSEK a year); one agreement in four is reciprocal (a second task performed by
one principal for the first contractor, with per-task terms). The facts the
law's second round asks for are stated as an agreement written after SKR's
guide states them (each party's deciding body, a take-back clause), with
some left out, so that reports have the findings real ones have. Deterministic:
the same SCALE gives the same bytes.

    bench/portfolio_gen.py SCALE > country.jsonl
"""
import json
import random
import sys

AREAS = ["social_services", "family_law", "elderly_care", "disability", "children_and_youth", "addiction", "education", "it", "hr", "waste"]


def country(scale):
    rng = random.Random(20261201 + scale)
    parties = []
    for c in range(21 * scale):
        county = [{"id": f"region_{c}", "name": f"Region {c}", "kind": "region", "population": rng.randint(60_000, 2_400_000)}]
        n = 290 * scale // (21 * scale) + (1 if c < (290 * scale) % (21 * scale) else 0)
        for m in range(n):
            county.append({"id": f"kommun_{c}_{m}", "name": f"Kommun {c}-{m}", "kind": "municipality",
                           "population": int(rng.lognormvariate(10.0, 0.9)) + 2_500})
        parties.append(county)
    return rng, parties


def compensation(rng, money, contractor_share):
    cost = money if not contractor_share else money + rng.randint(100_000, 2_000_000)
    staff = cost * 7 // 10
    return {"money_per_year": money, "in_kind_value_per_year": 0,
            "cost_per_year": {"staff": staff, "premises": cost // 10, "overhead": cost - staff - cost // 10, "capital": 0, "other": 0},
            "contractor_bears_share": False, "tolerance": 0, "allocation": {"key": "population", "weights": None}}


def task(rng, tid, contractor, principals, nature, area):
    value = rng.randint(2_000, 200_000) * 100
    t = {"id": tid, "description": f"{area} för {len(principals)} kommuner", "contractor": contractor, "principals": principals,
         "huvudman": principals, "nature": nature, "area": area, "category": "social_and_other_specific" if area != "it" else "general",
         "target_group_children": area == "children_and_youth", "within_competence": True, "annual_value": value,
         "principal_shares": None,
         "hamburg": {"establishes_cooperation": True, "common_objectives": True, "public_interest_only": True,
                     "open_market_share_percent": rng.choice([0, 2, 5, None])}}
    return t, value


def decision(rng):
    """Which body of a party decided the agreement (the second round of the
    law, party.decision_body): the council for most, a committee for some,
    and not stated for one party in twenty."""
    x = rng.random()
    return {"decision_body": "council"} if x < 0.90 else {"decision_body": "committee"} if x < 0.95 else {}


def agreements(scale):
    rng, counties = country(scale)
    for c, county in enumerate(counties):
        for host in county:
            for k in range(20):
                others = [p for p in county if p["id"] != host["id"]]
                principals = rng.sample(others, rng.randint(1, min(6, len(others))))
                ids = [p["id"] for p in principals]
                area = rng.choice(AREAS)
                nature = "exercise_of_authority" if area in ("social_services", "family_law") and rng.random() < 0.4 else "service"
                t1, v1 = task(rng, "uppgift_1", host["id"], ids, nature, area)
                members = [host] + principals
                a = {"schema": "avtal/1", "id": f"{host['id']}-{k}", "title": f"Samverkan {host['name']} {k}",
                     "assessment_date": f"2025-{rng.randint(1, 12):02d}-15",
                     "term": {"months": rng.choice([12, 24, 36, 48]), "extension_months": rng.choice([0, 12]), "until_further_notice": False,
                              "start": f"{rng.randint(2021, 2025)}-{rng.randint(1, 12):02d}-01"}
                     if rng.random() < 0.7 else {"months": None, "extension_months": None, "until_further_notice": True},
                     "parties": [dict({"id": p["id"], "name": p["name"], "kind": p["kind"], "population": p["population"]},
                                      **decision(rng)) for p in sorted(members, key=lambda p: p["id"])],
                     "tasks": [t1]}
                delegation_used = nature == "exercise_of_authority"
                a["delegation"] = {"used": delegation_used, "agreed": True if delegation_used else None,
                                   "onward_delegation": "forbidden" if delegation_used else None,
                                   "reporting_to_principal": rng.choice([True, True, True, None]) if delegation_used else None,
                                   "delegates": [{"task": "uppgift_1", "to": "employee", "employer": host["id"], "matter": "individual_case"}]
                                   if delegation_used else []}
                if rng.random() < 0.25:
                    # Reciprocal: the first principal performs a task for the host; per-task terms.
                    back = principals[0]["id"]
                    t2, v2 = task(rng, "uppgift_2", back, [host["id"]], "service", rng.choice(AREAS))
                    t1["compensation"] = compensation(rng, v1, False)
                    t2["compensation"] = compensation(rng, v2, False)
                    a["tasks"].append(t2)
                else:
                    a["compensation"] = compensation(rng, v1, False)
                a["information"] = {"personal_data": True, "arrangement": "joint_controllership", "records_responsibility": True, "confidentiality": True}
                a["oversight"] = {"follow_up": rng.choice([True, True, True, None]), "annual_report_to_council": rng.choice([True, True, True, False]),
                                  "internal_control": True}
                a["staff"] = {"moves_between_parties": False, "transfer_addressed": None, "work_environment_allocated": True}
                a["creates_copyright_material"] = False
                a["clauses"] = ["parties", "contractor_tasks", "economic_terms", "information_handling", "follow_up", "term", "termination",
                                "data_protection", "confidentiality", "insurance"] + (["delegation_scope"] if delegation_used else []) \
                    + (["take_back"] if rng.random() < 0.85 else [])
                yield a


if __name__ == "__main__":
    out = sys.stdout
    for a in agreements(int(sys.argv[1]) if len(sys.argv) > 1 else 1):
        out.write(json.dumps(a, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")
