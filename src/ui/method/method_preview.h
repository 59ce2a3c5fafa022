// What a change of method settings would do to the triangulation matrix,
// before it is applied: the matrix over source types (all dates, the coder
// rule in force or the candidate one) under the settings in force and under
// the candidate settings, overrides applied to both, compared indicator by
// indicator. Plain data, no ImGui: the Method settings dialog runs it on a
// worker with its own read-only snapshot of the project, and tests read it.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "analysis/triangulation.h"

namespace telaah::store {
class Project;
}

namespace telaah::ui {

// One indicator's status or one pair's label that the candidate changes.
struct MethodChange {
  std::string indicator;                          // the indicator's path
  std::string pair_a, pair_b;                     // the pair's columns (source type names); empty: the status
  std::string before, after;                      // the effective values (analysis::to_string)
  std::string automatic_before, automatic_after;  // the rules' values under each
  bool overridden = false;  // an override holds the effective value (only the automatic one moves)
};

struct MethodPreview {
  int64_t revision = -1;
  std::vector<MethodChange> changes;
  int stale_before = 0, stale_after = 0;      // overrides flagged stale under each
  int64_t units_before = 0, units_after = 0;  // evidence units counted in the matrix
  std::string error;                          // the preview could not be computed (why)
};

// The triangulation settings and counted coders under `candidate` (setting
// key -> the value as it would be stored, "" = the default), the project's
// values for every key not in it.
analysis::Settings candidate_settings(const store::Project& p, const std::map<std::string, std::string>& candidate);
std::vector<std::string> candidate_coders(const store::Project& p, const analysis::EvidenceTable& t,
                                          const std::map<std::string, std::string>& candidate);

// Compares the matrix under the project's settings with the one under
// `candidate`. Throws the model's typed errors.
MethodPreview preview_method_change(const store::Project& p, const std::map<std::string, std::string>& candidate);

}  // namespace telaah::ui
