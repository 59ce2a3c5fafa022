// The triangulation view below the matrix: the evidence of the selected cell,
// the compare view (the quotes of every column side by side, with their
// stance), and the editors for overrides and ratings. Every write is one
// undoable action of the analysis library, run through the Workspace (one write each).
#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "analysis/overrides.h"
#include "store/judgement.h"
#include "store/rating_citations.h"
#include "text/utf8.h"
#include "ui/shell/strings.h"
#include "ui/shell/workspace.h"
#include "ui/triangulation/view_triangulation.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

using analysis::Convergence;
using analysis::Rating;
using analysis::Status;

namespace {

constexpr Status kStatuses[] = {Status::triangulated, Status::divergent, Status::single_source, Status::insufficient,
                                Status::gap};
constexpr Convergence kLabels[] = {Convergence::agreement, Convergence::partial, Convergence::silence,
                                   Convergence::dissonance};
constexpr Rating kRatings[] = {Rating::achieved, Rating::partially_achieved, Rating::not_achieved,
                               Rating::insufficient_evidence};

std::string format(const char* fmt, const std::string& a, const std::string& b = "", const std::string& c = "") {
  char buf[512];
  std::snprintf(buf, sizeof buf, fmt, a.c_str(), b.c_str(), c.c_str());
  return buf;
}

const char* net_symbol(const analysis::Cell& c) {
  if (!c.has_evidence()) return "\xE2\x80\x94";
  return c.net() > 0 ? "+" : c.net() < 0 ? "\xE2\x88\x92" : "0";
}

}  // namespace

// STALE as a chip on the current line; hovering says what moved.
void TriangulationView::stale_badge(const std::string& then, const std::string& now) {
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.84f, 0.59f, 0.16f, 1));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.84f, 0.59f, 0.16f, 1));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0.84f, 0.59f, 0.16f, 1));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.08f, 0.08f, 0.1f, 1));
  ImGui::SmallButton(tr(S::tri_stale));
  ImGui::PopStyleColor(4);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip(tr(S::tri_stale_tip), value_label(then).c_str(), now.c_str());
}

// The researcher keeps a stale override: the current automatic value is recorded under it (one action).
void TriangulationView::confirm(store::Id code, const std::string& path, const std::string& a, const std::string& b) {
  const std::string dim = model_.matrix().columns.dimension;
  const std::string what = path + (a.empty() ? "" : " " + column_label_of(a) + " \xE2\x80\x93 " + column_label_of(b));
  ws_.write([&](store::Project& p) { analysis::confirm_override(p, model_.table(), code, dim, a, b); },
            tr(S::tri_confirmed_override) + what);
}

std::string TriangulationView::column_label_of(const std::string& stored) const {
  return model_.matrix().columns.dimension == "type" ? source_type_label(stored) : stored;
}

std::vector<TriangulationView::StaleItem> TriangulationView::stale_overrides() const {
  std::vector<StaleItem> out;
  if (!model_.ready()) return out;
  const auto& m = model_.matrix();
  for (const auto& r : m.rows) {
    if (r.status_override && r.status_override->stale)
      out.push_back({r.code_id, r.path, "", "", r.status_override->label, r.status_override->automatic_then,
                     analysis::to_string(r.automatic)});
    for (const auto& p : r.pairs)
      if (p.override && p.override->stale)
        out.push_back({r.code_id, r.path, m.columns.labels[static_cast<size_t>(p.a)],
                       m.columns.labels[static_cast<size_t>(p.b)], p.override->label, p.override->automatic_then,
                       p.automatic == Convergence::none ? "none" : analysis::to_string(p.automatic)});
  }
  return out;
}

// "Stale overrides (N)": every override whose automatic value moved, each with Confirm and Remove.
void TriangulationView::draw_stale_list() {
  const auto items = stale_overrides();
  if (items.empty()) return;
  char head[128];
  std::snprintf(head, sizeof head, tr(S::tri_stale_list_fmt), static_cast<int>(items.size()));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.84f, 0.52f, 0.05f, 1));
  const bool open = ImGui::TreeNodeEx(head, ImGuiTreeNodeFlags_DefaultOpen);
  ImGui::PopStyleColor();
  remember("stale:list");
  if (!open) return;
  const float fs = ImGui::GetFontSize();
  const float line = ImGui::GetFrameHeightWithSpacing();
  if (model_.applied() != TriFilter{}) ImGui::TextDisabled("%s", tr(S::tri_stale_filtered));
  ImGui::BeginChild("##stale_items", ImVec2(0, std::min(static_cast<float>(items.size()), 4.0f) * line + fs * 0.2f));
  const std::string dim = model_.matrix().columns.dimension;
  for (size_t i = 0; i < items.size(); ++i) {
    const StaleItem& it = items[i];
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::SmallButton(tr(S::tri_confirm))) confirm(it.code, it.indicator, it.column_a, it.column_b);
    remember("stale:confirm:" + std::to_string(i));
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(S::tri_override_remove))) {
      const std::string what =
          it.indicator + (it.column_a.empty()
                              ? ""
                              : " " + column_label_of(it.column_a) + " \xE2\x80\x93 " + column_label_of(it.column_b));
      ws_.write([&](store::Project& p) { analysis::clear_override(p, it.code, dim, it.column_a, it.column_b); },
                tr(S::tri_removed_override) + what);
    }
    remember("stale:remove:" + std::to_string(i));
    ImGui::SameLine();
    const std::string pair =
        it.column_a.empty() ? "" : " " + column_label_of(it.column_a) + " \xE2\x80\x93 " + column_label_of(it.column_b);
    char buf[768];
    std::snprintf(buf, sizeof buf, tr(S::tri_stale_item_fmt), it.indicator.c_str(), pair.c_str(),
                  value_label(it.label).c_str(), value_label(it.automatic_then).c_str(),
                  value_label(it.automatic_now).c_str());
    ImGui::AlignTextToFramePadding();
    const std::string shown = widgets::ellipsize(buf, ImGui::GetContentRegionAvail().x);
    ImGui::TextUnformatted(shown.c_str());
    if (shown != buf && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", buf);
    ImGui::PopID();
  }
  ImGui::EndChild();
  ImGui::TreePop();
}

// Whether the open override editor holds what the project has (nothing to save).
bool TriangulationView::override_saved(const OverrideDraft& d) const {
  if (!model_.ready()) return true;
  const analysis::Row* row = model_.matrix().find(d.code);
  if (!row) return true;
  const std::string label =
      d.column_a.empty() ? analysis::to_string(kStatuses[d.label]) : analysis::to_string(kLabels[d.label]);
  const analysis::Override* o = nullptr;
  if (d.column_a.empty()) {
    if (row->status_override) o = &*row->status_override;
  } else {
    const auto& labels = model_.matrix().columns.labels;
    for (const auto& p : row->pairs) {
      const std::string& a = labels[static_cast<size_t>(p.a)];
      const std::string& b = labels[static_cast<size_t>(p.b)];
      if (p.override && ((a == d.column_a && b == d.column_b) || (a == d.column_b && b == d.column_a)))
        o = &*p.override;
    }
  }
  return o ? o->memo == d.memo && o->label == label : false;
}

bool TriangulationView::has_unsaved_draft() const {
  const auto blank = [](const std::string& t) { return t.find_first_not_of(" \t\n") == std::string::npos; };
  if (override_.open && !blank(override_.memo) && !override_saved(override_) &&
      override_.written != std::to_string(override_.label) + "\n" + override_.memo)
    return true;
  if (rating_.open && !blank(rating_.justification) &&
      rating_.written != std::to_string(rating_.rating) + "\n" + rating_.justification) {
    const auto& evals = model_.evaluation().indicators;
    const int r = model_.row_of(rating_.code);
    if (r < 0 || static_cast<size_t>(r) >= evals.size()) return true;
    const auto& rec = evals[static_cast<size_t>(r)].recorded;
    return !rec || rec->justification != rating_.justification || rec->rating != kRatings[rating_.rating];
  }
  if (finding_.open && !blank(finding_.title)) return true;  // an impediment finding being written
  return false;
}

// Quit, close or a view switch with an editor open: what was typed is saved
// as its Save button saves it (one undoable action each), never dropped.
void TriangulationView::save_drafts() {
  if (!ws_.has_project() || !model_.ready()) return;
  const auto blank = [](const std::string& t) { return t.find_first_not_of(" \t\n") == std::string::npos; };
  if (finding_.open && !blank(finding_.title)) save_finding();
  OverrideDraft& d = override_;
  if (d.open && !blank(d.memo) && !override_saved(d)) {
    const bool status = d.column_a.empty();
    const std::string label = status ? analysis::to_string(kStatuses[d.label]) : analysis::to_string(kLabels[d.label]);
    const std::string dim = model_.matrix().columns.dimension;
    if (ws_.write(
            [&](store::Project& p) {
              analysis::set_override(p, model_.table(), d.code, dim, d.column_a, d.column_b, label, d.memo);
            },
            tr(S::tri_draft_saved) + d.indicator + " = " + value_label(label)))
      d.written = std::to_string(d.label) + "\n" + d.memo;
  }
  RatingDraft& r = rating_;
  if (r.open && !blank(r.justification) && has_unsaved_draft()) {
    const std::vector<store::Id> cited(cited_.begin(), cited_.end());
    if (ws_.write(
            [&](store::Project& p) { analysis::set_evaluation(p, r.code, kRatings[r.rating], r.justification, cited); },
            tr(S::tri_draft_saved) + r.indicator + " = " + rating_text(kRatings[r.rating])))
      r.written = std::to_string(r.rating) + "\n" + r.justification;
  }
}

// Rebuilds the evidence list and the compare columns when the selection or the matrix changed.
void TriangulationView::refresh_selection() {
  if (detail_rev_ == model_.revision() && detail_code_ == sel_code_ && detail_col_ == sel_col_) return;
  detail_rev_ = model_.revision();
  detail_code_ = sel_code_;
  detail_col_ = sel_col_;
  evidence_.clear();
  compare_.clear();
  const int row = model_.row_of(sel_code_);
  if (row < 0) return;
  ws_.act([&] {
    auto all = model_.evidence(ws_, row, -1);
    if (!all) {  // computed on a worker (large project): asked again next frame
      detail_rev_ = -1;
      return;
    }
    compare_.assign(model_.matrix().columns.labels.size(), {});
    for (auto& e : *all) {
      if (e.column < 0 || e.column >= static_cast<int>(compare_.size())) continue;
      if (e.column == sel_col_) evidence_.push_back(e);
      compare_[static_cast<size_t>(e.column)].push_back(std::move(e));
    }
  });
}

void TriangulationView::open_in_coding_view(const EvidenceItem& e) {
  ws_.show_passage(e.doc_id, e.start, e.end, e.coding_id, 0.0f);
}

namespace {

// A quote's height wrapped at `w`, measured once per quote and width: a cell
// lists up to tens of thousands of quotes (29,219 at 100k documents, whose
// wrapping every frame took 97 ms).
float wrapped_height(const EvidenceItem& e, float w) {
  struct Key {
    store::Id coding;
    size_t bytes;
    float width;
    bool operator==(const Key&) const = default;
  };
  struct Hash {
    size_t operator()(const Key& k) const {
      return std::hash<store::Id>()(k.coding) * 31 + k.bytes * 7 + std::hash<float>()(k.width);
    }
  };
  static std::unordered_map<Key, float, Hash> heights;
  const Key k{e.coding_id, e.quote.size(), w};
  auto it = heights.find(k);
  if (it != heights.end()) return it->second;
  if (heights.size() > 200000) heights.clear();
  const float h = ImGui::CalcTextSize(e.quote.c_str(), nullptr, false, w).y;
  heights.emplace(k, h);
  return h;
}

}  // namespace

// One quote: a bar in its stance colour, the text, and where it comes from.
// A click opens it in the coding view; in the compare view a box ticks it for the rating.
void TriangulationView::draw_quote(const EvidenceItem& e, float width, const std::string& key, bool citeable) {
  const float fs = ImGui::GetFontSize(), pad = std::round(fs * 0.3f), bar = std::round(fs * 0.3f);
  const float text_w = std::max(width - bar - pad * 3, fs * 4);
  const ImVec2 qs(text_w, wrapped_height(e, text_w));
  const float h = qs.y + fs + pad * 3;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  if (!ImGui::IsRectVisible(p, ImVec2(p.x + width, p.y + h))) {  // scrolled away: its room only
    ImGui::Dummy(ImVec2(width, h));  // (a cell of 30,000 quotes overflowed the 16-bit draw list)
    return;
  }
  std::string meta = std::string(stance_symbol(e.stance)) + " " + stance_label(e.stance) + " \xC2\xB7 " + e.citation +
                     " \xC2\xB7 " + e.coder;
  if (!e.subcode.empty()) meta += " \xC2\xB7 " + e.subcode;
  ImGui::PushID(key.c_str());
  if (ImGui::Selectable("##q", citeable && cited_.count(e.coding_id), ImGuiSelectableFlags_AllowItemOverlap,
                        ImVec2(width, h)))
    open_in_coding_view(e);
  remember(key);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::tri_open_hint));
  const ImVec2 after = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + bar, p.y + h), stance_colour(e.stance), fs * 0.15f);
  dl->AddText(ImGui::GetFont(), fs, ImVec2(p.x + bar + pad, p.y + pad), ImGui::GetColorU32(ImGuiCol_Text),
              e.quote.c_str(), nullptr, text_w);
  float meta_w = text_w;
  if (citeable) {
    const char* label = tr(S::tri_cite);
    const float cw = ImGui::GetFrameHeight() + ImGui::CalcTextSize(label).x + pad * 2;
    meta_w -= cw;
    ImGui::SetCursorScreenPos(ImVec2(p.x + width - cw, p.y + h - ImGui::GetFrameHeight()));
    bool on = cited_.count(e.coding_id) > 0;
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);  // visible on a white pane
    if (ImGui::Checkbox(label, &on)) {
      if (on)
        cited_.insert(e.coding_id);
      else
        cited_.erase(e.coding_id);
    }
    ImGui::PopStyleVar();
    remember(key + ":cite");
  }
  // The quote's links: one chip per relation at the end of its last line; the rest of the line for the source.
  const float chips_w = links_of_.count(e.coding_id) ? std::min(meta_w * 0.5f, fs * 16) : 0.0f;
  if (chips_w > 0)
    draw_link_chips(e.coding_id, ImVec2(p.x + bar + pad + meta_w - chips_w, p.y + pad * 2 + qs.y), chips_w);
  dl->AddText(ImVec2(p.x + bar + pad, p.y + pad * 2 + qs.y), ImGui::GetColorU32(ImGuiCol_TextDisabled),
              widgets::ellipsize(meta, meta_w - chips_w).c_str());
  if (key.rfind("quote:", 0) == 0) quote_boxes_[e.coding_id] = {e.column, ImRect(p, ImVec2(p.x + width, p.y + h))};
  ImGui::SetCursorScreenPos(after);
  ImGui::PopID();
}

void TriangulationView::draw_evidence() {
  const int row = model_.row_of(sel_code_);
  if (row < 0 || sel_col_ < 0) {
    ImGui::TextDisabled("%s", tr(S::tri_pick_cell));
    return;
  }
  const auto& r = model_.matrix().rows[static_cast<size_t>(row)];
  char head[512];
  std::snprintf(head, sizeof head, tr(evidence_.size() == 1 ? S::tri_evidence_fmt_one : S::tri_evidence_fmt),
                r.path.c_str(), column_label(sel_col_).c_str(), static_cast<int>(evidence_.size()));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(head);
  ImGui::SameLine();
  if (ImGui::Button(tr(S::tri_compare_button))) select(sel_code_, sel_col_, Tab::compare);
  remember("compare:button");
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr(S::tri_open_hint));
  draw_link_counts();
  ImGui::BeginChild("##tri_evidence");
  const float w = ImGui::GetContentRegionAvail().x;
  if (evidence_.empty()) ImGui::TextDisabled("%s", tr(S::tri_no_quotes));
  for (size_t i = 0; i < evidence_.size(); ++i) draw_quote(evidence_[i], w, "evidence:" + std::to_string(i), false);
  ImGui::EndChild();
}

void TriangulationView::draw_compare() {
  const int ri = model_.row_of(sel_code_);
  if (ri < 0) {
    ImGui::TextDisabled("%s", tr(S::tri_pick_row));
    return;
  }
  const auto& m = model_.matrix();
  const auto& row = m.rows[static_cast<size_t>(ri)];
  const float fs = ImGui::GetFontSize();

  // The status, with its override.
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(row.path.c_str());
  ImGui::SameLine(0, fs);
  ImGui::PushStyleColor(ImGuiCol_Text, status_colour(row.effective));
  ImGui::TextUnformatted(status_text(row.effective));
  ImGui::PopStyleColor();
  if (row.status_override) {
    ImGui::SameLine();
    ImGui::TextDisabled(tr(S::tri_overridden_fmt), status_text(row.automatic));
    if (row.status_override->stale) {
      ImGui::SameLine();
      stale_badge(row.status_override->automatic_then, status_text(row.automatic));
      remember("status:stale");
      ImGui::SameLine();
      if (ImGui::SmallButton((std::string(tr(S::tri_confirm)) + "##status").c_str()))
        confirm(row.code_id, row.path, "", "");
      remember("override:status:confirm");
    }
  }
  ImGui::SameLine();
  if (ImGui::SmallButton((std::string(tr(S::tri_override)) + "##status").c_str())) start_override(row, -1);
  remember("override:status");
  if (row.status_override) {
    ImGui::SameLine();
    if (ImGui::SmallButton((std::string(tr(S::tri_override_remove)) + "##status").c_str())) {
      if (ws_.write([&](store::Project& p) { analysis::clear_override(p, row.code_id, m.columns.dimension, "", ""); }))
        ws_.set_undoable_status(tr(S::tri_removed_override) + row.path);
    }
    remember("override:status:remove");
    ImGui::TextDisabled("%s%s", tr(S::tri_memo_label), row.status_override->memo.c_str());
  }

  // The convergence label of every pair that has evidence.
  for (size_t k = 0; k < row.pairs.size(); ++k) {
    const auto& p = row.pairs[k];
    if (p.effective == Convergence::none && !p.override) continue;
    ImGui::PushID(static_cast<int>(k));
    ImGui::AlignTextToFramePadding();
    ImGui::BulletText("%s \xE2\x80\x93 %s: %s", column_label(p.a).c_str(), column_label(p.b).c_str(),
                      convergence_text(p.effective));
    const std::string& la = m.columns.labels[static_cast<size_t>(p.a)];
    const std::string& lb = m.columns.labels[static_cast<size_t>(p.b)];
    if (p.override) {
      ImGui::SameLine();
      ImGui::TextDisabled(tr(S::tri_overridden_fmt), convergence_text(p.automatic));
      if (p.override->stale) {
        ImGui::SameLine();
        stale_badge(p.override->automatic_then, convergence_text(p.automatic));
        remember("pair:stale:" + la + ":" + lb);
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(S::tri_confirm))) confirm(row.code_id, row.path, la, lb);
        remember("override:pair:confirm:" + la + ":" + lb);
      }
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(S::tri_override))) start_override(row, static_cast<int>(k));
    remember("override:pair:" + la + ":" + lb);
    if (p.override) {
      ImGui::SameLine();
      if (ImGui::SmallButton(tr(S::tri_override_remove))) {
        if (ws_.write(
                [&](store::Project& p) { analysis::clear_override(p, row.code_id, m.columns.dimension, la, lb); }))
          ws_.set_undoable_status(tr(S::tri_removed_override) + row.path + " " + la + "\xE2\x80\x93" + lb);
      }
      ImGui::SameLine();
      ImGui::TextDisabled("%s%s", tr(S::tri_memo_label), p.override->memo.c_str());
    }
    ImGui::PopID();
  }

  // The rating: the researcher's, else the suggestion with its reason.
  const auto& evals = model_.evaluation().indicators;
  if (static_cast<size_t>(ri) < evals.size()) {
    const auto& ev = evals[static_cast<size_t>(ri)];
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s: %s (%s)", tr(S::tri_rating), rating_text(ev.rating()),
                ev.recorded ? tr(S::tri_rating_recorded) : tr(S::tri_suggested));
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(S::tri_rating_set))) {
      rating_ = {};
      rating_.open = rating_.focus = true;
      rating_.code = row.code_id;
      rating_.indicator = row.path;
      const Rating cur = ev.rating();
      for (int i = 0; i < 4; ++i)
        if (kRatings[i] == cur) rating_.rating = i;
      if (ev.recorded) {
        rating_.justification = ev.recorded->justification;
        cited_.insert(ev.recorded->evidence.begin(), ev.recorded->evidence.end());
      }
    }
    remember("rating:set");
    if (ev.recorded && ev.stale) {  // the suggestion under the rating moved since it was recorded
      ImGui::SameLine();
      stale_badge(ev.recorded->automatic, rating_text(ev.suggested.rating));
      ImGui::SameLine();
      if (ImGui::SmallButton((std::string(tr(S::tri_confirm)) + "##rating").c_str()) &&
          ws_.write([&](store::Project& p) { analysis::confirm_evaluation(p, row.code_id); }))
        ws_.set_undoable_status(tr(S::tri_confirmed_rating) + row.path);
      remember("rating:confirm");
    }
    if (ev.recorded) {
      ImGui::SameLine();
      if (ImGui::SmallButton(tr(S::tri_rating_remove))) {
        if (ws_.write([&](store::Project& p) { analysis::clear_evaluation(p, row.code_id); }))
          ws_.set_undoable_status(tr(S::tri_removed_rating) + row.path);
      }
      remember("rating:remove");
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%s", ev.recorded ? ev.recorded->justification.c_str() : ev.suggested.reason.c_str());
    if (!ev.impediments.empty()) {
      char buf[160];
      std::snprintf(buf, sizeof buf, tr(S::tri_impediments_fmt), static_cast<int>(ev.impediments.size()));
      if (ImGui::TreeNode("##imp", "%s", buf)) {
        const auto& items = model_.evaluation().impediments;
        const float w = ImGui::GetContentRegionAvail().x;
        for (size_t k : ev.impediments) {
          if (k >= items.size()) continue;
          const EvidenceItem e = model_.item(*ws_.project(), items[k].row, -1);
          draw_quote(e, w, "impediment:" + std::to_string(k), false);
        }
        ImGui::TreePop();
      }
    }
  }
  draw_impediments_of(row);
  draw_link_counts();
  draw_compare_links_list();
  ImGui::Separator();

  // The columns side by side: each source type's quotes, in its stance colours.
  const int ncol = static_cast<int>(compare_.size());
  if (ncol == 0) return;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float avail = ImGui::GetContentRegionAvail().x;
  const float col_w = std::max((avail - spacing * static_cast<float>(ncol - 1)) / static_cast<float>(ncol), fs * 14);
  const float h = ImGui::GetContentRegionAvail().y;
  ImGui::BeginChild("##tri_compare", ImVec2(0, h), false, ImGuiWindowFlags_HorizontalScrollbar);
  const ImRect compare_area(ImGui::GetWindowPos(), ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x,
                                                          ImGui::GetWindowPos().y + ImGui::GetWindowSize().y));
  for (int c = 0; c < ncol; ++c) {
    if (c > 0) ImGui::SameLine();
    const analysis::Cell& cell = row.cells[static_cast<size_t>(c)];
    ImGui::BeginChild(ImGui::GetID(("##col" + std::to_string(c)).c_str()),
                      ImVec2(col_w, ImGui::GetContentRegionAvail().y), true);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const ImU32 net = cell.net() > 0   ? stance_colour(store::Stance::supports)
                      : cell.net() < 0 ? stance_colour(store::Stance::contradicts)
                                       : stance_colour(store::Stance::neutral);
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(top.x, top.y), ImVec2(top.x + col_w, top.y + fs * 0.2f),
                                              cell.has_evidence() ? net : ImGui::GetColorU32(ImGuiCol_Border));
    ImGui::Dummy(ImVec2(0, fs * 0.2f));
    ImGui::TextUnformatted(column_label(c).c_str());
    ImGui::SameLine();
    ImGui::TextDisabled(tr(S::tri_column_fmt), static_cast<long long>(cell.codings),
                        static_cast<long long>(cell.documents), net_symbol(cell));
    remember("column:" + std::to_string(c));
    const auto& quotes = compare_[static_cast<size_t>(c)];
    if (quotes.empty()) ImGui::TextDisabled("%s", tr(S::tri_no_quotes));
    const float w = ImGui::GetContentRegionAvail().x;
    for (size_t i = 0; i < quotes.size(); ++i)
      draw_quote(quotes[i], w, "quote:" + std::to_string(c) + ":" + std::to_string(i), true);
    ImGui::EndChild();
  }
  draw_compare_link_lines(compare_area);
  ImGui::EndChild();
}

void TriangulationView::start_override(const analysis::Row& row, int pair) {
  const auto& m = model_.matrix();
  override_ = {};
  override_.open = override_.focus = true;
  override_.code = row.code_id;
  override_.indicator = row.path;
  if (pair < 0) {
    override_.computed = status_text(row.automatic);
    for (int i = 0; i < 5; ++i)
      if (kStatuses[i] == row.effective) override_.label = i;
    if (row.status_override) override_.memo = row.status_override->memo;
  } else {
    const auto& p = row.pairs[static_cast<size_t>(pair)];
    override_.column_a = m.columns.labels[static_cast<size_t>(p.a)];
    override_.column_b = m.columns.labels[static_cast<size_t>(p.b)];
    override_.computed = convergence_text(p.automatic);
    for (int i = 0; i < 4; ++i)
      if (kLabels[i] == p.effective) override_.label = i;
    if (p.override) override_.memo = p.override->memo;
  }
}

void TriangulationView::draw_override_editor() {
  const char* id = "##tri_override";
  if (override_.open && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
  if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
    override_.open = false;
    return;
  }
  const float fs = ImGui::GetFontSize();
  OverrideDraft& d = override_;
  const bool status = d.column_a.empty();
  const auto& m = model_.matrix();
  const auto label_of = [&](const std::string& c) { return m.columns.dimension == "type" ? source_type_label(c) : c; };
  ImGui::TextUnformatted(tr(S::tri_override_title));
  ImGui::TextUnformatted(
      (status ? format(tr(S::tri_override_status_of), d.indicator)
              : format(tr(S::tri_override_pair_of), d.indicator, label_of(d.column_a), label_of(d.column_b)))
          .c_str());
  ImGui::TextDisabled("%s%s", tr(S::tri_computed), d.computed.c_str());
  ImGui::SetNextItemWidth(fs * 14);
  const char* preview = status ? status_text(kStatuses[d.label]) : convergence_text(kLabels[d.label]);
  const bool label_open = ImGui::BeginCombo(tr(S::tri_new_label), preview);
  remember("override:label");
  if (label_open) {
    const int n = status ? 5 : 4;
    for (int i = 0; i < n; ++i) {
      if (ImGui::Selectable(status ? status_text(kStatuses[i]) : convergence_text(kLabels[i]), i == d.label))
        d.label = i;
      remember("override:label:" + std::to_string(i));
    }
    ImGui::EndCombo();
  }
  ImGui::TextUnformatted(tr(S::tri_memo));
  if (d.focus) {
    ImGui::SetKeyboardFocusHere();
    d.focus = false;
  }
  widgets::input_text_multiline("##memo", &d.memo, ImVec2(fs * 30, fs * 5));
  remember("override:memo");
  if (d.memo_missing) ImGui::TextColored(ImVec4(0.85f, 0.25f, 0.2f, 1), "%s", tr(S::tri_memo_required));
  if (ImGui::Button(tr(S::tri_save))) {
    if (d.memo.find_first_not_of(" \t\n") == std::string::npos) {
      d.memo_missing = true;
    } else {
      const std::string label =
          status ? analysis::to_string(kStatuses[d.label]) : analysis::to_string(kLabels[d.label]);
      const bool ok = ws_.write([&](store::Project& p) {
        analysis::set_override(p, model_.table(), d.code, m.columns.dimension, d.column_a, d.column_b, label, d.memo);
      });
      if (ok) {
        // In the user's words: column labels and the label as the view shows it, not the stored keys.
        ws_.set_undoable_status(
            tr(S::tri_saved_override) + d.indicator +
            (status ? std::string() : " " + label_of(d.column_a) + " \xE2\x80\x93 " + label_of(d.column_b)) + " = " +
            (status ? status_text(kStatuses[d.label]) : convergence_text(kLabels[d.label])));
        d.open = false;
        ImGui::CloseCurrentPopup();
      }
    }
  }
  remember("override:save");
  ImGui::SameLine();
  if (ImGui::Button(tr(S::tri_cancel))) {
    d.open = false;
    ImGui::CloseCurrentPopup();
  }
  remember("override:cancel");
  ImGui::EndPopup();
}

// Under the justification: a summary cell of the indicator cited by a pick
// (its marker [S#ID] added to the text), and each marker in the text with the
// cell it names, or red when that cell is gone (a broken citation).
void TriangulationView::draw_rating_summaries(RatingDraft& d) {
  if (!d.cells_loaded) {
    d.cells_loaded = true;
    ws_.act([&] {
      for (const auto& s : store::summaries(*ws_.project())) {
        const std::string col = s.case_id ? std::string(tr(S::tri_case)) + " " + s.column : source_type_label(s.column);
        d.cell_label[s.id] = col + ": " + text::one_line(s.text, 60, "\xE2\x80\xA6");
        if (s.code == d.code) d.own_cells.push_back(s.id);
      }
    });
  }
  const float fs = ImGui::GetFontSize();
  ImGui::SetNextItemWidth(fs * 30);
  ImGui::BeginDisabled(d.own_cells.empty());
  const bool open =
      ImGui::BeginCombo("##cite_summary", tr(d.own_cells.empty() ? S::tri_no_summary : S::tri_cite_summary));
  remember("rating:cite_summary");
  if (open) {
    for (store::Id id : d.own_cells) {
      const std::string marker = store::summary_marker(id);
      if (ImGui::Selectable((marker + " " + d.cell_label[id] + "##s" + std::to_string(id)).c_str()) &&
          d.justification.find(marker) == std::string::npos)
        d.justification += (d.justification.empty() || d.justification.back() == ' ' ? "" : " ") + marker;
      remember("rating:cite_summary:" + std::to_string(id));
    }
    ImGui::EndCombo();
  }
  ImGui::EndDisabled();
  for (store::Id id : store::summary_markers(d.justification)) {
    const std::string marker = store::summary_marker(id);
    auto it = d.cell_label.find(id);
    if (it != d.cell_label.end())
      ImGui::TextDisabled("%s %s", marker.c_str(), it->second.c_str());
    else
      ImGui::TextColored(ImVec4(0.85f, 0.25f, 0.2f, 1), "%s %s", marker.c_str(), tr(S::tri_broken_summary));
  }
}

void TriangulationView::draw_rating_editor() {
  const char* id = "##tri_rating";
  if (rating_.open && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
  if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
    rating_.open = false;
    return;
  }
  const float fs = ImGui::GetFontSize();
  RatingDraft& d = rating_;
  ImGui::TextUnformatted(tr(S::tri_rating));
  ImGui::TextUnformatted(d.indicator.c_str());
  ImGui::SetNextItemWidth(fs * 14);
  const bool rating_open = ImGui::BeginCombo("##rating", rating_text(kRatings[d.rating]));
  remember("rating:combo");
  if (rating_open) {
    for (int i = 0; i < 4; ++i) {
      if (ImGui::Selectable(rating_text(kRatings[i]), i == d.rating)) d.rating = i;
      remember("rating:combo:" + std::to_string(i));
    }
    ImGui::EndCombo();
  }
  ImGui::TextUnformatted(tr(S::tri_justification));
  if (d.focus) {
    ImGui::SetKeyboardFocusHere();
    d.focus = false;
  }
  widgets::input_text_multiline("##justification", &d.justification, ImVec2(fs * 30, fs * 5));
  remember("rating:justification");
  draw_rating_summaries(d);
  ImGui::TextDisabled(tr(cited_.size() == 1 ? S::tri_cited_fmt_one : S::tri_cited_fmt),
                      static_cast<int>(cited_.size()));
  if (ImGui::Button(tr(S::tri_save))) {
    const std::vector<store::Id> cited(cited_.begin(), cited_.end());
    if (ws_.write([&](store::Project& p) {
          analysis::set_evaluation(p, d.code, kRatings[d.rating], d.justification, cited);
        })) {
      ws_.set_undoable_status(tr(S::tri_saved_rating) + d.indicator + " = " + rating_text(kRatings[d.rating]));
      d.open = false;
      ImGui::CloseCurrentPopup();
    }
  }
  remember("rating:save");
  ImGui::SameLine();
  if (ImGui::Button(tr(S::tri_cancel))) {
    d.open = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace telaah::ui
