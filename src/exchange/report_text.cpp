// The report's words in English and Bahasa Indonesia (see report_text.h).
#include "exchange/report_text.h"

#include <cmath>
#include <cstdio>

#include "store/errors.h"

namespace telaah::exchange {

using namespace analysis;

Lang lang_from_string(const std::string& in) {
  std::string s;
  for (char c : in) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (s == "en" || s == "english") return Lang::en;
  if (s == "id" || s == "indonesian" || s == "bahasa" || s == "in") return Lang::id;
  throw ValidationError("unknown report language '" + in + "' (use id or en)");
}

const char* to_string(Lang l) {
  return l == Lang::id ? "id" : "en";
}

const std::vector<ReportLabel>& report_labels() {
  static const std::vector<ReportLabel> t = {
#define TELAAH_X(key, en, id) {#key, en, id},
      TELAAH_REPORT_LABELS(TELAAH_X)
#undef TELAAH_X
  };
  return t;
}

std::vector<ReportLabel> all_report_labels() {
  auto out = report_labels();
  for (const auto& l : rating_labels()) out.push_back({"rating", l.en, l.id});
  for (const auto& l : verdict_labels()) out.push_back({"verdict", l.en, l.id});
  return out;
}

std::string tr(Lang l, T key) {
  const auto& e = report_labels()[static_cast<size_t>(key)];
  return l == Lang::id ? e.id : e.en;
}

std::string fmt(Lang l, T key, const std::vector<std::string>& args) {
  std::string s = tr(l, key), out;
  size_t next = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "{}") == 0) {
      out += next < args.size() ? args[next++] : "";
      ++i;
    } else
      out += s[i];
  }
  return out;
}

std::string label(Lang l, Status s) {
  switch (s) {
    case Status::gap:
      return tr(l, T::st_gap);
    case Status::single_source:
      return tr(l, T::st_single_source);
    case Status::insufficient:
      return tr(l, T::st_insufficient);
    case Status::triangulated:
      return tr(l, T::st_triangulated);
    case Status::divergent:
      return tr(l, T::st_divergent);
  }
  return "";
}

std::string label(Lang l, Convergence c) {
  switch (c) {
    case Convergence::none:
      return tr(l, T::cv_none);
    case Convergence::agreement:
      return tr(l, T::cv_agreement);
    case Convergence::partial:
      return tr(l, T::cv_partial);
    case Convergence::silence:
      return tr(l, T::cv_silence);
    case Convergence::dissonance:
      return tr(l, T::cv_dissonance);
  }
  return "";
}

std::string label(Lang l, Rating r) {
  return l == Lang::id ? to_indonesian(r) : to_string(r);
}

std::string label(Lang l, Verdict v) {
  return l == Lang::id ? to_indonesian(v) : to_string(v);
}

std::string stance_label(Lang l, const std::string& s) {
  if (s == "supports") return tr(l, T::sc_supports);
  if (s == "contradicts") return tr(l, T::sc_contradicts);
  if (s == "neutral") return tr(l, T::sc_neutral);
  return s;
}

std::string stored_label(Lang l, const std::string& en) {
  if (en.empty()) return "";
  try {
    return label(l, status_from_string(en));
  } catch (const std::exception&) {
  }
  if (en == "none") return tr(l, T::cv_none);
  try {
    return label(l, convergence_from_string(en));
  } catch (const std::exception&) {
  }
  for (const auto& x : rating_labels())
    if (en == x.en) return l == Lang::id ? x.id : x.en;
  for (const auto& x : verdict_labels())
    if (en == x.en) return l == Lang::id ? x.id : x.en;
  return en;
}

namespace {

bool digits(const std::string& s, size_t at, size_t n) {
  if (s.size() < at + n) return false;
  for (size_t i = at; i < at + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

std::string month(Lang l, int m) {
  return tr(l, static_cast<T>(static_cast<int>(T::m01) + m - 1));
}

}  // namespace

std::string format_date(Lang l, const std::string& iso) {
  if (!digits(iso, 0, 4)) return iso;
  const std::string year = iso.substr(0, 4);
  if (iso.size() == 4) return year;
  if (iso.size() < 7 || iso[4] != '-' || !digits(iso, 5, 2)) return iso;
  const int m = std::stoi(iso.substr(5, 2));
  if (m < 1 || m > 12) return iso;
  if (iso.size() == 7) return month(l, m) + " " + year;
  if (iso.size() < 10 || iso[7] != '-' || !digits(iso, 8, 2)) return iso;
  std::string out = std::to_string(std::stoi(iso.substr(8, 2))) + " " + month(l, m) + " " + year;
  if (iso.size() >= 16 && iso[10] == 'T') out += " " + iso.substr(11, 5) + " UTC";
  return out;
}

std::string format_number(Lang l, double x) {
  char b[32];
  std::snprintf(b, sizeof b, "%g", x);
  std::string s = b;
  if (l == Lang::id)
    for (auto& c : s)
      if (c == '.') c = ',';
  return s;
}

std::string format_stat(Lang l, double x) {
  if (!std::isfinite(x)) return tr(l, T::na);
  char b[32];
  std::snprintf(b, sizeof b, "%.3f", x);
  std::string s = b;
  if (s == "-0.000") s = "0.000";
  if (l == Lang::id)
    for (auto& c : s)
      if (c == '.') c = ',';
  return s;
}

std::string format_percent(double share) {
  return std::to_string(static_cast<int>(std::floor(share * 100 + 0.5))) + "%";
}

std::string suggestion_reason(Lang l, const Row& row, const EvalSettings& s) {
  // The branches of analysis::suggest_rating, in words.
  const int64_t sup = row.total.supports, con = row.total.contradicts;
  const std::string counts =
      fmt(l, T::r_counts, {std::to_string(sup), std::to_string(con), std::to_string(row.total.neutral)});
  const std::string status = label(l, row.effective);
  if (row.effective == Status::gap) return tr(l, T::r_gap);
  if (sup + con == 0) return fmt(l, T::r_neutral_only, {status, counts});
  if (row.effective == Status::divergent) return fmt(l, T::r_divergent, {counts});
  const double share = static_cast<double>(sup) / static_cast<double>(sup + con);
  if (share >= s.support_share)
    return row.effective == Status::triangulated ? fmt(l, T::r_supported, {counts})
                                                 : fmt(l, T::r_uncorroborated, {status, counts});
  if (share <= 1.0 - s.support_share) return fmt(l, T::r_contradicting, {status, counts});
  return fmt(l, T::r_mixed, {status, counts});
}

std::string verdict_reason(Lang l, const VerdictResult& v, const EvalSettings& s) {
  // The branches of analysis::verdict, in words.
  if (v.present == 0) return tr(l, T::v_no_weight);
  const std::string cov =
      fmt(l, T::v_coverage, {std::to_string(v.with_rating), std::to_string(v.present), format_percent(v.coverage)});
  if (v.automatic == Verdict::undetermined)
    return v.rated == 0 && v.coverage + 1e-9 >= s.min_coverage
               ? fmt(l, T::v_none_rated, {cov})
               : fmt(l, T::v_below, {cov, format_percent(s.min_coverage)});
  std::string r = fmt(l, T::v_score, {format_percent(v.score), cov});
  if (v.impeded) r += fmt(l, T::v_impeded, {std::to_string(v.impeded), format_number(l, s.impediment_penalty)});
  r += v.automatic == Verdict::effective ? fmt(l, T::v_at_least, {format_percent(s.effective)})
       : v.automatic == Verdict::fairly_effective
           ? fmt(l, T::v_between, {format_percent(s.fairly), format_percent(s.effective)})
           : fmt(l, T::v_below_t, {format_percent(s.fairly)});
  return r;
}

std::string coder_rule(Lang l, const std::vector<std::string>& coders) {
  if (coders.empty()) return tr(l, T::cr_all);
  if (coders.size() == 1) return fmt(l, T::cr_one, {coders[0]});
  std::string names;
  for (const auto& c : coders) names += (names.empty() ? "" : ", ") + c;
  return fmt(l, T::cr_set, {names});
}

std::vector<std::string> method_statement(Lang l, const Matrix& m, const EvalSettings& e) {
  const auto& s = m.settings;
  std::string imp;
  for (const auto& n : e.impediment_codes) imp += (imp.empty() ? "" : ", ") + n;
  const std::string dim = m.columns.dimension == "type" ? tr(l, T::type) : m.columns.dimension;
  return {
      fmt(l, T::ms_convergence, {dim}),
      fmt(l, T::ms_units, {coder_rule(l, m.query.coders), format_number(l, s.same_passage)}),
      fmt(l, T::ms_net, {s.unit == ProminenceUnit::documents ? tr(l, T::documents) : tr(l, T::pu_passages)}),
      fmt(l, T::ms_labels, {format_number(l, s.prominence)}),
      fmt(l, T::ms_status, {std::to_string(s.k), std::to_string(s.m)}),
      fmt(l, T::ms_rating, {format_number(l, e.support_share), format_number(l, 1 - e.support_share)}),
      fmt(l, T::ms_impediments, {imp}),
      fmt(l, T::ms_score,
          {tr(l, e.insufficient_counts_as_not_achieved ? T::ms_ins_zero : T::ms_ins_out),
           format_number(l, e.impediment_penalty)}),
      fmt(l, T::ms_coverage,
          {format_number(l, e.min_coverage), format_number(l, e.effective), format_number(l, e.fairly)}),
      tr(l, T::ms_overrides),
  };
}

}  // namespace telaah::exchange
