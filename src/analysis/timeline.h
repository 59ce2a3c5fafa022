// The evidence timeline of an indicator (issue 23): the codings of a code
// (and its sub-codes) placed by their document's date, per year, quarter or
// month, split by source type and stance.
//
// Rules (shown in `telaah timeline --help` and README):
// - A coding falls in the bin of its document's date: year "2013", quarter
//   "2013-Q2" (months 1-3 are Q1, 4-6 Q2, 7-9 Q3, 10-12 Q4), month "2013-05".
// - A document without a date is counted apart (undated); a document dated
//   less precisely than the bin (a year only, under quarter or month; a month
//   only, never under month or quarter) is counted apart too (imprecise),
//   never guessed into a bin.
// - Bins run without gaps from the earliest to the latest date found, widened
//   to the study period (setting project.period, its first and last four-digit
//   years, e.g. "2011–2015"); bins inside the period are marked.
// - A bin counts codings, and the distinct documents they are in.
#pragma once
#include <array>
#include <map>
#include <string>
#include <vector>

#include "store/types.h"

namespace telaah::store {
class Project;
}

namespace telaah::analysis {

enum class TimeBin { year, quarter, month };
TimeBin time_bin_from(const std::string& s);  // year | quarter | month; ValidationError otherwise
// The bin of a date, or "" when the date is empty or less precise than the bin.
std::string bin_of(const std::string& date, TimeBin bin);
// The bin after `label` ("2013-Q4" -> "2014-Q1").
std::string next_bin(const std::string& label, TimeBin bin);

struct TimelineBin {
  std::string label;
  bool in_period = false;
  int64_t codings = 0, documents = 0;
  std::map<std::string, int64_t> by_type;  // source type -> codings
  std::array<int64_t, 3> by_stance{};      // supports, contradicts, neutral
  std::vector<store::Id> evidence;         // coding ids, by document then start
};

struct Timeline {
  std::string code_path, period;
  int period_from = 0, period_to = 0;  // years; 0 when the period names none
  std::vector<TimelineBin> bins;       // chronological
  TimelineBin undated, imprecise;      // labels "undated", "imprecise"
};

// Years named by a period text: the first and the last run of four digits.
std::pair<int, int> period_years(const std::string& period);

Timeline evidence_timeline(const store::Project& p, store::Id code, TimeBin bin);

}  // namespace telaah::analysis
