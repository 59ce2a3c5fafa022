// The retrieval view: codings of chosen codes with filters and code queries (issue 9).
// Left: the code picker, the code query (A op B) and the filters. Right: the
// list of codings (virtualised; a row shows the quote in its context, the
// document, page or paragraph, stance, code and memo; a click opens the
// document at the coding) with export, and the matrices tab
// (retrieval_matrices.cpp). The sets come from analysis/retrieval.h.
#include "ui/retrieval/view_retrieval.h"

#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "store/doc_sets.h"
#include "ui/coding/strings_versions.h"
#include "ui/shell/app.h"
#include "ui/shell/strings.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

using analysis::CodeOp;
using store::Id;

// A section title: dim text over a separator (ImGui 1.86 has no SeparatorText).
static void heading(const char* text) {
  ImGui::TextDisabled("%s", text);
  ImGui::Separator();
}

RetrievalView::RetrievalView(Workspace& ws) : ws_(ws) {}
RetrievalView::~RetrievalView() = default;

RetrievalView& RetrievalView::of(App& app) {
  return dynamic_cast<RetrievalView&>(*app.view(View::retrieval));
}

void RetrievalView::project_changed() {
  in_ = Inputs{};
  set_.reset();
  attr_name_.clear();
  attr_value_.clear();
  export_path_.clear();
  cell_.reset();
  describer_.reset();
  table_.reset();
  run_.reset();
  ran_.reset();
  ran_rev_ = -1;
  hits_.clear();
  rows_.clear();
  attr_values_.clear();
  case_names_.clear();
  cooc_ = {};
  attr_ = {};
  error_.clear();
  export_error_.clear();
  rects_.clear();
}

std::optional<ImRect> RetrievalView::rect(const std::string& name) const {
  auto it = rects_.find(name);
  if (it == rects_.end()) return std::nullopt;
  return it->second;
}

std::vector<Id> RetrievalView::listed() const {
  std::vector<Id> out;
  out.reserve(hits_.size());
  for (const auto& h : hits_) out.push_back(h.coding);
  return out;
}

void RetrievalView::note(const std::string& name) {
  rects_[name] = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

std::string RetrievalView::code_label(Id id) const {
  const CodeInfo* c = ws_.cache().code(id);
  return c ? c->code.name : "?";
}

// Code points of context on each side of a quote: about a line of the list.
static constexpr int64_t kContext = 90;

// --- the query ---

analysis::RetrievalFilter RetrievalView::filter() const {
  analysis::RetrievalFilter f;
  f.source_types.assign(in_.types.begin(), in_.types.end());
  f.coders.assign(in_.coders.begin(), in_.coders.end());
  for (int s = 0; s < 3; ++s)
    if (in_.stances[static_cast<size_t>(s)]) f.stances.push_back(static_cast<store::Stance>(s));
  f.attributes = in_.attributes;
  f.date_from = in_.date_from;
  f.date_to = in_.date_to;
  f.cases.assign(in_.cases.begin(), in_.cases.end());
  return f;
}

analysis::RetrievalQuery RetrievalView::query() const {
  analysis::RetrievalQuery q;
  for (const auto& c : ws_.cache().codes)  // tree order
    if (in_.codes.count(c.code.id)) q.codes_a.push_back(c.code.id);
  q.op = in_.op;
  if (in_.op != CodeOp::only_a && in_.code_b) q.codes_b = {in_.code_b};
  q.subcodes = in_.subcodes;
  q.filter = filter();
  return q;
}

std::vector<Id> RetrievalView::matrix_codes() const {
  std::vector<Id> out;
  for (const auto& c : ws_.cache().codes)
    if (in_.codes.empty() ? c.code.kind == store::CodeKind::indicator : in_.codes.count(c.code.id) > 0)
      out.push_back(c.code.id);
  return out;
}

// "Trade goals reached AND Impediment · interview · contradicts": the list's title in exports.
std::string RetrievalView::description() const {
  if (cell_) return cell_->label;
  std::string s;
  for (const auto& c : ws_.cache().codes)
    if (in_.codes.count(c.code.id)) s += (s.empty() ? "" : " | ") + c.path;
  if (s.empty()) s = tr(S::ret_title);
  if (in_.op != CodeOp::only_a && in_.code_b) {
    const CodeInfo* b = ws_.cache().code(in_.code_b);
    const char* op = in_.op == CodeOp::or_ ? " OR " : in_.op == CodeOp::not_ ? " NOT " : " AND ";
    s = "(" + s + ")" + op + (b ? b->path : "?") + (in_.op == CodeOp::and_paragraph ? " (paragraph)" : "");
  }
  for (const auto& t : in_.types) s += " \xC2\xB7 " + t;
  for (int k = 0; k < 3; ++k)
    if (in_.stances[static_cast<size_t>(k)])
      s += std::string(" \xC2\xB7 ") + store::to_string(static_cast<store::Stance>(k));
  for (Id c : in_.coders) s += " \xC2\xB7 " + ws_.cache().coder_name(c);
  for (const auto& [n, v] : in_.attributes) s += " \xC2\xB7 " + n + "=" + v;
  if (!in_.date_from.empty() || !in_.date_to.empty()) s += " \xC2\xB7 " + in_.date_from + "\xE2\x80\x93" + in_.date_to;
  for (const auto& c : in_.cases) s += " \xC2\xB7 " + std::string(tr(S::ret_case)) + " " + c;
  if (in_.set) s += " \xC2\xB7 " + std::string(tr(S::docs_set_label)) + " " + set_.name();
  return s;
}

// One run, on `p` (the window's connection for a small project, else a
// worker's snapshot): the evidence table (the last one refreshed from the
// change log, or loaded), the list and, when wanted, the matrices.
RetrievalView::Run RetrievalView::compute(const store::Project& p, const RunKey& k, const analysis::RetrievalQuery& q0,
                                          const analysis::RetrievalFilter& f0, const std::vector<Id>& codes,
                                          std::shared_ptr<const analysis::EvidenceTable> prev) {
  Run r;
  analysis::RetrievalQuery q = q0;
  analysis::RetrievalFilter f = f0;
  if (k.in.set) {  // the set's members, read on the snapshot the query runs on
    try {
      f.docs = store::doc_set_members(p, k.in.set);
    } catch (const UserError&) {
      f.docs = std::vector<Id>{};  // gone: the choice falls back to all documents next frame
    }
    q.filter.docs = f.docs;
  }
  if (prev && prev->revision() == p.revision()) {
    r.table = prev;
  } else {
    auto t = prev ? std::make_shared<analysis::EvidenceTable>(*prev)
                  : std::make_shared<analysis::EvidenceTable>(analysis::EvidenceTable::load(p));
    if (prev) t->refresh(p);
    r.table = t;
  }
  const analysis::EvidenceTable& t = *r.table;
  r.attr_values = analysis::attribute_values(t);
  for (const auto& c : store::cases(p)) r.case_names.push_back(c.name);
  const auto& in = k.in;
  try {
    if (!(in.op != CodeOp::only_a && !in.code_b)) r.hits = analysis::retrieve(t, p, q);
    if (k.matrices) {
      r.cooc = analysis::cooccurrence_matrix(t, p, codes, in.subcodes, f);
      r.attr = analysis::attribute_matrix(t, p, codes, in.subcodes, k.by, f);
    }
    if (k.cell) {  // the picked cell, found again by its codes (and value)
      const CellPick& cell = *k.cell;
      const auto& rows = cell.cooc ? r.cooc.rows : r.attr.rows;
      auto row = std::find(rows.begin(), rows.end(), cell.row_code);
      std::optional<size_t> c;
      if (cell.cooc) {
        auto it = std::find(r.cooc.columns.begin(), r.cooc.columns.end(), cell.col_code);
        if (it != r.cooc.columns.end()) c = static_cast<size_t>(it - r.cooc.columns.begin());
      } else {
        auto it = std::find(r.attr.columns.begin(), r.attr.columns.end(), cell.col_value);
        if (it != r.attr.columns.end()) c = static_cast<size_t>(it - r.attr.columns.begin());
      }
      if (row == rows.end() || !c) {
        r.hits.clear();  // the cell is gone (a code deleted, a value no longer used)
      } else {
        const auto ri = static_cast<size_t>(row - rows.begin());
        r.hits = cell.cooc ? r.cooc.at(ri, *c).codings : r.attr.at(ri, *c).codings;
      }
    }
  } catch (const UserError& e) {
    r.error = std::string(tr(S::ret_error)) + e.what();
    r.hits.clear();
  } catch (const std::exception& e) {
    r.error = std::string(tr(S::error_internal)) + e.what();
    r.hits.clear();
  }
  int32_t prev_doc = -1;
  for (const auto& h : r.hits)
    if (t.row_doc[h.row] != prev_doc) prev_doc = t.row_doc[h.row], ++r.hit_docs;
  return r;
}

void RetrievalView::update() {
  const store::Project* p = ws_.project();
  if (!p) return;
  if (ran_ && *ran_ != in_) cell_.reset();  // the user changed the query: the list follows it again
  ran_ = in_;
  RunKey key{p->revision(), in_, matrix_by_, cell_, matrices_tab_ || cell_.has_value()};
  // Matrices are not computed while nobody looks at them, nor dropped when they were.
  if (!key.matrices && run_.key()) {
    RunKey with = key;
    with.matrices = true;
    if (*run_.key() == with) key = with;
  }
  const auto q = query();
  const auto f = filter();
  const auto codes = matrix_codes();
  if (!run_.want(ws_, key, tr(S::computing_table),
                 [key, q, f, codes, prev = table_](const store::Project& sp, TaskProgress&) {
                   return compute(sp, key, q, f, codes, prev);
                 }))
    return;
  if (!run_.error().empty()) {  // the run itself failed (the project could not be read)
    error_ = std::string(tr(S::error_internal)) + run_.error();
    return;
  }
  Run& r = *run_.get();
  const bool moved = !table_ || r.table->revision() != ran_rev_;
  table_ = r.table;
  describer_ = std::make_unique<analysis::RowDescriber>(*p, *table_, kContext);
  ran_rev_ = table_->revision();
  rows_.clear();
  hits_ = std::move(r.hits);  // taken: the run keeps its key and table
  hit_docs_ = r.hit_docs;
  error_ = r.error;
  cooc_ = std::move(r.cooc);
  attr_ = std::move(r.attr);
  if (moved) {
    attr_values_ = r.attr_values;
    case_names_ = r.case_names;
    std::erase_if(in_.cases, [&](const std::string& c) {
      return std::find(case_names_.begin(), case_names_.end(), c) == case_names_.end();
    });
    if (matrix_by_ != analysis::kBySourceType && !attr_values_.count(matrix_by_) &&
        !(matrix_by_ == analysis::kByCase && !case_names_.empty()))
      matrix_by_ = analysis::kBySourceType;
    std::erase_if(in_.codes, [&](Id id) { return !ws_.cache().code(id); });
    if (in_.code_b && !ws_.cache().code(in_.code_b)) in_.code_b = 0;
    ran_ = in_;
  }
}

const analysis::RetrievalRow& RetrievalView::row(size_t i) {
  auto it = rows_.find(i);
  if (it != rows_.end()) return it->second;
  if (rows_.size() > 4096) rows_.clear();  // scrolled far: keep the cache small
  analysis::RetrievalRow r;
  try {
    r = describer_->describe(hits_[i]);
  } catch (const std::exception& e) {
    r.coding = hits_[i].coding;
    r.quote = e.what();
  }
  for (const std::string* t : {&r.quote, &r.before, &r.after, &r.document, &r.memo}) ws_.need_glyphs(*t);
  return rows_.emplace(i, std::move(r)).first->second;
}

void RetrievalView::open_row(size_t i) {
  const analysis::RetrievalRow r = row(i);
  if (!r.doc) return;
  ws_.show_passage(r.doc, r.start, r.end, r.coding, 0.0f);
}

// --- drawing ---

void RetrievalView::draw() {
  rects_.clear();
  update();
  if (!ws_.has_project()) return;
  if (!table_) {  // a large project: the first table is computed on a worker
    const auto [fraction, message] = run_.progress(ws_);
    if (run_.pending()) draw_placeholder(tr(S::computing_table), fraction, message);
    return;
  }
  const float em = ImGui::GetFontSize();
  const float left = std::clamp(ImGui::GetContentRegionAvail().x * 0.26f, em * 16, em * 24);
  ImGui::BeginChild("##ret_controls", ImVec2(left, 0), true);
  // Check boxes and fields are white on the white pane in the light theme: outline them.
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
  draw_controls();
  ImGui::PopStyleVar();
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##ret_main", ImVec2(0, 0), false);
  if (ImGui::BeginTabBar("##ret_tabs")) {
    const ImGuiTabItemFlags list_flags = select_tab_ && !matrices_tab_ ? ImGuiTabItemFlags_SetSelected : 0;
    const ImGuiTabItemFlags mat_flags = select_tab_ && matrices_tab_ ? ImGuiTabItemFlags_SetSelected : 0;
    select_tab_ = false;
    const bool list_open = ImGui::BeginTabItem(tr(S::ret_tab_list), nullptr, list_flags);
    note("tab:list");
    if (list_open) {
      matrices_tab_ = false;
      draw_list();
      ImGui::EndTabItem();
    }
    const bool mat_open = ImGui::BeginTabItem(tr(S::ret_tab_matrices), nullptr, mat_flags);
    note("tab:matrices");
    if (mat_open) {
      matrices_tab_ = true;
      draw_matrices();
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::EndChild();
}

void RetrievalView::draw_controls() {
  draw_code_picker();
  ImGui::Spacing();
  heading(tr(S::ret_query));
  const char* ops[] = {tr(S::ret_op_only_a), tr(S::ret_op_and_overlap), tr(S::ret_op_and_paragraph), tr(S::ret_op_or),
                       tr(S::ret_op_not)};
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##op", ops[static_cast<int>(in_.op)])) {
    for (int k = 0; k < IM_ARRAYSIZE(ops); ++k) {
      if (ImGui::Selectable(ops[k], static_cast<int>(in_.op) == k)) in_.op = static_cast<CodeOp>(k);
      note("op:" + std::to_string(k));
    }
    ImGui::EndCombo();
  }
  note("op");
  if (in_.op != CodeOp::only_a) {
    const CodeInfo* b = ws_.cache().code(in_.code_b);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##code_b", b ? b->path.c_str() : tr(S::ret_pick_b), ImGuiComboFlags_HeightLargest)) {
      for (const auto& c : ws_.cache().codes) {
        ImGui::PushID(static_cast<int>(c.code.id));
        const std::string label = std::string(static_cast<size_t>(c.depth) * 3, ' ') + c.code.name;
        if (ImGui::Selectable(label.c_str(), in_.code_b == c.code.id)) in_.code_b = c.code.id;
        note("b:" + std::to_string(c.code.id));
        ImGui::PopID();
      }
      ImGui::EndCombo();
    }
    note("code_b");
  }
  ImGui::Spacing();
  draw_filters();
}

void RetrievalView::draw_code_picker() {
  heading(tr(S::ret_codes));
  ImGui::Checkbox(tr(S::ret_subcodes), &in_.subcodes);
  note("subcodes");
  ImGui::SameLine();
  ImGui::BeginDisabled(in_.codes.empty());
  if (ImGui::SmallButton(tr(S::ret_clear_codes))) in_.codes.clear();
  ImGui::EndDisabled();
  ImGui::SameLine();
  widgets::help_marker(tr(S::ret_codes_hint));
  const float h = std::min(ImGui::GetContentRegionAvail().y * 0.42f,
                           (ImGui::GetFrameHeightWithSpacing()) * static_cast<float>(ws_.cache().codes.size() + 1));
  ImGui::BeginChild("##ret_codes", ImVec2(0, h), false);
  const float indent = ImGui::GetFontSize() * 0.9f;
  const float chip = ImGui::GetTextLineHeight() * 0.6f;
  for (const auto& c : ws_.cache().codes) {
    const Id id = c.code.id;
    ImGui::PushID(static_cast<int>(id));
    const float x0 = ImGui::GetCursorPosX();
    ImGui::SetCursorPosX(x0 + indent * static_cast<float>(c.depth));
    // Implied by a ticked ancestor (with sub-codes): shown ticked and greyed.
    bool implied = false;
    if (in_.subcodes)
      for (auto parent = c.code.parent; parent && !implied;
           parent = ws_.cache().code(*parent) ? ws_.cache().code(*parent)->code.parent : std::nullopt)
        implied = in_.codes.count(*parent) > 0;
    bool on = in_.codes.count(id) > 0 || implied;
    ImGui::BeginDisabled(implied);
    if (ImGui::Checkbox("##on", &on)) {
      if (on)
        in_.codes.insert(id);
      else
        in_.codes.erase(id);
    }
    ImGui::EndDisabled();
    note("code:" + std::to_string(id));
    ImGui::SameLine();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float cy = p.y + ImGui::GetFrameHeight() * 0.5f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, cy - chip * 0.5f), ImVec2(p.x + chip, cy + chip * 0.5f),
                                              c.colour, 2.0f);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + chip + ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(c.code.name.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", c.path.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%lld", static_cast<long long>(in_.subcodes ? c.total : c.count));
    ImGui::PopID();
  }
  ImGui::EndChild();
}

void RetrievalView::draw_filters() {
  heading(tr(S::ret_filters));
  if (ImGui::SmallButton(tr(S::ret_reset_filters))) {
    in_.types.clear();
    in_.coders.clear();
    in_.stances = {};
    in_.attributes.clear();
    in_.date_from.clear();
    in_.date_to.clear();
    in_.cases.clear();
    set_.choose(0);
  }
  set_.draw(
      ws_, "##ret_set", [&](const std::string& k) { note(k); }, ImGui::GetContentRegionAvail().x * 0.6f);
  in_.set = set_.set();
  ImGui::TextDisabled("%s", tr(S::ret_source_type));
  for (const auto& t : ws_.cache().source_types) {
    bool on = in_.types.count(t.name) > 0;
    const std::string label = source_type_label(t.name) + "##type_" + t.name;
    if (ImGui::Checkbox(label.c_str(), &on)) {
      if (on)
        in_.types.insert(t.name);
      else
        in_.types.erase(t.name);
    }
    note("type:" + t.name);
  }
  ImGui::TextDisabled("%s", tr(S::ret_stance));
  for (int k = 0; k < 3; ++k) {
    const auto s = static_cast<store::Stance>(k);
    const std::string label = std::string(stance_label(s)) + "##stance_" + store::to_string(s);
    ImGui::Checkbox(label.c_str(), &in_.stances[static_cast<size_t>(k)]);
    note(std::string("stance:") + store::to_string(s));
    if (k < 2) ImGui::SameLine();
  }
  if (ws_.cache().coders.size() > 1) {
    ImGui::TextDisabled("%s", tr(S::ret_coder));
    for (size_t i = 0; i < ws_.cache().coders.size(); ++i) {
      const auto& c = ws_.cache().coders[i];
      bool on = in_.coders.count(c.id) > 0;
      const std::string label = c.name + "##coder_" + std::to_string(c.id);
      if (ImGui::Checkbox(label.c_str(), &on)) {
        if (on)
          in_.coders.insert(c.id);
        else
          in_.coders.erase(c.id);
      }
      note("coder:" + c.name);
      if (i + 1 < ws_.cache().coders.size() && (i % 3) != 2) ImGui::SameLine();
    }
  }

  if (!case_names_.empty()) {  // the codings of the ticked cases (issue 21's rule: document or half the span in a part)
    ImGui::TextDisabled("%s", tr(S::ret_case));
    ImGui::SameLine();
    widgets::help_marker(tr(S::ret_case_hint));
    for (size_t i = 0; i < case_names_.size(); ++i) {
      const std::string& c = case_names_[i];
      bool on = in_.cases.count(c) > 0;
      if (ImGui::Checkbox((c + "##case_" + std::to_string(i)).c_str(), &on)) {
        if (on)
          in_.cases.insert(c);
        else
          in_.cases.erase(c);
      }
      note("case:" + c);
      if (i + 1 < case_names_.size() && (i % 3) != 2) ImGui::SameLine();
    }
  }

  ImGui::TextDisabled("%s", tr(S::ret_attribute));
  for (size_t i = 0; i < in_.attributes.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::SmallButton("x")) {
      in_.attributes.erase(in_.attributes.begin() + static_cast<ptrdiff_t>(i));
      ImGui::PopID();
      break;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::ret_remove));
    ImGui::SameLine();
    ImGui::Text("%s = %s", in_.attributes[i].first.c_str(), in_.attributes[i].second.c_str());
    ImGui::PopID();
  }
  const float w = (ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(tr(S::ret_add)).x -
                   ImGui::GetStyle().FramePadding.x * 2 - ImGui::GetStyle().ItemSpacing.x * 2) *
                  0.5f;
  ImGui::SetNextItemWidth(w);
  if (ImGui::BeginCombo("##attr_name", attr_name_.empty() ? tr(S::ret_attr_name) : attr_name_.c_str())) {
    for (const auto& [name, values] : attr_values_)
      if (ImGui::Selectable(name.c_str(), name == attr_name_)) {
        attr_name_ = name;
        attr_value_.clear();
      }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(w);
  ImGui::BeginDisabled(attr_name_.empty());
  if (ImGui::BeginCombo("##attr_value", attr_value_.empty() ? tr(S::ret_attr_value) : attr_value_.c_str())) {
    if (auto it = attr_values_.find(attr_name_); it != attr_values_.end())
      for (const auto& v : it->second)
        if (ImGui::Selectable(v.c_str(), v == attr_value_)) attr_value_ = v;
    ImGui::EndCombo();
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(attr_name_.empty() || attr_value_.empty());
  if (ImGui::Button(tr(S::ret_add))) {
    std::pair<std::string, std::string> cond{attr_name_, attr_value_};
    if (std::find(in_.attributes.begin(), in_.attributes.end(), cond) == in_.attributes.end())
      in_.attributes.push_back(cond);
    attr_value_.clear();
  }
  ImGui::EndDisabled();

  ImGui::TextDisabled("%s", tr(S::ret_date));
  ImGui::SameLine();
  widgets::help_marker(tr(S::ret_date_hint));
  const float dw = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
  ImGui::SetNextItemWidth(dw);
  widgets::input_text_hint("##date_from", tr(S::ret_date_from), &in_.date_from);
  note("date_from");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(dw);
  widgets::input_text_hint("##date_to", tr(S::ret_date_to), &in_.date_to);
  note("date_to");
  if (!error_.empty()) {  // in place, under the inputs that caused it
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1.0f), "%s", error_.c_str());
    ImGui::PopTextWrapPos();
  }
}

// --- the list ---

namespace {

struct Segment {
  std::string_view text;
  ImU32 colour;
  ImU32 background = 0;
};

// Draws segments as one word-wrapped paragraph in at most `max_lines` lines
// (the rest elided), without submitting items: the row's height stays fixed,
// which the list clipper needs.
void draw_wrapped(ImVec2 pos, float width, int max_lines, std::initializer_list<Segment> segments) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize(), line_h = ImGui::GetTextLineHeight();
  const float space = font->CalcTextSizeA(size, FLT_MAX, 0, " ").x;
  const char* ellipsis = "\xE2\x80\xA6";
  float x = 0;
  int line = 0;
  for (const Segment& seg : segments) {
    size_t i = 0;
    const std::string_view t = seg.text;
    while (i < t.size()) {
      if (t[i] == ' ' || t[i] == '\n' || t[i] == '\t') {
        if (x > 0) {
          if (seg.background)
            dl->AddRectFilled(ImVec2(pos.x + x, pos.y + line_h * static_cast<float>(line)),
                              ImVec2(pos.x + x + space, pos.y + line_h * static_cast<float>(line + 1)), seg.background);
          x += space;
        }
        ++i;
        continue;
      }
      size_t j = i;
      while (j < t.size() && t[j] != ' ' && t[j] != '\n' && t[j] != '\t') ++j;
      const float w = font->CalcTextSizeA(size, FLT_MAX, 0, t.data() + i, t.data() + j).x;
      if (x > 0 && x + w > width) {
        if (line + 1 >= max_lines) {
          dl->AddText(font, size, ImVec2(pos.x + std::min(x, width - space), pos.y + line_h * static_cast<float>(line)),
                      ImGui::GetColorU32(ImGuiCol_TextDisabled), ellipsis);
          return;
        }
        ++line;
        x = 0;
      }
      const ImVec2 at(pos.x + x, pos.y + line_h * static_cast<float>(line));
      if (seg.background) dl->AddRectFilled(at, ImVec2(at.x + w, at.y + line_h), seg.background);
      dl->AddText(font, size, at, seg.colour, t.data() + i, t.data() + j);
      x += w;
      i = j;
    }
  }
}

ImU32 ret_stance_colour(store::Stance s) {
  switch (s) {
    case store::Stance::supports:
      return IM_COL32(46, 140, 70, 255);
    case store::Stance::contradicts:
      return IM_COL32(205, 55, 50, 255);
    case store::Stance::neutral:
      break;
  }
  return ImGui::GetColorU32(ImGuiCol_TextDisabled);
}

}  // namespace

void RetrievalView::draw_list() {
  if (cell_) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(cell_->label.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(S::ret_back_to_query))) cell_.reset();
    note("back");
  }
  char buf[160];
  std::snprintf(buf, sizeof buf, tr(S::ret_count),
                count_text(static_cast<long long>(hits_.size()), S::ret_n_codings_one, S::ret_n_codings).c_str(),
                count_text(static_cast<long long>(hit_docs_), S::ret_n_documents_one, S::ret_n_documents).c_str());
  count_line_ = buf;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(buf);
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr(S::ret_open_hint));
  draw_export();
  if (!error_.empty()) {
    ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1.0f), "%s", error_.c_str());
    return;
  }
  if (in_.op != CodeOp::only_a && !in_.code_b && !cell_) {
    ImGui::TextDisabled("%s", tr(S::ret_pick_b));
    return;
  }
  if (hits_.empty()) {
    ImGui::TextDisabled("%s", tr(S::ret_none));
    return;
  }
  const float em = ImGui::GetFontSize();
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuterH |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("##ret_list", 6, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  // Document and code share the width with the quote (they wrap): as fixed columns they kept
  // their 20 em in a small window and squeezed the quote to a sliver.
  ImGui::TableSetupColumn(tr(S::ret_col_quote), ImGuiTableColumnFlags_WidthStretch, 4.0f);
  ImGui::TableSetupColumn(tr(S::ret_col_document), ImGuiTableColumnFlags_WidthStretch, 1.7f);
  ImGui::TableSetupColumn(tr(S::ret_col_where), ImGuiTableColumnFlags_WidthFixed, em * 4.2f);
  ImGui::TableSetupColumn(tr(S::ret_col_stance), ImGuiTableColumnFlags_WidthFixed, em * 6.5f);
  ImGui::TableSetupColumn(tr(S::ret_col_code), ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableSetupColumn(tr(S::ret_col_memo), ImGuiTableColumnFlags_WidthStretch, 1.6f);
  ImGui::TableHeadersRow();
  const float row_h = ImGui::GetTextLineHeight() * 3 + ImGui::GetStyle().CellPadding.y * 2;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(hits_.size()), row_h);
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) draw_row(static_cast<size_t>(i), row_h);
  ImGui::EndTable();
}

void RetrievalView::draw_row(size_t i, float row_h) {
  const analysis::RetrievalRow& r = row(i);
  ImGui::TableNextRow(ImGuiTableRowFlags_None, row_h);
  ImGui::TableNextColumn();
  ImGui::PushID(static_cast<int>(i));
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float inner = row_h - ImGui::GetStyle().CellPadding.y * 2;
  const bool selected = ws_.doc_view().selected_coding() == r.coding;
  if (ImGui::Selectable("##row", selected, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                        ImVec2(0, inner)))
    open_row(i);
  note("row:" + std::to_string(i));
  if (ImGui::IsItemHovered() && ImGui::GetIO().MouseDelta.x == 0 && ImGui::GetIO().MouseDelta.y == 0) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36);
    ImGui::TextDisabled("%s \xC2\xB7 %s", r.document.c_str(), r.code_path.c_str());
    ImGui::TextUnformatted(r.quote.c_str());
    if (!r.memo.empty()) ImGui::TextDisabled("%s", r.memo.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
  const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled), text = ImGui::GetColorU32(ImGuiCol_Text);
  const CodeInfo* code = ws_.cache().code(r.code);
  const ImU32 mark = with_alpha(code ? code->colour : IM_COL32(200, 170, 40, 255), 0.22f);
  const float w0 = ImGui::GetContentRegionAvail().x;
  draw_wrapped(p, w0, 3, {{r.before, dim}, {r.quote, text, mark}, {r.after, dim}});

  ImGui::TableNextColumn();
  {
    const ImVec2 q = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    draw_wrapped(q, w, 2, {{r.document, text}});
    std::string sub = source_type_label(r.source_type);
    if (!r.date.empty()) sub += " \xC2\xB7 " + r.date;
    draw_wrapped(ImVec2(q.x, q.y + ImGui::GetTextLineHeight() * 2), w, 1, {{sub, dim}});
  }
  ImGui::TableNextColumn();
  {
    char where[64] = "";
    if (r.area_page > 0)  // an area coding (issue 24): the rectangle's page, its text the words inside
      std::snprintf(where, sizeof where, vtr(V::area_page_fmt), r.area_page);
    else if (r.page > 0)
      std::snprintf(where, sizeof where, tr(S::ret_page), r.page);
    char par[32] = "";
    if (r.paragraph > 0) std::snprintf(par, sizeof par, tr(S::ret_paragraph), r.paragraph);
    const ImVec2 q = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    if (where[0]) draw_wrapped(q, w, 1, {{where, text}});
    if (par[0])
      draw_wrapped(ImVec2(q.x, q.y + (where[0] ? ImGui::GetTextLineHeight() : 0)), w, 1,
                   {{par, where[0] ? dim : text}});
  }
  ImGui::TableNextColumn();
  draw_wrapped(ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail().x, 1,
               {{stance_label(r.stance), ret_stance_colour(r.stance)}});
  ImGui::TableNextColumn();
  {
    const ImVec2 q = ImGui::GetCursorScreenPos();
    const float chip = ImGui::GetTextLineHeight() * 0.6f, lh = ImGui::GetTextLineHeight();
    if (code)
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(q.x, q.y + (lh - chip) * 0.5f),
                                                ImVec2(q.x + chip, q.y + (lh + chip) * 0.5f), code->colour, 2.0f);
    const float off = chip + ImGui::GetStyle().ItemInnerSpacing.x;
    draw_wrapped(ImVec2(q.x + off, q.y), ImGui::GetContentRegionAvail().x - off, 2,
                 {{code ? code->code.name : r.code_path, text}});
    draw_wrapped(ImVec2(q.x + off, q.y + lh * 2), ImGui::GetContentRegionAvail().x - off, 1, {{r.coder_name, dim}});
  }
  ImGui::TableNextColumn();
  draw_wrapped(ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail().x, 3, {{r.memo, dim}});
  ImGui::PopID();
}

void RetrievalView::draw_export() {
  const float em = ImGui::GetFontSize();
  if (export_path_.empty() && ws_.has_project()) {
    const auto& pp = ws_.project_path();
    export_path_ = (pp.parent_path() / (pp.stem().string() + "-retrieval" + extension(export_format_))).string();
  }
  const char* formats[] = {"CSV", "XLSX", "HTML"};
  int f = static_cast<int>(export_format_);
  ImGui::SetNextItemWidth(em * 5);
  if (ImGui::Combo("##ret_format", &f, formats, IM_ARRAYSIZE(formats))) {
    const std::string old = extension(export_format_);
    export_format_ = static_cast<ExportFormat>(f);
    if (export_path_.size() >= old.size() &&
        export_path_.compare(export_path_.size() - old.size(), old.size(), old) == 0)
      export_path_ = export_path_.substr(0, export_path_.size() - old.size()) + extension(export_format_);
  }
  ImGui::SameLine();
  const float bw = ImGui::CalcTextSize(tr(S::ret_export)).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SetNextItemWidth(std::max(em * 8, ImGui::GetContentRegionAvail().x - bw - ImGui::GetStyle().ItemSpacing.x));
  widgets::input_text_hint("##ret_path", tr(S::ret_export_path), &export_path_);
  note("export_path");
  ImGui::SameLine();
  if (ImGui::Button(tr(S::ret_export))) {
    export_error_.clear();
    if (hits_.empty()) {
      export_error_ = tr(S::ret_export_empty);
    } else if (export_path_.empty()) {
      export_error_ = tr(S::ret_export_no_path);
    } else {
      try {
        const auto rows = describer_->describe_all(hits_);
        export_retrieval(rows, description(), export_format_, export_path_);
        char buf[512];
        std::snprintf(buf, sizeof buf, tr(rows.size() == 1 ? S::ret_export_done_one : S::ret_export_done),
                      static_cast<long long>(rows.size()), export_path_.c_str());
        ws_.set_status(buf);
      } catch (const std::exception& e) {
        export_error_ = std::string(tr(S::ret_export_failed)) + e.what();
        ws_.set_status(export_error_, true);
      }
    }
  }
  note("export");
  if (!export_error_.empty()) ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1.0f), "%s", export_error_.c_str());
}

}  // namespace telaah::ui
