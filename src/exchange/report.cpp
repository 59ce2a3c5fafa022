// Gathering the evaluation report from the model: matrix, evaluation,
// quotes with citations, impediments and the facts of the method.
#include "exchange/report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "analysis/agreement.h"
#include "analysis/method_settings.h"
#include "analysis/overrides.h"
#include "analysis/project_settings.h"
#include "exchange/report_matrix.h"
#include "store/evaluation_rows.h"
#include "store/project.h"
#include "store/suggestions.h"
#include "text/utf8.h"

namespace telaah::exchange {

using namespace analysis;

std::string citation(const store::Project& p, store::Id doc, int64_t start, Lang lang) {
  const auto d = p.document(doc);
  std::string where = d.title;
  const auto pages = p.pages(doc);
  if (!pages.empty()) {
    int page = pages.front().page;
    for (const auto& pg : pages)
      if (pg.start <= start) page = pg.page;
    return where + ", " + tr(lang, T::page) + " " + std::to_string(page);
  }
  const auto blocks = p.blocks(doc);
  size_t para = 0;
  for (size_t i = 0; i < blocks.size(); ++i)
    if (blocks[i].start <= start) para = i + 1;
  return where + ", " + tr(lang, T::para) + " " + std::to_string(std::max<size_t>(para, 1));
}

namespace {

struct DocText {
  std::string text;
  text::OffsetMap map;
};

// Quotes from the evidence table, with the document texts read once each.
class Quoter {
 public:
  Quoter(const store::Project& p, const EvidenceTable& t, size_t max_chars, Lang lang)
      : p_(p), t_(t), max_chars_(max_chars), lang_(lang) {}

  Quote quote(size_t row) {
    const store::Id doc = t_.doc_id[static_cast<size_t>(t_.row_doc[row])];
    auto& dt = texts_[doc];
    if (!dt) {
      dt = std::make_unique<DocText>();
      dt->text = p_.text(doc);
      dt->map = text::OffsetMap(dt->text);
    }
    Quote q;
    q.coding_id = t_.row_id[row];
    std::string raw(text::slice_cp(dt->text, dt->map, static_cast<size_t>(t_.row_start[row]),
                                   static_cast<size_t>(t_.row_end[row])));
    q.text = tidy(raw);
    q.citation = citation(p_, doc, t_.row_start[row], lang_);
    // An area coding (issue 24) says so: its text is the words inside the rectangle.
    if (auto a = p_.coding_area(q.coding_id))
      q.citation = p_.document(doc).title + ", " + tr(lang_, T::area_on_page) + " " + std::to_string(a->page);
    q.stance = store::to_string(t_.row_stance[row]);
    q.coder = t_.coder_name[static_cast<size_t>(t_.row_coder[row])];
    const int32_t code = t_.row_code[row];
    if (t_.code_rollup[static_cast<size_t>(code)] != code) q.code = t_.code_name[static_cast<size_t>(code)];
    q.memo = memo(q.coding_id);
    return q;
  }

 private:
  std::string tidy(const std::string& s) const { return text::one_line(s, max_chars_, " \xE2\x80\xA6"); }

  std::string memo(store::Id coding) {
    try {
      return p_.coding(coding).memo;
    } catch (const NotFound&) {
      return "";
    }
  }

  const store::Project& p_;
  const EvidenceTable& t_;
  size_t max_chars_;
  Lang lang_;
  std::map<store::Id, std::unique_ptr<DocText>> texts_;
};

// Up to `n` rows, one per document in turn, so that a cell's quotes show the
// spread of its sources rather than one talkative document.
std::vector<size_t> spread(const EvidenceTable& t, const std::vector<size_t>& rows, size_t n) {
  std::vector<std::vector<size_t>> by_doc;
  int32_t doc = -1;
  for (size_t r : rows) {
    if (t.row_doc[r] != doc) {
      by_doc.emplace_back();
      doc = t.row_doc[r];
    }
    by_doc.back().push_back(r);
  }
  std::vector<size_t> out;
  for (size_t round = 0; out.size() < n; ++round) {
    bool any = false;
    for (const auto& d : by_doc)
      if (round < d.size() && out.size() < n) {
        out.push_back(d[round]);
        any = true;
      }
    if (!any) break;
  }
  std::sort(out.begin(), out.end());  // back to document order
  return out;
}

// The quotes of a cell: every contradicting coding (the negative cases are
// never cut), first, then up to `n` in all with the others spread over the
// documents. Returns the rows to show; the rest are counted as omitted.
std::vector<size_t> choose_quotes(const EvidenceTable& t, const std::vector<size_t>& rows, size_t n) {
  std::vector<size_t> negative, rest;
  for (size_t r : rows) (t.row_stance[r] == store::Stance::contradicts ? negative : rest).push_back(r);
  auto out = negative;
  for (size_t r : spread(t, rest, n > negative.size() ? n - negative.size() : 0)) out.push_back(r);
  return out;
}

std::string attribute(const std::vector<store::Attribute>& attrs, std::initializer_list<const char*> names) {
  for (const char* n : names)
    for (const auto& a : attrs)
      if (a.name == n) return a.value;
  return "";
}

AgreementSection agreement_section(const store::Project& p, const EvidenceTable& t) {
  AgreementSection a;
  std::vector<size_t> per_coder(t.coder_name.size(), 0);
  for (size_t i = 0; i < t.size(); ++i) ++per_coder[static_cast<size_t>(t.row_coder[i])];
  for (size_t c = 0; c < t.coder_name.size(); ++c)
    if (per_coder[c]) a.coders.push_back(t.coder_name[c]);
  if (a.coders.size() < 2) return a;
  try {
    AgreementOptions opt;
    opt.sel.coders = a.coders;
    opt.sel.rollup = true;
    opt.unit = AgreementUnit::segment;
    opt.threshold = real_setting(p, "agreement.threshold", 0.5);
    opt.overlap = p.setting("agreement.overlap", "union") == "shorter" ? OverlapRatio::shorter : OverlapRatio::union_;
    const AgreementReport rep = compute_agreement(p, opt);
    a.documents = rep.documents.size();
    auto add = [&](const CodeAgreement& c, bool pooled) {
      const std::string code = pooled ? "" : c.path;  // "": the pooled row, named by the renderer
      for (const auto& pr : c.pairs) {
        double stance = std::nan("");
        for (const auto& sp : c.stance.pairs)
          if (sp.coder_a == pr.coder_a && sp.coder_b == pr.coder_b) stance = sp.alpha.value;
        a.rows.push_back({code, pr.coder_a + "–" + pr.coder_b, pr.percent.value, pr.kappa.value, pr.alpha.value,
                          c.pairs.size() == 1 ? c.stance.alpha.value : stance, c.stance.pairable});
      }
      if (c.pairs.size() > 1)  // three or more coders: the all-coder alpha on its own row
        a.rows.push_back(
            {code, "", std::nan(""), std::nan(""), c.alpha.value, c.stance.alpha.value, c.stance.pairable});
    };
    for (const auto& c : rep.codes) add(c, false);
    add(rep.overall, true);
  } catch (const std::exception& e) {
    a.error = e.what();
  }
  return a;
}

}  // namespace

ReportData build_report(const store::Project& p, const EvidenceTable& t, const ReportOptions& o) {
  ReportData r;
  r.project_file = p.path().filename().string();
  r.lang = o.lang;
  r.meta = load_meta(p);
  r.title = r.meta.title;
  r.generated = o.generated.empty() ? store::now_iso().substr(0, 10) : o.generated;
  Query q = o.query;
  if (q.coders.empty()) q.coders = default_coders(p, t);
  r.matrix = triangulate(t, q, settings_from_project(p));
  apply_overrides(r.matrix, load_overrides(p));
  r.evaluation = evaluate(p, t, r.matrix);
  const Matrix& m = r.matrix;

  Quoter quoter(p, t, o.quote_chars, o.lang);
  // Sub-code rows under each indicator (the same query, one row per sub-code).
  Query qs = q;
  qs.subcodes = true;
  Matrix with_subcodes = triangulate(t, qs, settings_from_project(p));
  // The table rows of codings the justifications cite.
  std::set<store::Id> cited;
  for (const auto& ie : r.evaluation.indicators)
    if (ie.recorded) cited.insert(ie.recorded->evidence.begin(), ie.recorded->evidence.end());
  std::unordered_map<store::Id, size_t> row_of;
  if (!cited.empty())
    for (size_t i = 0; i < t.size(); ++i)
      if (cited.count(t.row_id[i])) row_of[t.row_id[i]] = i;

  for (size_t i = 0; i < m.rows.size(); ++i) {
    const Row& row = m.rows[i];
    IndicatorSection s;
    s.index = i;
    s.name = t.code_name[static_cast<size_t>(row.code)];
    const int32_t parent = t.code_parent[static_cast<size_t>(row.code)];
    s.variable = parent >= 0 ? t.code_name[static_cast<size_t>(parent)] : "";
    s.definition = p.code(row.code_id).definition;
    for (const auto& sub : with_subcodes.rows)
      if (sub.parent >= 0 && with_subcodes.rows[static_cast<size_t>(sub.parent)].code_id == row.code_id) {
        s.subcodes.push_back(sub);
        if (sub.path.rfind(row.path + "/", 0) == 0) s.subcodes.back().path = sub.path.substr(row.path.size() + 1);
      }
    for (size_t c = 0; c < m.columns.labels.size(); ++c) {
      ColumnEvidence ce;
      ce.column = m.columns.labels[c];
      ce.cell = row.cells[c];
      auto rows = cell_rows(t, m, row.code, static_cast<int>(c));
      auto shown = choose_quotes(t, rows, o.quotes_per_cell);
      for (size_t x : shown) ce.quotes.push_back(quoter.quote(x));
      ce.omitted = rows.size() - shown.size();
      s.columns.push_back(std::move(ce));
    }
    const auto& ie = r.evaluation.indicators[i];
    if (ie.recorded)
      for (store::Id id : ie.recorded->evidence) {
        auto it = row_of.find(id);
        if (it != row_of.end())
          s.linked_evidence.push_back(quoter.quote(it->second));
        else {
          Quote gone;
          gone.coding_id = id;
          gone.text = tr(o.lang, T::gone);
          s.linked_evidence.push_back(gone);
        }
      }
    for (size_t k : ie.impediments) s.impediments.push_back(quoter.quote(r.evaluation.impediments[k].row));
    r.indicators.push_back(std::move(s));
  }
  for (const auto& item : r.evaluation.impediments) {
    ImpedimentEntry e;
    e.quote = quoter.quote(item.row);
    e.quote.code = t.code_name[static_cast<size_t>(t.row_code[item.row])];
    for (store::Id id : item.indicators)
      if (const Row* row = m.find(id)) e.indicators.push_back(t.code_name[static_cast<size_t>(row->code)]);
    r.impediments.push_back(std::move(e));
  }

  MethodFacts& f = r.method;
  f.coders = q.coders.empty() ? t.coder_name : q.coders;
  std::map<int32_t, int64_t> per_type;
  for (size_t d = 0; d < t.doc_count(); ++d)
    if (t.doc_live[d]) {
      ++per_type[t.doc_type[d]];
      ++f.documents;
    }
  for (int32_t ty : t.type_order)
    if (per_type.count(ty)) f.documents_by_type.push_back({t.type_name[static_cast<size_t>(ty)], per_type[ty]});
  f.codings_total = static_cast<int64_t>(t.size());
  f.codings_counted = m.codings;
  f.unassigned = m.unassigned;
  f.revision = t.revision();
  f.suggestions_enabled = store::suggestions_enabled(p);
  f.suggestion_codings = store::suggestion_coding_count(p);
  f.suggestions_coder = store::suggestions_coder(p);
  if (!q.from.empty() || !q.to.empty())
    f.date_filter =
        format_date(o.lang, q.from.empty() ? "…" : q.from) + " – " + format_date(o.lang, q.to.empty() ? "…" : q.to);

  // The method settings in force, from the one registry.
  for (const auto& spec : method_settings())
    r.settings.push_back(
        {spec.key, setting_value(p, spec), spec.default_value, o.lang == Lang::id ? spec.meaning_id : spec.meaning_en});

  // The document inventory.
  const auto pseudonymised = store::pseudonymised_documents(p);
  for (const auto& d : p.documents()) {
    const auto attrs = p.attributes(d.id);
    r.inventory.push_back({d.id, d.title, d.source_type, d.date, d.author,
                           attribute(attrs, {"informant", "informan", "pseudonym"}),
                           attribute(attrs, {"role", "peran", "informant_role"}), pseudonymised.count(d.id) > 0});
  }

  if (o.agreement) r.agreement = agreement_section(p, t);

  // The audit trail: every judgement that replaces an automatic value.
  using K = AuditEntry::Kind;
  for (const auto& row : m.rows) {
    if (row.status_override) {
      const auto& ov = *row.status_override;
      r.audit.push_back({K::status, row.path, ov.label, ov.automatic_then, to_string(row.automatic), ov.coder,
                         ov.confirmed.empty() ? ov.created : ov.confirmed, ov.memo, ov.stale});
    }
    for (const auto& pr : row.pairs)
      if (pr.override) {
        const auto& ov = *pr.override;
        r.audit.push_back({K::pair, row.path + " · " + pair_name(m, pr), ov.label, ov.automatic_then,
                           pr.automatic == Convergence::none ? "none" : to_string(pr.automatic), ov.coder,
                           ov.confirmed.empty() ? ov.created : ov.confirmed, ov.memo, ov.stale});
      }
  }
  for (const auto& ie : r.evaluation.indicators)
    if (ie.recorded)
      r.audit.push_back({K::rating, ie.path, to_string(ie.recorded->rating), ie.recorded->automatic,
                         to_string(ie.suggested.rating), ie.recorded->coder,
                         ie.recorded->confirmed.empty() ? ie.recorded->modified : ie.recorded->confirmed,
                         ie.recorded->justification, ie.stale});
  const auto& v = r.evaluation.verdict;
  if (v.override)
    r.audit.push_back({K::verdict, "", to_string(*v.override), v.audit.automatic, to_string(v.automatic), v.audit.coder,
                       v.audit.at, v.memo, v.stale});
  gather_judgement(p, t, o, r);
  return r;
}

}  // namespace telaah::exchange
