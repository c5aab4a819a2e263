#!/usr/bin/env python3
"""Recompute the figures of `showcase stats --json` from a site's exports.

An independent check of generator/model.c (and the modules beside it): the
rules of shared/domain.md written again, plainly, in Python, over the same
JSON files. Prints each figure that differs and exits 1; "N figures agree"
otherwise.

    tests/recompute.py SITE STATS.json
"""
import json
import math
import os
import sys

DIMS = ["leadership", "education", "venue", "system", "performance",
        "support", "reputation"]
RATERS = {"self": 0.2, "members": 0.3, "committee": 0.5}


def records(site, name):
    base = os.path.join(site, "content", "data", name)
    if os.path.exists(base + ".json"):
        with open(base + ".json", encoding="utf-8-sig") as f:
            return json.load(f)
    out = []
    if os.path.exists(base + ".jsonl"):
        with open(base + ".jsonl", encoding="utf-8-sig") as f:
            for line in f:
                if line.strip():
                    out.append(json.loads(line))
    return out


def rate(num, den):
    """As stats --json writes it: six decimals, half up, or None."""
    if den == 0:
        return None
    return math.floor(num * 1000000 / den + 0.5) / 1000000


def main():
    site, stats_file = sys.argv[1], sys.argv[2]
    with open(stats_file, encoding="utf-8") as f:
        stats = json.load(f)
    with open(os.path.join(site, "site.json"), encoding="utf-8") as f:
        rules = json.load(f).get("rules", {})
    own = rules.get("own_org_members", 3)
    floors = {"gold": 90, "silver": 75, "bronze": 60}
    floors.update(rules.get("tiers", {}))
    single_target = rules.get("single_setup_target", 0.98)
    RATERS.update(rules.get("raters", {}))

    orgs = records(site, "organizations")
    mine = {}

    def tier(score):
        for t in ("gold", "silver", "bronze"):
            if score * 100 >= floors[t] * 100 - 1e-6:
                return t
        return "weak"

    # Coverage and 应建尽建率 (domain.md rule 5), overall and by region.
    regions = {}
    tot = {"units": 0, "covered": 0, "worked": 0, "members": 0, "met": 0}
    for o in orgs:
        form = o["org"]["form"]
        m = o["members"]
        met = m >= 1 and (form == "single" if m >= own else form != "none")
        for g in (tot, regions.setdefault(o["region"], {
                "units": 0, "covered": 0, "worked": 0, "members": 0,
                "met": 0, "above": 0, "above_single": 0})):
            g["units"] += 1
            g["covered"] += form != "none"
            g["worked"] += form != "none" or bool(o.get("instructor"))
            g["members"] += m >= 1
            g["met"] += met
            if "above" in g and o["kind"] == "enterprise" and o.get("above_scale"):
                g["above"] += 1
                g["above_single"] += form == "single"
    mine["organizations"] = tot["units"]
    mine["coverage.organisation"] = rate(tot["covered"], tot["units"])
    mine["coverage.work"] = rate(tot["worked"], tot["units"])
    mine["coverage.required"] = rate(tot["met"], tot["members"])
    for name, g in regions.items():
        key = "regions[%s]." % name
        mine[key + "units"] = g["units"]
        mine[key + "coverage.organisation"] = rate(g["covered"], g["units"])
        mine[key + "coverage.work"] = rate(g["worked"], g["units"])
        mine[key + "coverage.required"] = rate(g["met"], g["members"])
        mine[key + "single_setup_rate"] = rate(g["above_single"], g["above"])
        mine[key + "below_single_setup_target"] = bool(
            g["above"] and g["above_single"] * 1000000 <
            round(single_target * 1000000) * g["above"])

    # Assessments: each organisation's latest round; movement between the
    # last two rounds of the data.
    by_org = {}
    rounds = set()
    for a in records(site, "assessments"):
        s = sum(RATERS[r] * sum(a["scores"][r][k] for k in DIMS)
                for r in RATERS)
        s = math.floor(round(s * 100 * 1e6) / 1e6 + 0.5) / 100
        by_org.setdefault(a["org"], {})[a["round"]] = (s, a)
        rounds.add(a["round"])
    rounds = sorted(rounds)
    tiers = {"gold": 0, "silver": 0, "bronze": 0, "weak": 0}
    up = down = new_gold = 0
    for org, rs in by_org.items():
        last = max(rs)
        t = tier(rs[last][0])
        tiers[t] += 1
        if len(rounds) >= 2 and last == rounds[-1]:
            prev = rs.get(rounds[-2])
            order = ["weak", "bronze", "silver", "gold"]
            if prev is None:
                new_gold += t == "gold"
            else:
                pt = tier(prev[0])
                up += order.index(t) > order.index(pt)
                down += order.index(t) < order.index(pt)
                new_gold += t == "gold" and pt != "gold"
    for t, n in tiers.items():
        mine["tiers." + t] = n
    # Tier counts of every round; tiers and dimension averages of the
    # latest round of each organisation, by region and by tier.
    per_round = {}
    for org, rs in by_org.items():
        for rd, (sc, a) in rs.items():
            per_round.setdefault(rd, {"gold": 0, "silver": 0, "bronze": 0,
                                      "weak": 0})[tier(sc)] += 1
    mine["rounds"] = [{"round": rd, "tiers": per_round[rd]}
                      for rd in sorted(per_round)]
    region_of = {o["id"]: o["region"] for o in orgs}
    region_tiers = {}
    dim_sum = {}
    for org, rs in by_org.items():
        sc, a = rs[max(rs)]
        t = tier(sc)
        r = region_tiers.setdefault(region_of.get(org), {
            "gold": 0, "silver": 0, "bronze": 0, "weak": 0})
        r[t] += 1
        d = dim_sum.setdefault(t, [0, [0.0] * len(DIMS)])
        d[0] += 1
        for i, k in enumerate(DIMS):
            d[1][i] += round(sum(RATERS[x] * a["scores"][x][k]
                                 for x in RATERS) * 100) / 100
    for name in regions:
        mine["regions[%s].tiers" % name] = region_tiers.get(
            name, {"gold": 0, "silver": 0, "bronze": 0, "weak": 0})
    for t in ("gold", "silver", "bronze", "weak"):
        for i, k in enumerate(DIMS):
            n, sums = dim_sum.get(t, [0, [0.0] * len(DIMS)])
            mine["dimensions.%s.%s" % (t, k)] = (
                math.floor(sums[i] * 1000000 / n + 0.5) / 1000000
                if n else None)
    mine["movement.up"] = up
    mine["movement.down"] = down
    mine["movement.new_gold"] = new_gold

    # Venues: 六有 is all six points true; by kind and by region.
    points = ["place", "facilities", "sign", "flag", "books", "rules"]
    kinds = ["hub", "center", "activity"]

    def venue_group(vs):
        done = sum(all(v["six"][p] for p in points) for v in vs)
        return {"venues": len(vs), "complete": done,
                "six_rate": rate(done, len(vs)),
                "served": sum(len(v.get("orgs") or []) for v in vs)}

    venues = records(site, "venues")
    whole = venue_group(venues)
    whole["kinds"] = {k: sum(v["kind"] == k for v in venues) for k in kinds}
    for key, val in whole.items():
        mine["venues." + key] = val
    for p in points:
        mine["venues.points." + p] = sum(bool(v["six"][p]) for v in venues)
    for k in kinds:
        mine["venues.by_kind." + k] = venue_group(
            [v for v in venues if v["kind"] == k])
    vregions = []
    for name in sorted({v["region"] for v in venues},
                       key=lambda n: n.encode("utf-8")):
        vs = [v for v in venues if v["region"] == name]
        g = {"name": name}
        g.update(venue_group(vs))
        g["kinds"] = {k: sum(v["kind"] == k for v in vs) for k in kinds}
        vregions.append(g)
    mine["venues.regions"] = vregions

    # Honours: counts by kind and year, organisations with any.
    honours = records(site, "honours")
    hkinds = ["five_star", "benchmark"]
    for k in hkinds:
        mine["honours." + k] = sum(h["honour"] == k for h in honours)
    mine["honours.organizations"] = len({h["org"] for h in honours})
    mine["honours.years"] = [
        dict([("year", y)] + [(k, sum(h["honour"] == k and h["year"] == y
                                      for h in honours)) for k in hkinds])
        for y in sorted({h["year"] for h in honours})]

    # Targets per committee: indicator records with a region or the
    # mid-year period; one table per period, a row per region.
    periods = {}
    for i in records(site, "indicators"):
        period = i.get("period") or str(i["year"])
        if not i.get("region") and not period.endswith("-H1"):
            continue
        row = periods.setdefault(period, {}).setdefault(
            i.get("region") or "", {})
        cell = {"value": i["value"]}
        if i.get("target") is not None:
            cell["target"] = i["target"]
            cell["reached"] = i["value"] >= i["target"]
        row[i["indicator"]] = cell

    def period_order(p):
        return (p[:4], 0 if p.endswith("-H1") else 1)

    tlist = []
    for p in sorted(periods, key=period_order):
        rows = []
        for name in sorted(periods[p], key=lambda n: n.encode("utf-8")):
            cells = periods[p][name]
            n = sum("target" in c for c in cells.values())
            done = sum(c.get("reached", False) for c in cells.values())
            rows.append({"name": name or "全区", "targets": n,
                         "reached": done, "rate": rate(done, n),
                         "indicators": dict(sorted(cells.items()))})
        tlist.append({"period": p,
                      "targets": sum(r["targets"] for r in rows),
                      "reached": sum(r["reached"] for r in rows),
                      "regions": rows})
    mine["targets"] = tlist

    bad = 0
    for key, want in mine.items():
        have = stats
        if key.startswith("regions["):
            name, key2 = key[8:].split("].", 1)
            have = {"regions": [r for r in stats.get("regions", [])
                                if r["name"] == name]}
            have = have["regions"][0] if have["regions"] else {}
        else:
            key2 = key
        for part in key2.split("."):
            have = have.get(part) if isinstance(have, dict) else None
        if have != want:
            print("%s: stats --json says %r, recomputed %r" % (key, have, want))
            bad += 1
    if bad:
        return 1
    print("%d figures agree" % len(mine))
    return 0


if __name__ == "__main__":
    sys.exit(main())
