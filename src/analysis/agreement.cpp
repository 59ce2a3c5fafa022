// Intercoder agreement over a project: resolves the selection (coders,
// documents, codes, roll-up), feeds each document's segments to the counting
// in agreement_units.cpp, and turns the tallies into statistics with their
// method sentences.
#include "analysis/agreement.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

#include "analysis/agreement_units.h"
#include "store/project.h"

namespace telaah::analysis {

double overlap_ratio(int64_t a0, int64_t a1, int64_t b0, int64_t b1, OverlapRatio how) {
  const int64_t inter = std::min(a1, b1) - std::max(a0, b0);
  if (inter <= 0) return 0.0;
  const int64_t la = a1 - a0, lb = b1 - b0;
  const int64_t den = how == OverlapRatio::union_ ? la + lb - inter : std::min(la, lb);
  return den > 0 ? static_cast<double>(inter) / static_cast<double>(den) : 0.0;
}

std::optional<Id> ResolvedSelection::target(Id code) const {
  auto it = std::lower_bound(code_map.begin(), code_map.end(), std::pair<Id, Id>{code, INT64_MIN});
  if (it == code_map.end() || it->first != code) return std::nullopt;
  return it->second;
}

ResolvedSelection resolve_selection(const store::Project& p, const AgreementSelection& sel) {
  ResolvedSelection rs;
  if (sel.coders.size() < 2) throw ValidationError("agreement needs at least two coders (e.g. --coders ayu,bima)");
  if (sel.coders.size() > 64) throw ValidationError("agreement compares at most 64 coders at once");
  std::string known;
  for (const auto& c : p.coders()) known += (known.empty() ? "" : ", ") + c.name;
  for (const auto& name : sel.coders) {
    auto id = p.find_coder(name);
    if (!id)
      throw NotFound("no coder '" + name + "' in this project (its coders: " + (known.empty() ? "none" : known) + ")");
    if (std::find(rs.coder_ids.begin(), rs.coder_ids.end(), *id) != rs.coder_ids.end())
      throw ValidationError("coder '" + name + "' is named twice");
    rs.coder_ids.push_back(*id);
    rs.coder_names.push_back(name);
  }
  if (!sel.docs.empty() && sel.source_type)
    throw ValidationError("choose documents either by number or by source type, not both");
  if (!sel.docs.empty() && sel.within)
    throw ValidationError("choose documents either by number or by document set, not both");

  // --- codes: what each code counts for ---
  const auto codes = p.codes();  // tree order
  std::unordered_map<Id, const store::Code*> by_id;
  for (const auto& c : codes) by_id[c.id] = &c;
  std::set<Id> chosen;
  for (Id c : sel.codes) {
    p.code(c);  // NotFound for an unknown id
    chosen.insert(c);
  }
  for (const auto& c : codes) {
    std::optional<Id> t;
    if (!chosen.empty()) {
      for (const store::Code* k = &c; k; k = k->parent ? by_id[*k->parent] : nullptr) {
        if (chosen.count(k->id)) {
          t = k->id;
          break;
        }
        if (!sel.rollup) break;
      }
    } else {
      t = c.id;
      if (sel.rollup)
        for (const store::Code* k = &c; k; k = k->parent ? by_id[*k->parent] : nullptr)
          if (k->kind == store::CodeKind::indicator) {
            t = k->id;
            break;
          }
    }
    if (t) rs.code_map.push_back({c.id, *t});
  }
  std::sort(rs.code_map.begin(), rs.code_map.end());

  // --- documents and who counts in each ---
  const uint64_t everyone = rs.coder_ids.size() == 64 ? ~uint64_t{0} : (uint64_t{1} << rs.coder_ids.size()) - 1;
  std::map<Id, ResolvedSelection::Doc> docs;
  if (!sel.docs.empty()) {
    rs.explicit_docs = true;
    for (Id d : sel.docs) {
      auto doc = p.document(d);  // NotFound for an unknown or deleted document
      docs[d] = {d, doc.length_cp, everyone};
    }
  } else {
    std::optional<Id> type;
    if (sel.source_type) type = p.source_type_id(*sel.source_type);
    std::set<Id> within;
    if (sel.within) within.insert(sel.within->begin(), sel.within->end());
    for (const auto& doc : p.documents())
      if ((!type || doc.source_type_id == *type) && (!sel.within || within.count(doc.id)))
        docs[doc.id] = {doc.id, doc.length_cp, 0};
  }
  for (size_t i = 0; i < rs.coder_ids.size(); ++i) {
    store::CodingFilter f;
    f.coder = rs.coder_ids[i];
    for (auto& c : p.codings(f)) {
      auto it = docs.find(c.doc);
      if (it == docs.end()) continue;
      it->second.participants |= uint64_t{1} << i;
      if (rs.target(c.code)) rs.codings.push_back(std::move(c));
    }
  }
  for (auto& [id, d] : docs)
    if (std::popcount(d.participants) >= 2) rs.docs.push_back(d);
  // Codings in documents where fewer than two coders count take no part.
  std::set<Id> kept;
  for (const auto& d : rs.docs) kept.insert(d.id);
  std::erase_if(rs.codings, [&](const store::Coding& c) { return !kept.count(c.doc); });
  std::sort(rs.codings.begin(), rs.codings.end(), [](const store::Coding& a, const store::Coding& b) {
    return a.doc != b.doc ? a.doc < b.doc : a.start != b.start ? a.start < b.start : a.id < b.id;
  });

  // --- reported codes, in codebook order: the chosen ones, or those in use ---
  std::set<Id> used;
  for (const auto& c : rs.codings) used.insert(*rs.target(c.code));
  for (const auto& c : codes)
    if (chosen.empty() ? used.count(c.id) > 0 : chosen.count(c.id) > 0) rs.reported.push_back(c.id);
  return rs;
}

namespace {

std::string fmt(double x, int digits = 4) {
  if (std::isnan(x)) return "n/a";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);
  return buf;
}

std::string count(int64_t n) {
  std::string s = std::to_string(n), out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i && (s.size() - i) % 3 == 0) out += ',';
    out += s[i];
  }
  return out;
}

struct Wording {
  std::string units;  // "code points" or "segment units"
};

PairAgreement pair_stats(const detail::Tally& t, const std::string& a, const std::string& b, int docs,
                         const Wording& w) {
  PairAgreement pa;
  pa.coder_a = a;
  pa.coder_b = b;
  pa.table = t.table;
  pa.documents = docs;
  const int64_t n = t.table.total();
  const std::string who = a + " x " + b + ", " + count(n) + " " + w.units + " in " + std::to_string(docs) +
                          " document" + (docs == 1 ? "" : "s");
  pa.percent.value = percent_agreement(t.table);
  pa.percent.method = "percent agreement = (both + neither) / units = (" + count(t.table.both) + " + " +
                      count(t.table.neither) + ") / " + count(n) + "; " + who;
  pa.kappa.value = cohen_kappa(t.table);
  if (n == 0)
    pa.kappa.method = "Cohen's kappa: n/a, no units (" + who + ")";
  else if (std::isnan(pa.kappa.value))
    pa.kappa.method =
        "Cohen's kappa: n/a, both coders made the same single decision on every unit, so chance agreement is 1 (" +
        who + ")";
  else
    pa.kappa.method = "Cohen's kappa (1960) = (po - pe) / (1 - pe), po = " + fmt(percent_agreement(t.table)) +
                      ", pe = " + fmt(cohen_expected(t.table)) + " from each coder's own share of 'present'; " + who;
  return pa;
}

Statistic alpha_stat(const detail::Tally& t, int coders, const Wording& w) {
  Statistic s;
  s.value = t.co.alpha_nominal();
  const double n = t.co.pairable();
  const std::string over = count(static_cast<int64_t>(std::llround(n))) + " pairable values (" + w.units +
                           " x coders counted there), " + std::to_string(coders) + " coders";
  if (n < 2)
    s.method = "Krippendorff's alpha (nominal): n/a, no unit has two coders' values";
  else if (std::isnan(s.value))
    s.method =
        "Krippendorff's alpha (nominal): n/a, every value is the same (no variation to be reliable about); " + over;
  else
    s.method = "Krippendorff's alpha (nominal, missing values allowed) = 1 - Do/De = 1 - " +
               fmt(t.co.observed_disagreement()) + "/" + fmt(t.co.expected_disagreement()) +
               " from the coincidence matrix; " + over;
  return s;
}

std::string describe(const AgreementOptions& o, const ResolvedSelection& rs, int64_t units_total, int64_t text_total) {
  std::string m;
  const std::string docs = std::to_string(rs.docs.size()) + " document" + (rs.docs.size() == 1 ? "" : "s");
  if (o.unit == AgreementUnit::character) {
    m = "Character level: every code point of the " + docs + " is one unit";
    if (o.exclude_uncoded)
      m += ", except text that none of the compared coders coded with any of the chosen codes (left out: " +
           count(text_total - units_total) + " of " + count(text_total) + " code points)";
    else
      m += ", coded or not (uncoded text counts as agreement on 'absent'; --exclude-uncoded leaves it out)";
    m += ". Per code, a coder's decision on a unit is 'present' when the code point lies inside one of the coder's "
         "codings of the code, else 'absent'. ";
  } else {
    char thr[32];
    std::snprintf(thr, sizeof thr, "%g", o.threshold);
    m = "Segment level over " + docs + ": two coders' segments of a code match when their overlap (" +
        (o.overlap == OverlapRatio::union_ ? std::string("intersection over union")
                                           : std::string("intersection over the shorter segment")) +
        ") is at least " + thr +
        "; a group holds at most one segment per coder, every two of them matching (best ratios first). A group is one "
        "unit, 'present' for its coders and 'absent' for the others; an unmatched segment is a unit only its coder "
        "marked. Passages that someone coded with another of the chosen codes and nobody with this one are units "
        "where all say 'absent' (with a single code there are none, and kappa and alpha are not meaningful). The same "
        "span coded twice by one coder counts once. ";
  }
  if (o.sel.rollup)
    m += "Sub-codes are rolled up: a coding counts for its nearest chosen ancestor (by default its indicator). ";
  if (rs.explicit_docs)
    m +=
        "The documents were named, so every coder is taken to have read each of them: no coding there means 'absent'. ";
  else
    m += "A coder without any coding in a document is taken not to have coded it: that document leaves the coder's "
         "pairs, and the coder's values there are missing for alpha. ";
  m += "Overall: pooled over the codes, each (unit, code) pair one present/absent decision.";
  return m;
}

}  // namespace

AgreementReport compute_agreement(const store::Project& p, const AgreementOptions& opt) {
  if (opt.unit == AgreementUnit::segment && !(opt.threshold > 0 && opt.threshold <= 1))
    throw ValidationError("the overlap threshold must be above 0 and at most 1");
  AgreementReport rep;
  rep.options = opt;
  ResolvedSelection rs = resolve_selection(p, opt.sel);
  rep.coders = rs.coder_names;
  const int ncodes = static_cast<int>(rs.reported.size());
  std::unordered_map<Id, int32_t> code_index;
  for (int i = 0; i < ncodes; ++i) code_index[rs.reported[static_cast<size_t>(i)]] = i;

  // Views: every pair of coders, plus all of them together for alpha.
  const int m = static_cast<int>(rs.coder_ids.size());
  std::vector<detail::View> views;
  for (int a = 0; a < m; ++a)
    for (int b = a + 1; b < m; ++b) views.push_back({(uint64_t{1} << a) | (uint64_t{1} << b), a, b});
  if (m > 2) views.push_back({m == 64 ? ~uint64_t{0} : (uint64_t{1} << m) - 1, -1, -1});
  std::vector<std::vector<detail::Tally>> tallies(views.size(),
                                                  std::vector<detail::Tally>(static_cast<size_t>(ncodes)));
  std::vector<int> pair_docs(views.size(), 0);

  const detail::SegmentRule rule{opt.threshold, opt.overlap};
  std::vector<detail::Seg> segs;
  int64_t text_total = 0, units_total = 0;
  size_t k = 0;
  for (const auto& d : rs.docs) {
    rep.documents.push_back(d.id);
    segs.clear();
    for (; k < rs.codings.size() && rs.codings[k].doc == d.id; ++k) {
      const auto& c = rs.codings[k];
      int coder = static_cast<int>(std::find(rs.coder_ids.begin(), rs.coder_ids.end(), c.coder) - rs.coder_ids.begin());
      segs.push_back({code_index.at(*rs.target(c.code)), coder, c.start, c.end, c.id});
    }
    std::sort(segs.begin(), segs.end(), [](const detail::Seg& a, const detail::Seg& b) {
      if (a.code != b.code) return a.code < b.code;
      if (a.coder != b.coder) return a.coder < b.coder;
      return a.start != b.start ? a.start < b.start : a.end < b.end;
    });
    for (size_t v = 0; v < views.size(); ++v) {
      const auto& view = views[v];
      if (view.pair() && (d.participants >> view.a & 1) && (d.participants >> view.b & 1)) ++pair_docs[v];
      if (opt.unit == AgreementUnit::character)
        detail::count_characters(segs, ncodes, d.length, d.participants, view, opt.exclude_uncoded, tallies[v]);
      else
        detail::count_segments(segs, ncodes, d.participants, view, rule, tallies[v]);
    }
    text_total += d.length;
  }

  const Wording w{opt.unit == AgreementUnit::character ? "code points" : "segment units"};
  // At segment level with a single code there is no passage where all say
  // "absent": the table has no "neither" cell by construction, and kappa and
  // alpha would only measure that artefact. They are not meaningful (n/a).
  const bool single_segment_code = opt.unit == AgreementUnit::segment && ncodes == 1;
  const std::string not_meaningful =
      ": n/a, not meaningful at segment level with a single code (no passage can be 'absent' for every coder; "
      "choose two or more codes, or use the character level)";
  auto build = [&](Id code, const std::string& path, const std::vector<const detail::Tally*>& per_view) {
    CodeAgreement ca;
    ca.code = code;
    ca.path = path;
    for (size_t v = 0; v < views.size(); ++v)
      if (views[v].pair()) {
        ca.pairs.push_back(pair_stats(*per_view[v], rs.coder_names[static_cast<size_t>(views[v].a)],
                                      rs.coder_names[static_cast<size_t>(views[v].b)], pair_docs[v], w));
        // Each pair's own alpha, on the units where both coders count.
        ca.pairs.back().alpha = alpha_stat(*per_view[v], 2, w);
      }
    const detail::Tally& all = *per_view.back();  // the all-coders view (the pair itself for two coders)
    ca.alpha = alpha_stat(all, m, w);
    ca.alpha_units = all.co.pairable();
    if (single_segment_code) {
      for (auto& pa : ca.pairs) {
        pa.kappa = {std::nan(""), "Cohen's kappa" + not_meaningful};
        pa.alpha = {std::nan(""), "Krippendorff's alpha" + not_meaningful};
      }
      ca.alpha = {std::nan(""), "Krippendorff's alpha" + not_meaningful};
    }
    return ca;
  };
  for (int c = 0; c < ncodes; ++c) {
    std::vector<const detail::Tally*> pv;
    for (auto& t : tallies) pv.push_back(&t[static_cast<size_t>(c)]);
    rep.codes.push_back(
        build(rs.reported[static_cast<size_t>(c)], p.code_path(rs.reported[static_cast<size_t>(c)]), pv));
  }
  std::vector<detail::Tally> pooled(views.size());
  for (size_t v = 0; v < views.size(); ++v)
    for (const auto& t : tallies[v]) {
      pooled[v].table += t.table;
      pooled[v].co += t.co;
      pooled[v].units += t.units;
    }
  std::vector<const detail::Tally*> pv;
  for (auto& t : pooled) pv.push_back(&t);
  rep.overall = build(0, "overall", pv);

  // Stance on the passages coded with the same code by two or more coders.
  const auto stance = detail::stance_units(rs, rule);
  std::vector<detail::Unit> pooled_stance;
  char thr[32];
  std::snprintf(thr, sizeof thr, "%g", opt.threshold);
  const std::string stance_method =
      std::string(
          "Stance agreement (supports / contradicts / neutral) on the passages two or more coders coded with "
          "the code: segments matched when their overlap (") +
      (opt.overlap == OverlapRatio::union_ ? "intersection over union" : "intersection over the shorter segment") +
      ") is at least " + thr + ".";
  for (int c = 0; c < ncodes; ++c) {
    const auto& units = stance[static_cast<size_t>(c)];
    rep.codes[static_cast<size_t>(c)].stance = detail::summarise_variable(
        "stance", {"supports", "contradicts", "neutral"}, rs.coder_names, units, stance_method);
    pooled_stance.insert(pooled_stance.end(), units.begin(), units.end());
  }
  rep.overall.stance = detail::summarise_variable("stance", {"supports", "contradicts", "neutral"}, rs.coder_names,
                                                  pooled_stance, stance_method + " Pooled over the codes.");
  // The text counted after leaving out uncoded text, for the method sentence:
  // every code's units are exactly that text (all-coders view).
  if (opt.unit == AgreementUnit::character && ncodes > 0) units_total = tallies.back()[0].units;
  rep.method = describe(opt, rs, units_total, text_total);
  return rep;
}

}  // namespace telaah::analysis
