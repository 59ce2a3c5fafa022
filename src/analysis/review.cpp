// Disagreement review: finding the passages where two coders differ and
// resolving them, each resolution one undoable action.
#include "analysis/review.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "analysis/agreement_units.h"
#include "store/project.h"
#include "store/util.h"
#include "text/utf8.h"

namespace telaah::analysis {

namespace {

constexpr const char* kKeptSetting = "review.kept";

std::set<std::string> kept_keys(const store::Project& p) {
  std::set<std::string> out;
  try {
    auto j = nlohmann::json::parse(p.setting(kKeptSetting, "[]"));
    if (j.is_array())
      for (const auto& k : j)
        if (k.is_string()) out.insert(k.get<std::string>());
  } catch (const nlohmann::json::exception&) {
    // A damaged list only means kept passages show again.
  }
  return out;
}

std::string key_of(const Disagreement& d) {
  std::string s = std::to_string(d.doc) + "|" + std::to_string(d.code);
  for (const auto* side : {&d.a, &d.b}) {
    s += "|";
    for (const auto& c : *side)
      s += std::to_string(c.id) + "," + std::to_string(c.code) + "," + std::to_string(c.start) + "," +
           std::to_string(c.end) + "," + store::to_string(c.stance) + ";";
  }
  return store::sha256_hex(s).substr(0, 20);
}

std::vector<detail::Span> coverage(const std::vector<store::Coding>& cs) {
  std::vector<detail::Span> s;
  for (const auto& c : cs) s.push_back({c.start, c.end});
  return detail::merge_spans(std::move(s));
}

std::set<store::Stance> stances(const std::vector<store::Coding>& cs) {
  std::set<store::Stance> s;
  for (const auto& c : cs) s.insert(c.stance);
  return s;
}

bool same_spans(const std::vector<detail::Span>& x, const std::vector<detail::Span>& y) {
  if (x.size() != y.size()) return false;
  for (size_t i = 0; i < x.size(); ++i)
    if (x[i].start != y[i].start || x[i].end != y[i].end) return false;
  return true;
}

// The passage must still be what the reviewer saw: a stale resolution
// would remove or copy the wrong codings.
void require_current(const store::Project& p, const Disagreement& d) {
  for (const auto* side : {&d.a, &d.b})
    for (const auto& c : *side) {
      store::Coding now;
      try {
        now = p.coding(c.id);
      } catch (const NotFound&) {
        throw UserError("coding #" + std::to_string(c.id) + " of this passage is gone; refresh the review list");
      }
      if (now.start != c.start || now.end != c.end || now.stance != c.stance || now.code != c.code ||
          now.coder != c.coder)
        throw UserError("coding #" + std::to_string(c.id) +
                        " of this passage changed since the list was made; refresh the review list");
    }
}

std::string where(const Disagreement& d) {
  return d.code_path + " in '" + d.doc_title + "'";
}

}  // namespace

const char* to_string(DisagreementKind k) {
  switch (k) {
    case DisagreementKind::only_a:
      return "only A";
    case DisagreementKind::only_b:
      return "only B";
    case DisagreementKind::boundaries:
      return "boundaries";
    default:
      return "stance";
  }
}

std::vector<Disagreement> list_disagreements(const store::Project& p, const ReviewOptions& opt) {
  if (opt.sel.coders.size() != 2)
    throw ValidationError("the review compares exactly two coders (e.g. --coders ayu,bima)");
  ResolvedSelection rs = resolve_selection(p, opt.sel);
  const auto kept = kept_keys(p);
  std::map<Id, std::string> titles, paths;
  std::vector<Disagreement> out;
  size_t k = 0;
  for (const auto& doc : rs.docs) {
    std::map<Id, std::vector<store::Coding>> by_code;  // target code -> codings of both coders, by start
    for (; k < rs.codings.size() && rs.codings[k].doc == doc.id; ++k)
      by_code[*rs.target(rs.codings[k].code)].push_back(rs.codings[k]);
    if (!(doc.participants & 1) || !(doc.participants & 2)) continue;
    for (auto& [code, cs] : by_code) {
      // Clusters of codings that overlap one another (a sweep over starts).
      for (size_t i = 0; i < cs.size();) {
        Disagreement d;
        d.doc = doc.id;
        d.code = code;
        d.start = cs[i].start;
        d.end = cs[i].end;
        size_t j = i;
        for (; j < cs.size() && cs[j].start < d.end; ++j) {
          d.end = std::max(d.end, cs[j].end);
          (cs[j].coder == rs.coder_ids[0] ? d.a : d.b).push_back(cs[j]);
        }
        i = j;
        if (d.b.empty())
          d.kind = DisagreementKind::only_a;
        else if (d.a.empty())
          d.kind = DisagreementKind::only_b;
        else {
          d.stance_differs = stances(d.a) != stances(d.b);
          if (same_spans(coverage(d.a), coverage(d.b))) {
            if (!d.stance_differs) continue;  // the coders agree on this passage
            d.kind = DisagreementKind::stance;
          } else
            d.kind = DisagreementKind::boundaries;
        }
        d.coder_a = rs.coder_ids[0];
        d.coder_b = rs.coder_ids[1];
        d.coder_a_name = rs.coder_names[0];
        d.coder_b_name = rs.coder_names[1];
        if (!titles.count(doc.id)) titles[doc.id] = p.document(doc.id).title;
        if (!paths.count(code)) paths[code] = p.code_path(code);
        d.doc_title = titles[doc.id];
        d.code_path = paths[code];
        d.key = key_of(d);
        d.kept = kept.count(d.key) > 0;
        if (d.kept && !opt.include_kept) continue;
        out.push_back(std::move(d));
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const Disagreement& x, const Disagreement& y) {
    if (x.doc != y.doc) return x.doc < y.doc;
    if (x.start != y.start) return x.start < y.start;
    return x.code < y.code;
  });
  return out;
}

void accept_side(store::Project& p, const Disagreement& d, bool accept_a) {
  require_current(p, d);
  const auto& win = accept_a ? d.a : d.b;
  const auto& lose = accept_a ? d.b : d.a;
  const Id loser = accept_a ? d.coder_b : d.coder_a;
  const std::string& name = accept_a ? d.coder_a_name : d.coder_b_name;
  auto act = p.begin_action("Resolve " + where(d) + ": accept " + name + "'s coding");
  std::vector<bool> used(win.size(), false);
  for (const auto& l : lose) {
    bool kept = false;
    for (size_t i = 0; i < win.size() && !kept; ++i)
      if (!used[i] && win[i].start == l.start && win[i].end == l.end && win[i].code == l.code) {
        used[i] = kept = true;
        if (win[i].stance != l.stance) p.set_stance(l.id, win[i].stance);
      }
    if (!kept) p.remove_coding(l.id);
  }
  for (size_t i = 0; i < win.size(); ++i) {
    if (used[i]) continue;
    store::Coding c;
    c.doc = d.doc;
    c.code = win[i].code;
    c.coder = loser;
    c.start = win[i].start;
    c.end = win[i].end;
    c.stance = win[i].stance;
    c.origin = "review: accepted " + name + "'s coding #" + std::to_string(win[i].id);
    p.add_coding(c);
  }
  act.commit();
}

void keep_both(store::Project& p, const Disagreement& d) {
  require_current(p, d);
  auto keys = kept_keys(p);
  if (keys.count(d.key)) return;  // already kept: nothing to do, nothing to undo
  keys.insert(d.key);
  auto act = p.begin_action("Keep both codings of " + where(d));
  p.set_setting(kKeptSetting, nlohmann::json(keys).dump());
  act.commit();
}

void set_agreed(store::Project& p, const Disagreement& d, const AgreedVersion& v) {
  require_current(p, d);
  const int64_t len = p.document(d.doc).length_cp;
  if (v.start < 0 || v.end > len || v.end <= v.start)
    throw ValidationError("the agreed span " + std::to_string(v.start) + ".." + std::to_string(v.end) +
                          " is outside '" + d.doc_title + "' (it has " + std::to_string(len) + " characters)");
  Id code = 0;
  if (v.code)
    code = p.code(*v.code).id;
  else {
    std::set<Id> used;
    for (const auto* side : {&d.a, &d.b})
      for (const auto& c : *side) used.insert(c.code);
    if (used.size() != 1)
      throw ValidationError("the codings of this passage use different codes; say which code the agreed version has");
    code = *used.begin();
  }
  auto act = p.begin_action("Agree on " + where(d) + ": [" + std::to_string(v.start) + "," + std::to_string(v.end) +
                            ") " + store::to_string(v.stance));
  for (int side = 0; side < 2; ++side) {
    const auto& cs = side == 0 ? d.a : d.b;
    const Id coder = side == 0 ? d.coder_a : d.coder_b;
    // Keep one coding of the agreed code (the exact span if there is one), so its memo survives.
    const store::Coding* keep = nullptr;
    for (const auto& c : cs)
      if (c.code == code && (!keep || (c.start == v.start && c.end == v.end))) keep = &c;
    for (const auto& c : cs)
      if (&c != keep) p.remove_coding(c.id);
    if (keep) {
      if (keep->start != v.start || keep->end != v.end) p.set_coding_span(keep->id, v.start, v.end);
      if (keep->stance != v.stance) p.set_stance(keep->id, v.stance);
    } else {
      store::Coding c;
      c.doc = d.doc;
      c.code = code;
      c.coder = coder;
      c.start = v.start;
      c.end = v.end;
      c.stance = v.stance;
      c.origin = "review: agreed version";
      p.add_coding(c);
    }
  }
  act.commit();
}

std::string passage_text(const store::Project& p, Id doc, int64_t start, int64_t end) {
  const std::string body = p.text(doc);
  text::OffsetMap m(body);
  return std::string(text::slice_cp(body, m, static_cast<size_t>(std::max<int64_t>(0, start)),
                                    static_cast<size_t>(std::max<int64_t>(0, end))));
}

}  // namespace telaah::analysis
