// The agreement view: the choice of coders, documents, codes and unit, and
// the statistics table (percent agreement, Cohen's kappa, Krippendorff's
// alpha per code and pooled) with the library's method sentences under it.
// The review list is in agreement_review.cpp, merging in agreement_merge.cpp.
//
// The statistics and the disagreements are computed on a worker thread
// (TaskRunner) whenever the choice or the project revision changes, through
// the worker's own read-only snapshot (never the window's connection), so
// coding, undo and redo go on meanwhile. The default coders (the two with
// the most codings) are counted once per project the same way for a large
// project (ui/shell/per_revision.h).
#include "ui/agreement/view_agreement.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "store/doc_sets.h"
#include "store/stats.h"
#include "text/utf8.h"
#include "ui/agreement/agreement_merge.h"
#include "ui/shell/app.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

namespace {

std::string thousands(int64_t n) {
  std::string s = std::to_string(n < 0 ? -n : n), out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && (s.size() - i) % 3 == 0) out += ',';
    out += s[i];
  }
  return n < 0 ? "-" + out : out;
}

// The side of a disagreement as quoted text: each coding's passage, shortened.
std::string quote(const store::Project& p, const std::vector<store::Coding>& side) {
  constexpr size_t kMax = 320;  // code points per coding: the list shows a few lines
  std::string out;
  for (const auto& c : side) {
    std::string q = analysis::passage_text(p, c.doc, c.start, c.end);
    for (auto& ch : q)
      if (ch == '\n' || ch == '\t' || ch == '\r') ch = ' ';
    if (text::count_code_points(q) > kMax) {
      text::OffsetMap m(q);
      q = std::string(text::slice_cp(q, m, 0, kMax)) + "\xE2\x80\xA6";
    }
    if (!out.empty()) out += "  \xE2\x80\xA2  ";
    out += "\xE2\x80\x9C" + q + "\xE2\x80\x9D";
  }
  return out;
}

void right_aligned(const std::string& s) {
  const float w = ImGui::CalcTextSize(s.c_str()).x;
  const float room = ImGui::GetContentRegionAvail().x;
  if (room > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + room - w);
  ImGui::TextUnformatted(s.c_str());
}

void method_tooltip(const std::string& method) {
  if (method.empty() || !ImGui::IsItemHovered()) return;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
  ImGui::TextUnformatted(method.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

}  // namespace

AgreementView::AgreementView(Workspace& ws) : ws_(ws) {}
AgreementView::~AgreementView() = default;

AgreementView& AgreementView::of(App& app) {
  return dynamic_cast<AgreementView&>(*app.view(View::agreement));
}

void AgreementView::menu_items(Menu m) {
  if (m == Menu::project) {
    if (ImGui::MenuItem(tr(S::agr_menu_merge), nullptr, false, ws_.has_project() && !ws_.busy())) {
      ws_.show_view(View::agreement);  // the merge report is shown there
      start_merge();
    }
  } else if (m == Menu::view) {
    if (ImGui::MenuItem(tr(S::agr_blind_mode), nullptr, blind(), ws_.has_project())) set_blind(!blind());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::agr_blind_tip));
  }
}

std::optional<ImRect> AgreementView::set_rect(const std::string& key) const {
  auto it = set_rects_.find(key);
  if (it == set_rects_.end()) return std::nullopt;
  return it->second;
}

void AgreementView::project_changed() {
  ++generation_;  // a result still on its way belongs to the old project
  choice_ = AgreementChoice{};
  set_.reset();
  coders_for_.clear();
  report_.reset();
  rows_.clear();
  review_.clear();
  computed_for_.reset();
  computed_rev_ = -1;
  computing_ = false;
  error_.clear();
  edit_ = EditDraft{};
  button_rects_.clear();
  doc_filter_.clear();
  reset_merge();
  defaults_.reset();
}

bool AgreementView::blind() const {
  return ws_.state().blind;
}

void AgreementView::set_blind(bool on) {
  ws_.state().blind = on;
  ws_.save_state();
}

void AgreementView::show_codings(const std::string& who, const std::string& a, const std::string& b) {
  auto& s = ws_.state();
  s.show = who == "me" || who == "compare" ? who : "all";
  if (s.show == "compare") s.compare_a = a, s.compare_b = b;
}

std::string AgreementView::format_percent(double v) {
  if (std::isnan(v)) return tr(S::agr_na);
  char b[32];
  std::snprintf(b, sizeof b, "%.1f %%", v * 100.0);
  return b;
}

std::string AgreementView::format_coefficient(double v) {
  if (std::isnan(v)) return tr(S::agr_na);
  char b[32];
  std::snprintf(b, sizeof b, "%.3f", v);
  if (std::string(b) == "-0.000") return "0.000";
  return b;
}

std::string AgreementView::code_label(store::Id id) const {
  const CodeInfo* c = ws_.cache().code(id);
  return c ? c->path : "#" + std::to_string(id);
}

// First visit of a project: the two coders with the most codings, counted
// once per project (on a worker for a large project: counting a million
// codings took the first frame of this view 1.3 s at 100,000 codings).
void AgreementView::ensure_defaults() {
  if (coders_for_ == ws_.project_id() && !coders_for_.empty()) return;
  defaults_.want(ws_, ws_.project_id(), tr(S::agr_computing), [](const store::Project& p, TaskProgress&) {
    const auto n = store::coding_counts_by_coder(p);
    std::vector<std::pair<int64_t, std::string>> counted;
    for (const auto& c : p.coders()) {
      auto it = n.find(c.id);
      counted.emplace_back(it == n.end() ? 0 : it->second, c.name);
    }
    return counted;
  });
  if (!defaults_.get() || !defaults_.key() || *defaults_.key() != ws_.project_id()) return;
  coders_for_ = ws_.project_id();
  auto counted = *defaults_.get();
  std::stable_sort(counted.begin(), counted.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  if (counted.size() >= 2) {
    choice_.coder_a = counted[0].second;
    choice_.coder_b = counted[1].second;
    if (choice_.coder_b < choice_.coder_a) std::swap(choice_.coder_a, choice_.coder_b);
  }
}

std::optional<analysis::AgreementOptions> AgreementView::options() const {
  const auto& c = choice_;
  if (c.coder_a.empty() || c.coder_b.empty() || c.coder_a == c.coder_b) return std::nullopt;
  analysis::AgreementOptions o;
  o.sel.coders = {c.coder_a, c.coder_b};
  switch (c.docs) {
    case AgreementChoice::Docs::all:
      break;
    case AgreementChoice::Docs::by_type:
      if (c.source_type.empty()) return std::nullopt;
      o.sel.source_type = c.source_type;
      break;
    case AgreementChoice::Docs::picked:
      for (store::Id d : c.picked_docs)
        if (ws_.cache().doc(d)) o.sel.docs.push_back(d);
      if (o.sel.docs.empty()) return std::nullopt;
      break;
  }
  switch (c.codes) {
    case AgreementChoice::Codes::indicators:
      // Every indicator, sub-codes rolled up into it (empty when the codebook has none:
      // the library then rolls every code up to its indicator or keeps it).
      for (const auto& ci : ws_.cache().codes)
        if (ci.code.kind == store::CodeKind::indicator) o.sel.codes.push_back(ci.code.id);
      o.sel.rollup = true;
      break;
    case AgreementChoice::Codes::used:
      o.sel.rollup = false;
      break;
    case AgreementChoice::Codes::picked:
      for (const auto& ci : ws_.cache().codes)  // codebook order
        if (c.picked_codes.count(ci.code.id)) o.sel.codes.push_back(ci.code.id);
      if (o.sel.codes.empty()) return std::nullopt;
      o.sel.rollup = c.rollup;
      break;
  }
  o.unit = c.unit;
  o.threshold = std::clamp(static_cast<double>(c.threshold), 0.01, 1.0);
  o.overlap = c.overlap;
  o.exclude_uncoded = c.exclude_uncoded;
  return o;
}

void AgreementView::maybe_compute() {
  if (computing_) return;  // one at a time: when it is back, a changed choice computes again
  const auto o = options();
  if (!o) return;
  if (computed_for_ && *computed_for_ == choice_ && computed_rev_ == ws_.cache().revision) return;
  if (ws_.busy()) return;  // another task may be about to write
  computing_ = true;
  const uint64_t gen = ++generation_;
  const int64_t rev = ws_.cache().revision;
  const AgreementChoice ch = choice_;
  // The worker reads through its own read-only snapshot, never the window's
  // connection: coding, undo and redo go on while it computes.
  const std::filesystem::path file = ws_.project_path();
  ws_.tasks().start(
      tr(S::agr_computing),
      [this, file, o0 = *o, gen, rev, ch](TaskProgress&) -> std::function<void()> {
        auto r = std::make_shared<Result>();
        r->generation = gen;
        r->revision = rev;
        try {
          const auto snapshot = store::Project::open_snapshot(file);
          const store::Project* p = snapshot.get();
          r->revision = p->revision();  // what the result was computed from
          analysis::AgreementOptions o = o0;
          if (ch.set && ch.docs != AgreementChoice::Docs::picked)  // the set's members, on this snapshot
            o.sel.within = store::doc_set_members(*p, ch.set);
          r->report = analysis::compute_agreement(*p, o);
          analysis::ReviewOptions ro;
          ro.sel = o.sel;
          ro.include_kept = ch.include_kept;
          for (auto& d : analysis::list_disagreements(*p, ro)) {
            ReviewItem it;
            it.quote_a = quote(*p, d.a);
            it.quote_b = quote(*p, d.b);
            it.d = std::move(d);
            r->review.push_back(std::move(it));
          }
        } catch (const std::exception& e) {
          r->error = e.what();
        }
        return [this, r, ch] {
          if (r->generation != generation_) return;  // the project changed meanwhile
          computed_for_ = ch;
          adopt(std::move(*r));
        };
      },
      TaskRunner::Kind::background);
}

void AgreementView::adopt(Result r) {
  computing_ = false;
  computed_rev_ = r.revision;
  error_ = r.error;
  if (!error_.empty()) {
    report_.reset();
    rows_.clear();
    review_.clear();
    return;
  }
  rows_.clear();
  auto row = [&](const analysis::CodeAgreement& c, std::string label) {
    AgreementRow out;
    out.code = c.code;
    out.label = std::move(label);
    if (!c.pairs.empty()) {
      const auto& pa = c.pairs.front();
      out.units = thousands(pa.table.total());
      out.documents = std::to_string(pa.documents);
      out.percent = format_percent(pa.percent.value);
      out.kappa = format_coefficient(pa.kappa.value);
      out.percent_method = pa.percent.method;
      out.kappa_method = pa.kappa.method;
    }
    out.alpha = format_coefficient(c.alpha.value);
    out.alpha_method = c.alpha.method;
    rows_.push_back(std::move(out));
  };
  for (const auto& c : r.report.codes) row(c, c.path);
  row(r.report.overall, tr(S::agr_overall));
  report_ = std::move(r.report);
  review_ = std::move(r.review);
  if (edit_.open) {  // the passage being edited may be gone or changed
    auto it = std::find_if(review_.begin(), review_.end(), [&](const ReviewItem& i) { return i.d.key == edit_.key; });
    if (it == review_.end())
      edit_.open = false;
    else
      edit_.item = static_cast<size_t>(it - review_.begin());
  }
}

void AgreementView::draw() {
  if (!ws_.has_project()) return;
  // Frames are outlined: the light theme's frames are as white as the panes they sit in.
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
  draw_merge();
  ensure_defaults();
  if (ws_.cache().coders.size() < 2) {
    ImGui::Spacing();
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
    ImGui::TextDisabled("%s", tr(S::agr_need_two_coders));
    ImGui::PopTextWrapPos();
    ImGui::PopStyleVar();
    return;
  }
  const float left = std::min(ImGui::GetFontSize() * 20, ImGui::GetContentRegionAvail().x * 0.35f);
  ImGui::BeginChild("##agr_choices", ImVec2(left, 0), true);
  draw_choices();
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##agr_results", ImVec2(0, 0), false);
  if (blind()) {
    // Blind mode: the other coder's quotes, stances and numbers would sway one's own coding.
    button_rects_.clear();
    review_rect_.reset();
    blind_off_button_.reset();
    ImGui::Spacing();
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
    ImGui::TextUnformatted(tr(S::agr_blind_notice));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (ImGui::Button(tr(S::agr_blind_turn_off))) set_blind(false);
    blind_off_button_ = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  } else {
    blind_off_button_.reset();
    maybe_compute();
    if (defaults_.pending() && coders_for_ != ws_.project_id()) {  // the default coders are being counted
      const auto [fraction, message] = defaults_.progress(ws_);
      draw_placeholder(tr(S::agr_computing), fraction, message);
    } else {
      draw_table();
      draw_review();
    }
  }
  ImGui::EndChild();
  draw_edit_popup();
  ImGui::PopStyleVar();
}

void AgreementView::draw_choices() {
  auto& c = choice_;
  const auto& cache = ws_.cache();
  auto heading = [](S s) {
    ImGui::Spacing();
    ImGui::TextDisabled("%s", tr(s));
  };
  heading(S::agr_coders);
  const float label_w = std::max(ImGui::CalcTextSize(tr(S::agr_coder_a)).x, ImGui::CalcTextSize(tr(S::agr_coder_b)).x);
  auto coder_combo = [&](const char* id, S label, std::string& name) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(label));
    ImGui::SameLine(ImGui::GetStyle().WindowPadding.x + label_w + ImGui::GetStyle().ItemSpacing.x * 2);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo(id, name.c_str())) {
      for (const auto& k : cache.coders)
        if (ImGui::Selectable(k.name.c_str(), k.name == name)) name = k.name;
      ImGui::EndCombo();
    }
  };
  coder_combo("##coder_a", S::agr_coder_a, c.coder_a);
  coder_combo("##coder_b", S::agr_coder_b, c.coder_b);
  if (c.coder_a == c.coder_b) ImGui::TextColored(ImVec4(0.85f, 0.3f, 0.2f, 1), "%s", tr(S::agr_choose_two));

  heading(S::agr_documents);
  int docs = static_cast<int>(c.docs);
  ImGui::RadioButton(tr(S::agr_docs_all), &docs, 0);
  ImGui::RadioButton(tr(S::agr_docs_type), &docs, 1);
  ImGui::RadioButton(tr(S::agr_docs_picked), &docs, 2);
  // Picking starts from the documents the last result counted, not from nothing.
  if (docs == 2 && c.docs != AgreementChoice::Docs::picked && c.picked_docs.empty() && report_)
    c.picked_docs.insert(report_->documents.begin(), report_->documents.end());
  c.docs = static_cast<AgreementChoice::Docs>(docs);
  ImGui::BeginDisabled(c.docs == AgreementChoice::Docs::picked);  // documents picked one by one: no set
  set_.draw(
      ws_, "##agr_set",
      [&](const std::string& k) { set_rects_[k] = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }, -1);
  ImGui::EndDisabled();
  c.set = set_.set();
  if (c.docs == AgreementChoice::Docs::by_type) {
    if (c.source_type.empty() && !cache.source_types.empty()) c.source_type = cache.source_types.front().name;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##agr_type", source_type_label(c.source_type).c_str())) {
      for (const auto& t : cache.source_types)
        if (ImGui::Selectable(source_type_label(t.name).c_str(), t.name == c.source_type)) c.source_type = t.name;
      ImGui::EndCombo();
    }
  } else if (c.docs == AgreementChoice::Docs::picked) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr(S::agr_docs_picked_hint));
    ImGui::PopTextWrapPos();
    ImGui::SetNextItemWidth(-1);
    widgets::input_text_hint("##agr_doc_filter", tr(S::filter_documents), &doc_filter_);
    // The documents the filter lets through, found again only when it or the list changed;
    // only the visible rows are drawn (100,000 documents).
    if (doc_rows_filter_ != doc_filter_ || doc_rows_version_ != cache.docs_version) {
      doc_rows_filter_ = doc_filter_;
      doc_rows_version_ = cache.docs_version;
      doc_rows_.clear();
      const std::string f = lower_ascii(doc_filter_);
      for (size_t i = 0; i < cache.docs.size(); ++i)
        if (f.empty() || lower_ascii(cache.docs[i].doc.title).find(f) != std::string::npos) doc_rows_.push_back(i);
    }
    ImGui::BeginChild("##agr_docs", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 8), true);
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(doc_rows_.size()));
    while (clip.Step())
      for (int row = clip.DisplayStart; row < clip.DisplayEnd; ++row) {
        const auto& d = cache.docs[doc_rows_[static_cast<size_t>(row)]];
        bool on = c.picked_docs.count(d.doc.id) > 0;
        ImGui::PushID(static_cast<int>(d.doc.id));
        if (ImGui::Checkbox(d.doc.title.c_str(), &on)) {
          if (on)
            c.picked_docs.insert(d.doc.id);
          else
            c.picked_docs.erase(d.doc.id);
        }
        if (ImGui::IsItemHovered())
          ImGui::SetTooltip("%s\n%s", d.doc.title.c_str(), source_type_label(d.doc.source_type).c_str());
        ImGui::PopID();
      }
    ImGui::EndChild();
  }

  heading(S::agr_codes);
  int codes = static_cast<int>(c.codes);
  ImGui::RadioButton(tr(S::agr_codes_indicators), &codes, 0);
  ImGui::RadioButton(tr(S::agr_codes_used), &codes, 1);
  ImGui::RadioButton(tr(S::agr_codes_picked), &codes, 2);
  c.codes = static_cast<AgreementChoice::Codes>(codes);
  if (c.codes == AgreementChoice::Codes::picked) {
    ImGui::Checkbox(tr(S::agr_rollup), &c.rollup);
    ImGui::BeginChild("##agr_codes", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 9), true);
    for (const auto& ci : cache.codes) {
      bool on = c.picked_codes.count(ci.code.id) > 0;
      ImGui::PushID(static_cast<int>(ci.code.id));
      ImGui::SetCursorPosX(ImGui::GetCursorPosX() + static_cast<float>(ci.depth) * ImGui::GetFontSize());
      if (ImGui::Checkbox(ci.code.name.c_str(), &on)) {
        if (on)
          c.picked_codes.insert(ci.code.id);
        else
          c.picked_codes.erase(ci.code.id);
      }
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ci.path.c_str());
      ImGui::PopID();
    }
    ImGui::EndChild();
  }

  heading(S::agr_unit);
  int unit = static_cast<int>(c.unit);
  ImGui::RadioButton(tr(S::agr_unit_char), &unit, 0);
  ImGui::RadioButton(tr(S::agr_unit_segment), &unit, 1);
  c.unit = static_cast<analysis::AgreementUnit>(unit);
  if (c.unit == analysis::AgreementUnit::character) {
    ImGui::Checkbox(tr(S::agr_exclude_uncoded), &c.exclude_uncoded);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::agr_exclude_uncoded_tip));
  } else {
    ImGui::TextUnformatted(tr(S::agr_threshold));
    ImGui::SetNextItemWidth(-1);
    float t = c.threshold;
    ImGui::SliderFloat("##agr_threshold", &t, 0.05f, 1.0f, "%.2f");
    // Computed when the slider is let go, not at every pixel of the drag.
    if (!ImGui::IsItemActive()) c.threshold = std::round(t * 100.0f) / 100.0f;
    if (ImGui::IsItemDeactivatedAfterEdit()) c.threshold = std::round(t * 100.0f) / 100.0f;
    int ov = static_cast<int>(c.overlap);
    ImGui::RadioButton(tr(S::agr_overlap_union), &ov, 0);
    ImGui::RadioButton(tr(S::agr_overlap_shorter), &ov, 1);
    c.overlap = static_cast<analysis::OverlapRatio>(ov);
  }
}

void AgreementView::draw_table() {
  if (!options()) {
    ImGui::TextDisabled("%s", choice_.coder_a == choice_.coder_b ? tr(S::agr_choose_two) : tr(S::agr_nothing_chosen));
    return;
  }
  if (!error_.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1), "%s", error_.c_str());
    ImGui::PopTextWrapPos();
    return;
  }
  if (!report_) {
    ImGui::TextDisabled("%s", tr(S::agr_computing));
    return;
  }
  const auto& r = *report_;
  char head[256];
  std::snprintf(head, sizeof head, tr(r.documents.size() == 1 ? S::agr_summary_one : S::agr_summary),
                choice_.coder_a.c_str(), choice_.coder_b.c_str(), static_cast<int>(r.documents.size()));
  ImGui::TextUnformatted(head);
  if (computing_) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr(S::agr_computing));
  }
  if (r.documents.empty()) {
    ImGui::TextDisabled("%s", tr(S::agr_no_documents));
    return;
  }
  const float line = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2;
  const float want = line * static_cast<float>(rows_.size() + 1) + 2 * ImGui::GetStyle().CellPadding.y;
  // The table, the method and the review list share the height: the list keeps at least half of it.
  const float h = std::max(line * 3, std::min(want, ImGui::GetContentRegionAvail().y * 0.35f));
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("##agr_table", 6, flags, ImVec2(0, h))) {
    const bool chars = r.options.unit == analysis::AgreementUnit::character;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(S::agr_col_code), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(chars ? tr(S::agr_unit_char) : tr(S::agr_unit_segment), ImGuiTableColumnFlags_WidthStretch,
                            1.0f);
    ImGui::TableSetupColumn(tr(S::agr_documents), ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn(tr(S::agr_col_percent), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(S::agr_col_kappa), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(S::agr_col_alpha), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableHeadersRow();
    for (const auto& row : rows_) {
      ImGui::TableNextRow();
      const bool overall = row.code == 0;
      ImGui::TableSetColumnIndex(0);
      if (overall) {
        ImGui::TextUnformatted(row.label.c_str());
      } else {
        const CodeInfo* ci = ws_.cache().code(row.code);
        widgets::colour_chip(ci ? ci->colour : IM_COL32(136, 136, 136, 255), ImGui::GetTextLineHeight() * 0.6f);
        ImGui::SameLine();
        const std::string shown = widgets::ellipsize(row.label, ImGui::GetContentRegionAvail().x);
        ImGui::TextUnformatted(shown.c_str());
        if (shown != row.label && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", row.label.c_str());
      }
      ImGui::TableSetColumnIndex(1);
      right_aligned(row.units);
      ImGui::TableSetColumnIndex(2);
      right_aligned(row.documents);
      ImGui::TableSetColumnIndex(3);
      right_aligned(row.percent);
      method_tooltip(row.percent_method);
      ImGui::TableSetColumnIndex(4);
      right_aligned(row.kappa);
      method_tooltip(row.kappa_method);
      ImGui::TableSetColumnIndex(5);
      right_aligned(row.alpha);
      method_tooltip(row.alpha_method);
      if (overall) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImGuiCol_TableHeaderBg, 0.6f));
    }
    ImGui::EndTable();
  }
  // The method, as the library states it: what was counted and how. Folded by default; open,
  // it scrolls in a box of at most a fifth of the height so the review list keeps its share.
  if (!ImGui::CollapsingHeader(tr(S::agr_method_show))) return;
  std::string method = r.method;
  if (!r.overall.pairs.empty())
    method += "\n" + r.overall.pairs.front().percent.method + "\n" + r.overall.pairs.front().kappa.method;
  method += "\n" + r.overall.alpha.method;
  const float wrap =
      ImGui::GetContentRegionAvail().x - ImGui::GetStyle().WindowPadding.x * 2 - ImGui::GetStyle().ScrollbarSize;
  const float text_h =
      ImGui::CalcTextSize(method.c_str(), nullptr, false, wrap).y + ImGui::GetStyle().WindowPadding.y * 2;
  const float box = std::min(text_h, std::max(line * 3, ImGui::GetContentRegionAvail().y * 0.2f));
  ImGui::BeginChild("##agr_method", ImVec2(0, box), true);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(method.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
}

}  // namespace telaah::ui
