// The effect of candidate method settings on the matrix (see method_preview.h).
#include "ui/method/method_preview.h"

#include <cstdlib>

#include "analysis/method_settings.h"
#include "analysis/overrides.h"
#include "analysis/project_settings.h"
#include "store/project.h"

namespace telaah::ui {

namespace {

// The candidate's value of a key, or the project's value in force.
std::string value_of(const store::Project& p, const std::map<std::string, std::string>& c, const std::string& key) {
  const analysis::SettingSpec* spec = analysis::find_setting(key);
  auto it = c.find(key);
  if (it == c.end()) return spec ? analysis::setting_value(p, *spec) : p.setting(key);
  return it->second.empty() && spec ? spec->default_value : it->second;
}

int stale_count(const analysis::Matrix& m) {
  int n = 0;
  for (const auto& r : m.rows) {
    n += r.status_override && r.status_override->stale;
    for (const auto& pr : r.pairs) n += pr.override && pr.override->stale;
  }
  return n;
}

}  // namespace

analysis::Settings candidate_settings(const store::Project& p, const std::map<std::string, std::string>& c) {
  analysis::Settings s = analysis::settings_from_project(p);
  if (c.empty()) return s;
  s.k = std::atoi(value_of(p, c, "triangulation.k").c_str());
  s.m = std::atoi(value_of(p, c, "triangulation.m").c_str());
  s.prominence = std::atof(value_of(p, c, "triangulation.prominence").c_str());
  s.same_passage = std::atof(value_of(p, c, "triangulation.same_passage").c_str());
  s.unit = value_of(p, c, "triangulation.prominence_unit") == "documents" ? analysis::ProminenceUnit::documents
                                                                          : analysis::ProminenceUnit::codings;
  s.duplicates_once = value_of(p, c, "triangulation.duplicates") != "each";
  analysis::validate(s);
  return s;
}

std::vector<std::string> candidate_coders(const store::Project& p, const analysis::EvidenceTable& t,
                                          const std::map<std::string, std::string>& c) {
  if (!c.count("triangulation.coders")) return analysis::default_coders(p, t);
  return analysis::resolve_coders(p, t, {value_of(p, c, "triangulation.coders")});
}

MethodPreview preview_method_change(const store::Project& p, const std::map<std::string, std::string>& candidate) {
  MethodPreview out;
  out.revision = p.revision();
  const auto table = analysis::EvidenceTable::load(p);
  const auto overrides = analysis::load_overrides(p);
  analysis::Query q;
  q.coders = analysis::default_coders(p, table);
  analysis::Matrix before = analysis::triangulate(table, q, analysis::settings_from_project(p));
  analysis::apply_overrides(before, overrides);
  analysis::Query q2 = q;
  q2.coders = candidate_coders(p, table, candidate);
  analysis::Matrix after = analysis::triangulate(table, q2, candidate_settings(p, candidate));
  analysis::apply_overrides(after, overrides);
  out.stale_before = stale_count(before);
  out.stale_after = stale_count(after);
  out.units_before = before.codings;
  out.units_after = after.codings;
  for (const auto& rb : before.rows) {
    const analysis::Row* ra = after.find(rb.code_id);
    if (!ra) continue;
    if (rb.effective != ra->effective || rb.automatic != ra->automatic)
      out.changes.push_back({rb.path, "", "", analysis::to_string(rb.effective), analysis::to_string(ra->effective),
                             analysis::to_string(rb.automatic), analysis::to_string(ra->automatic),
                             rb.status_override.has_value()});
    for (size_t k = 0; k < rb.pairs.size() && k < ra->pairs.size(); ++k) {
      const auto &pb = rb.pairs[k], &pa = ra->pairs[k];
      if (pb.effective == pa.effective && pb.automatic == pa.automatic) continue;
      out.changes.push_back({rb.path, before.columns.labels[static_cast<size_t>(pb.a)],
                             before.columns.labels[static_cast<size_t>(pb.b)], analysis::to_string(pb.effective),
                             analysis::to_string(pa.effective), analysis::to_string(pb.automatic),
                             analysis::to_string(pa.automatic), pb.override.has_value()});
    }
  }
  return out;
}

}  // namespace telaah::ui
