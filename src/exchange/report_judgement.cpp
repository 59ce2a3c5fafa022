// The report's judgement sections (issue 21 items 1–4), gathered from the
// store and the analysis (gather_judgement) and laid out as blocks in the
// report's language (judgement_indicator_blocks, judgement_report_blocks), so
// HTML, Markdown and DOCX carry them alike.
//
// What is shown, and when (the method section says it in one sentence,
// T::ms_judgement):
//   - under each indicator, after its rating: its summary cells (source-type
//     cells in column order, then case cells by name), each with its text,
//     author and date, the cited passages quoted with their places, and one
//     line per broken citation; the impediment findings naming the indicator
//     with their evidence quotes; the number of typed links per relation with
//     an end among the indicator's codings (analysis::link_counts' rule).
//     Each of the three is left out when the indicator has none.
//   - section 8, the summary grid: indicator × source type and, when a case
//     cell is written, indicator × case (the start of each cell's text with
//     its citation counts), then the cells of codes that are no indicators;
//     one line when no summary is written.
//   - section 7 ends with the list of impediment findings (one line when
//     there is none); section 9 lists the cases with their attributes and
//     members and the indicator × case matrix (triangulate_by_case); one line
//     when no case is defined.
#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "analysis/judgement.h"
#include "analysis/triangulation.h"
#include "exchange/report_doc.h"
#include "store/judgement.h"
#include "store/project.h"
#include "store/rating_citations.h"
#include "text/utf8.h"

namespace telaah::exchange {

using namespace analysis;

namespace {

// Quotes of codings by id, each document's text read once.
class CodingQuoter {
 public:
  CodingQuoter(const store::Project& p, size_t max_chars, Lang lang) : p_(p), max_chars_(max_chars), lang_(lang) {
    for (const auto& c : p.coders()) coders_[c.id] = c.name;
  }

  // The quote of a live coding; std::nullopt when the coding is gone.
  std::optional<Quote> quote(store::Id id, store::Id indicator = 0) {
    store::Coding c;
    try {
      c = p_.coding(id);
    } catch (const NotFound&) {
      return std::nullopt;
    }
    auto& dt = texts_[c.doc];
    if (!dt) {
      dt = std::make_unique<Doc>();
      try {
        dt->text = p_.text(c.doc);
      } catch (const NotFound&) {
        return std::nullopt;  // the document is deleted
      }
      dt->map = text::OffsetMap(dt->text);
    }
    Quote q;
    q.coding_id = id;
    q.text = text::one_line(text::slice_cp(dt->text, dt->map, static_cast<size_t>(c.start), static_cast<size_t>(c.end)),
                            max_chars_, " \xE2\x80\xA6");
    q.citation = citation(p_, c.doc, c.start, lang_);
    q.stance = store::to_string(c.stance);
    q.coder = coders_.count(c.coder) ? coders_[c.coder] : "";
    if (c.code != indicator) q.code = p_.code_path(c.code);
    q.memo = c.memo;
    return q;
  }

 private:
  struct Doc {
    std::string text;
    text::OffsetMap map;
  };
  const store::Project& p_;
  size_t max_chars_;
  Lang lang_;
  std::map<store::Id, std::string> coders_;
  std::map<store::Id, std::unique_ptr<Doc>> texts_;
};

SummaryEntry summary_entry(const store::Project& p, const SummaryCell& c, CodingQuoter& quoter) {
  SummaryEntry e;
  e.column = c.summary.column;
  e.by_case = c.summary.case_id.has_value();
  e.text = c.summary.text;
  e.coder = c.summary.coder;
  e.modified = c.summary.modified;
  for (const auto& x : c.citations) {
    std::optional<Quote> q = x.valid ? quoter.quote(x.coding, c.summary.code) : std::nullopt;
    if (q)
      e.cited.push_back(std::move(*q));
    else
      e.broken.push_back(x.coding);
  }
  (void)p;
  return e;
}

// "The start of the text … (2 cited, 1 broken)" for a grid cell.
std::string grid_cell(Lang l, const SummaryEntry& e) {
  std::string s = text::one_line(e.text, 80, "\xE2\x80\xA6");
  std::string counts;
  if (!e.cited.empty()) counts = fmt(l, T::cited_n, {std::to_string(e.cited.size())});
  if (!e.broken.empty())
    counts += (counts.empty() ? "" : ", ") + fmt(l, T::broken_n, {std::to_string(e.broken.size())});
  return counts.empty() ? s : s + " (" + counts + ")";
}

std::string cell_text(const Cell& c) {
  if (!c.has_evidence()) return "—";
  return std::to_string(c.codings) + " / " + std::to_string(c.documents) + " (" + std::to_string(c.supports) + "-" +
         std::to_string(c.contradicts) + "-" + std::to_string(c.neutral) + ")";
}

}  // namespace

void gather_judgement(const store::Project& p, const EvidenceTable& t, const ReportOptions& o, ReportData& r) {
  JudgementData& j = r.judgement;
  CodingQuoter quoter(p, o.quote_chars, o.lang);
  const Matrix& m = r.matrix;

  // Impediment findings (the evaluation read them; same order: by id).
  std::map<store::Id, size_t> finding_index;
  for (const auto& f : r.evaluation.findings) {
    FindingEntry e;
    e.id = f.id;
    e.title = f.title;
    e.description = f.description;
    e.coder = f.coder;
    e.modified = f.modified.empty() ? f.created : f.modified;
    for (store::Id code : f.indicators) e.indicators.push_back(p.code_path(code));
    for (store::Id c : f.evidence)
      if (auto q = quoter.quote(c)) e.evidence.push_back(std::move(*q));
    finding_index[f.id] = j.findings.size();
    j.findings.push_back(std::move(e));
  }

  // Typed links, read once; counted per indicator by the rule of analysis::link_counts.
  const auto links = store::all_links(p);
  std::vector<std::string> relation_order;
  for (const auto& lt : store::link_types(p)) relation_order.push_back(lt.name);

  // Columns of the grid: the matrix's source types, then the cases by name.
  const bool by_type = m.columns.dimension == "type";
  if (by_type) j.type_columns = m.columns.labels;
  const auto cases = store::cases(p);
  for (const auto& c : cases) j.case_columns.push_back(c.name);

  std::set<store::Id> indicator_ids;
  const auto all_summaries = store::summaries(p);
  for (const auto& s : r.indicators) {
    const Row& row = m.rows[s.index];
    indicator_ids.insert(row.code_id);
    IndicatorJudgement ij;
    std::vector<std::string> type_cells(j.type_columns.size()), case_cells(j.case_columns.size());
    for (const auto& cell : summary_cells(p, row.code_id)) {
      ij.summaries.push_back(summary_entry(p, cell, quoter));
      const auto& e = ij.summaries.back();
      const auto& cols = e.by_case ? j.case_columns : j.type_columns;
      auto& into = e.by_case ? case_cells : type_cells;
      const auto at = std::find(cols.begin(), cols.end(), e.column);
      if (at != cols.end()) into[static_cast<size_t>(at - cols.begin())] = grid_cell(o.lang, e);
    }
    j.grid_rows.push_back(row.path);
    j.by_type.push_back(std::move(type_cells));
    j.by_case.push_back(std::move(case_cells));
    // The summary cells the rating's justification cites.
    if (r.evaluation.indicators[s.index].recorded)
      for (const auto& c : store::rating_citations(p, row.code_id)) {
        if (!c.valid) {
          ij.rating_broken.push_back(c.summary);
          continue;
        }
        for (const auto& sm : all_summaries)
          if (sm.id == c.summary) {
            SummaryCell cell;
            cell.summary = sm;
            cell.citations = store::citations(p, sm);
            ij.rating_summaries.push_back({c.summary, summary_entry(p, cell, quoter)});
          }
      }
    for (size_t f : r.evaluation.indicators[s.index].findings)
      if (finding_index.count(r.evaluation.findings[f].id))
        ij.findings.push_back(finding_index[r.evaluation.findings[f].id]);
    if (!links.empty()) {
      std::set<store::Id> mine;
      for (size_t i : cell_rows(t, m, row.code, -1)) mine.insert(t.row_id[i]);
      std::map<std::string, int> n;
      for (const auto& l : links)
        if (mine.count(l.from) || mine.count(l.to)) ++n[l.type_name];
      for (const auto& name : relation_order)
        if (n.count(name)) ij.links.push_back({name, n[name]});
    }
    j.indicators.push_back(std::move(ij));
  }
  // Summaries of codes that are not indicators (a variable, an impediment code).
  for (const auto& s : store::summaries(p))
    if (!indicator_ids.count(s.code)) {
      SummaryCell c;
      c.citations = store::citations(p, s);
      c.summary = s;
      j.other_summaries.push_back({p.code_path(s.code), summary_entry(p, c, quoter)});
    }

  // Cases: attributes, members, and the indicator × case matrix.
  for (const auto& c : cases) {
    CaseEntry e;
    e.name = c.name;
    e.description = c.description;
    for (const auto& a : c.attributes) e.attributes.push_back({a.name, a.value});
    for (const auto& mem : c.members) {
      const auto d = p.document(mem.doc);
      if (!mem.start)
        e.members.push_back(d.title + " (" + tr(o.lang, T::whole_document) + ")");
      else
        e.members.push_back(citation(p, mem.doc, *mem.start, o.lang) + " (" + tr(o.lang, T::part_of_document) + ")");
    }
    j.cases.push_back(std::move(e));
  }
  if (!cases.empty()) j.case_matrix = triangulate_by_case(t, cases, m.query, settings_from_project(p));
}

namespace {

class JudgementBlocks {
 public:
  JudgementBlocks(const ReportData& r, std::vector<Block>& out) : r_(r), l_(r.lang), out_(out) {}

  void indicator(const IndicatorSection& s) {
    const auto& j = r_.judgement;
    const size_t k = static_cast<size_t>(&s - r_.indicators.data());
    if (k >= j.indicators.size()) return;
    const IndicatorJudgement& ij = j.indicators[k];
    if (!ij.summaries.empty()) {
      heading(t(T::summaries), 3);
      for (const auto& e : ij.summaries) summary(e);
    }
    if (!ij.findings.empty()) {
      heading(t(T::findings_here), 3);
      for (size_t f : ij.findings) finding(j.findings[f], false);
    }
    if (!ij.links.empty()) {
      heading(t(T::links_heading), 3);
      std::vector<std::string> items;
      for (const auto& l : ij.links) items.push_back(relation(l.relation) + ": " + std::to_string(l.count));
      bullets(std::move(items));
      note(t(T::links_note));
    }
  }

  // Under the rating's justification: the summary cells it cites.
  void rating(const IndicatorSection& s) {
    const auto& j = r_.judgement;
    const size_t k = static_cast<size_t>(&s - r_.indicators.data());
    if (k >= j.indicators.size()) return;
    const IndicatorJudgement& ij = j.indicators[k];
    if (ij.rating_summaries.empty() && ij.rating_broken.empty()) return;
    heading(t(T::rating_summaries), 3);
    for (const auto& [id, e] : ij.rating_summaries) summary(e, store::summary_marker(id) + " ");
    for (store::Id id : ij.rating_broken) note(fmt(l_, T::broken_summary, {std::to_string(id)}));
  }

  void report() {
    const auto& j = r_.judgement;
    // The end of section 7: the findings.
    heading(t(T::findings_heading), 2);
    if (j.findings.empty()) note(t(T::no_findings));
    for (const auto& f : j.findings) finding(f, true);

    // 8. The summary grid.
    heading(t(T::sec_summaries), 1, true);
    auto any = [](const std::vector<std::vector<std::string>>& g) {
      for (const auto& row : g)
        for (const auto& c : row)
          if (!c.empty()) return true;
      return false;
    };
    const bool types = any(j.by_type), cases = any(j.by_case);
    if (!types && !cases && j.other_summaries.empty()) note(t(T::no_summaries));
    if (types) grid(t(T::grid_by_type), j.type_columns, j.by_type);
    if (cases) grid(t(T::grid_by_case), j.case_columns, j.by_case);
    if (types || cases) note(t(T::grid_caption));
    if (!j.other_summaries.empty()) {
      heading(t(T::other_codes), 2);
      for (const auto& [path, e] : j.other_summaries) {
        para({{path, true}});
        summary(e);
      }
    }

    // 9. Cases.
    heading(t(T::sec_cases), 1, true);
    if (j.cases.empty()) {
      note(t(T::no_cases));
      return;
    }
    for (const auto& c : j.cases) {
      heading(c.name, 2);
      if (!c.description.empty()) para({{c.description, false, true}});
      if (!c.attributes.empty()) {
        std::vector<std::vector<std::string>> rows = {{t(T::attribute), t(T::value)}};
        for (const auto& a : c.attributes) rows.push_back(a);
        table(std::move(rows));
      }
      heading(t(T::members), 3);
      if (c.members.empty()) note(t(T::no_members));
      bullets(c.members);
    }
    const Matrix& cm = j.case_matrix;
    heading(t(T::tri_by_case), 2);
    std::vector<std::string> head = {t(T::indicator)};
    for (const auto& c : cm.columns.labels) head.push_back(c);
    head.push_back(t(T::status));
    std::vector<std::vector<std::string>> rows = {head};
    for (const auto& row : cm.rows) {
      std::vector<std::string> line = {row.path};
      for (const auto& c : row.cells) line.push_back(cell_text(c));
      line.push_back(label(l_, row.effective));
      rows.push_back(std::move(line));
    }
    table(std::move(rows));
    note(t(T::tri_by_case_note));
  }

 private:
  std::string t(T k) const { return tr(l_, k); }
  Block& add(Block::Kind k) {
    out_.emplace_back();
    out_.back().kind = k;
    return out_.back();
  }
  void heading(const std::string& text, int level, bool page_break = false) {
    auto& b = add(Block::Kind::heading);
    b.level = level;
    b.page_break = page_break;
    b.runs = {{text}};
  }
  void para(std::vector<Run> runs) { add(Block::Kind::paragraph).runs = std::move(runs); }
  void note(const std::string& text) { add(Block::Kind::note).runs = {{text}}; }
  void table(std::vector<std::vector<std::string>> rows) { add(Block::Kind::table).rows = std::move(rows); }
  void bullets(std::vector<std::string> items) {
    if (!items.empty()) add(Block::Kind::bullets).items = std::move(items);
  }
  void quote(const Quote& q) {
    auto& b = add(Block::Kind::quote);
    b.css = q.stance;
    b.runs = {{"“" + q.text + "”"}};
    std::string c = q.citation;
    if (!q.stance.empty()) c += " · " + stance_label(l_, q.stance);
    if (!q.code.empty()) c += " · " + q.code;
    if (!q.coder.empty()) c += " · " + t(T::coder) + " " + q.coder;
    c += " · #" + std::to_string(q.coding_id);
    b.cite = c;
  }

  std::string relation(const std::string& name) const {
    if (name == "corroborates") return t(T::rel_corroborates);
    if (name == "contradicts") return t(T::rel_contradicts);
    if (name == "explains") return t(T::rel_explains);
    if (name == "impedes") return t(T::rel_impedes);
    return name;  // the researcher's own relation, as named
  }

  void summary(const SummaryEntry& e, const std::string& marker = "") {
    const std::string col = e.by_case ? fmt(l_, T::summary_case, {e.column}) : e.column;
    para({{marker + col + ": ", true}, {e.text}});
    note(fmt(l_, T::written_by, {e.coder, format_date(l_, e.modified)}));
    for (const auto& q : e.cited) quote(q);
    for (store::Id id : e.broken) note(fmt(l_, T::broken_citation, {std::to_string(id)}));
  }

  void finding(const FindingEntry& f, bool with_indicators) {
    std::vector<Run> runs = {{f.title, true}};
    if (!f.description.empty()) runs.push_back({" — " + f.description});
    para(std::move(runs));
    if (with_indicators) {
      std::string names;
      for (const auto& n : f.indicators) names += (names.empty() ? "" : ", ") + n;
      note(names.empty() ? t(T::hinders_none) : t(T::hinders) + ": " + names);
    }
    if (f.evidence.empty()) note(t(T::finding_no_evidence));
    for (const auto& q : f.evidence) quote(q);
  }

  void grid(const std::string& title, const std::vector<std::string>& columns,
            const std::vector<std::vector<std::string>>& cells) {
    heading(title, 2);
    std::vector<std::string> head = {t(T::indicator)};
    for (const auto& c : columns) head.push_back(c);
    std::vector<std::vector<std::string>> rows = {head};
    for (size_t i = 0; i < cells.size(); ++i) {
      std::vector<std::string> line = {r_.judgement.grid_rows[i]};
      for (const auto& c : cells[i]) line.push_back(c.empty() ? "—" : c);
      rows.push_back(std::move(line));
    }
    table(std::move(rows));
  }

  const ReportData& r_;
  Lang l_;
  std::vector<Block>& out_;
};

}  // namespace

void judgement_indicator_blocks(const ReportData& r, const IndicatorSection& s, std::vector<Block>& out) {
  JudgementBlocks(r, out).indicator(s);
}

void judgement_rating_blocks(const ReportData& r, const IndicatorSection& s, std::vector<Block>& out) {
  JudgementBlocks(r, out).rating(s);
}

void judgement_report_blocks(const ReportData& r, std::vector<Block>& out) {
  JudgementBlocks(r, out).report();
}

}  // namespace telaah::exchange
