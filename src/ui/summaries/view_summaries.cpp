// The summary grid (see view_summaries.h).
#include "ui/summaries/view_summaries.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>

#include "store/judgement.h"
#include "ui/shell/app.h"
#include "ui/shell/shortcuts.h"
#include "ui/shell/strings.h"
#include "ui/triangulation/view_triangulation.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

namespace {

// Byte offset of the n-th code point of `s` (its size when past the end).
size_t byte_of_cp(const std::string& s, size_t n) {
  size_t i = 0;
  while (i < s.size() && n > 0) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    --n;
  }
  return i;
}

const ImU32 kBroken = IM_COL32(200, 62, 77, 255);

}  // namespace

SummariesView::SummariesView(Workspace& ws) : ws_(ws) {}

SummariesView& SummariesView::of(App& app) {
  return dynamic_cast<SummariesView&>(*app.view(View::summaries));
}

void SummariesView::project_changed() {
  model_.reset();
  by_case_ = false;
  sel_row_ = sel_col_ = -1;
  draft_ = {};
  quotes_.clear();
  chosen_ = 0;
  editor_active_ = false;
  pending_typed_.clear();
  rects_.clear();
}

std::optional<ImRect> SummariesView::item_rect(const std::string& key) const {
  auto it = rects_.find(key);
  if (it == rects_.end()) return std::nullopt;
  return it->second;
}

std::string SummariesView::column_name(int col) const {
  const auto& g = model_.grid();
  if (col < 0) return "";
  if (by_case_) return static_cast<size_t>(col) < g.cases.size() ? g.cases[static_cast<size_t>(col)].name : "";
  return static_cast<size_t>(col) < g.types.size() ? g.types[static_cast<size_t>(col)] : "";
}

void SummariesView::set_by_case(bool on) {
  if (on == by_case_) return;
  save_drafts();
  by_case_ = on;
  sel_row_ = sel_col_ = -1;
  draft_ = {};
  quotes_.clear();
}

void SummariesView::select(int row, int column) {
  if (row == sel_row_ && column == sel_col_) return;
  save_drafts();  // the cell left keeps what was typed in it
  sel_row_ = row;
  sel_col_ = column;
  quotes_.clear();
  chosen_ = 0;
  load_draft();
  focus_editor_ = true;
}

void SummariesView::load_draft() {
  const auto& g = model_.grid();
  draft_ = {};
  if (sel_row_ < 0 || static_cast<size_t>(sel_row_) >= g.rows.size()) return;
  const auto& cells = by_case_ ? g.by_case : g.by_type;
  const auto& row = cells[static_cast<size_t>(sel_row_)];
  if (sel_col_ < 0 || static_cast<size_t>(sel_col_) >= row.size()) return;
  draft_.open = true;
  draft_.code = g.rows[static_cast<size_t>(sel_row_)].code;
  draft_.by_case = by_case_;
  draft_.column = column_name(sel_col_);
  draft_.indicator = g.rows[static_cast<size_t>(sel_row_)].path;
  draft_.text = draft_.original = row[static_cast<size_t>(sel_col_)].text;
  draft_.synced = g.revision;
}

bool SummariesView::has_unsaved_draft() const {
  return draft_.open && draft_.text != draft_.original;
}

bool SummariesView::save_draft() {
  if (!draft_.open) return false;
  const Draft d = draft_;
  const std::string cell = d.indicator + " \xC3\x97 " + (d.by_case ? d.column : source_type_label(d.column));
  const bool ok = ws_.write(
      [&](store::Project& p) { store::set_summary(p, d.code, d.by_case ? "case" : "type", d.column, d.text); },
      std::string(tr(d.text.empty() ? S::sum_cleared : S::sum_saved)) + cell);
  if (ok) draft_.original = d.text;
  return ok;
}

// View switch, quit, close, another cell: what was typed is saved as Save would (one undoable action).
void SummariesView::save_drafts() {
  if (!ws_.has_project() || !has_unsaved_draft()) return;
  save_draft();
}

void SummariesView::cite(size_t i, bool typing) {
  if (i >= quotes_.size() || !draft_.open) return;
  const std::string marker = "[#" + std::to_string(quotes_[i].coding) + "]";
  chosen_ = static_cast<int>(i);
  if (typing) {  // the box has the keyboard: typed at its caret next frame
    pending_typed_ += marker;
    return;
  }
  // A click took the keyboard from the box: at the caret it had (the end when it never had it).
  size_t at = std::min(draft_.caret, draft_.text.size());
  std::string ins = marker;
  if (at > 0 && draft_.text[at - 1] != ' ' && draft_.text[at - 1] != '\n') ins = " " + ins;
  draft_.text.insert(at, ins);
  draft_.caret = at + ins.size();
}

void SummariesView::shortcuts() {
  if (quotes_.empty()) return;
  if (pressed(Command::next_quote)) chosen_ = std::min(chosen_ + 1, static_cast<int>(quotes_.size()) - 1);
  if (pressed(Command::previous_quote)) chosen_ = std::max(chosen_ - 1, 0);
  if (pressed(Command::cite_quote)) cite(static_cast<size_t>(chosen_), false);
}

void SummariesView::draw() {
  rects_.clear();
  if (!ws_.has_project()) return;
  bool fresh = false;
  ws_.act([&] { fresh = model_.update(ws_); });
  if (!model_.ready()) {
    const auto [fraction, message] = model_.progress(ws_);
    draw_placeholder(tr(S::computing_table), fraction, message);
    return;
  }
  const auto& g = model_.grid();
  // A new grid (an action, undo or redo): a draft with nothing typed follows the project.
  if (fresh || draft_.synced != g.revision) {
    if (sel_row_ >= static_cast<int>(g.rows.size())) sel_row_ = sel_col_ = -1;
    if (draft_.open) {
      const int r = model_.row_of(draft_.code);
      const auto& cells = draft_.by_case ? g.by_case : g.by_type;
      std::string stored;
      if (r >= 0 && sel_col_ >= 0 && static_cast<size_t>(sel_col_) < cells[static_cast<size_t>(r)].size())
        stored = cells[static_cast<size_t>(r)][static_cast<size_t>(sel_col_)].text;
      if (draft_.text == draft_.original) draft_.text = stored;
      draft_.original = stored;
      draft_.synced = g.revision;
    }
  }
  const float fs = ImGui::GetFontSize();
  // The toggle: columns by source type or by case.
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(S::sum_columns));
  ImGui::SameLine();
  if (ImGui::RadioButton(tr(S::sum_by_type), !by_case_)) set_by_case(false);
  remember("toggle:type");
  ImGui::SameLine();
  if (ImGui::RadioButton(tr(S::sum_by_case), by_case_)) set_by_case(true);
  remember("toggle:case");
  if (model_.pending()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr(S::computing_table));
  }
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float detail_w = std::clamp(avail.x * 0.42f, std::min(fs * 18, avail.x * 0.5f), fs * 34);
  const float grid_w = avail.x - detail_w - ImGui::GetStyle().ItemSpacing.x;
  draw_grid(grid_w, avail.y);
  ImGui::SameLine();
  draw_detail(detail_w, avail.y);
}

void SummariesView::draw_grid(float width, float height) {
  const auto& g = model_.grid();
  const float fs = ImGui::GetFontSize();
  widgets::begin_pane("##sum_grid", ImVec2(width, height), false);
  if (g.rows.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr(S::sum_no_rows));
    ImGui::PopTextWrapPos();
    widgets::end_pane();
    return;
  }
  const size_t ncol = by_case_ ? g.cases.size() : g.types.size();
  if (ncol == 0) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr(by_case_ ? S::sum_no_cases : S::sum_no_rows));
    ImGui::PopTextWrapPos();
    widgets::end_pane();
    return;
  }
  const auto& cells = by_case_ ? g.by_case : g.by_type;
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInner |
                                ImGuiTableFlags_BordersOuter | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
  const float name_w = std::min(fs * 14, width * 0.4f), cell_w = fs * 10;
  if (ImGui::BeginTable("##sum_table", static_cast<int>(ncol) + 1, flags, ImVec2(width, height))) {
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(tr(S::sum_indicator), ImGuiTableColumnFlags_WidthFixed, name_w);
    for (size_t c = 0; c < ncol; ++c) {
      const std::string label =
          (by_case_ ? g.cases[c].name : source_type_label(g.types[c])) + "##col" + std::to_string(c);
      ImGui::TableSetupColumn(label.c_str(), ImGuiTableColumnFlags_WidthFixed, cell_w);
    }
    ImGui::TableHeadersRow();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled), text = ImGui::GetColorU32(ImGuiCol_Text);
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(g.rows.size()));
    while (clip.Step()) {
      for (int r = clip.DisplayStart; r < clip.DisplayEnd; ++r) {
        const SumRow& row = g.rows[static_cast<size_t>(r)];
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::PushID(r);
        const auto slash = row.path.rfind('/');
        const std::string name = slash == std::string::npos ? row.path : row.path.substr(slash + 1);
        if (row.subcode) ImGui::Indent(fs);
        ImGui::TextUnformatted(
            widgets::ellipsize(row.subcode ? "\xE2\x80\x93 " + name : name, name_w - (row.subcode ? fs : 0)).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", row.path.c_str());
        if (row.subcode) ImGui::Unindent(fs);
        for (size_t c = 0; c < ncol; ++c) {
          ImGui::TableSetColumnIndex(static_cast<int>(c) + 1);
          const SumCell& cell = cells[static_cast<size_t>(r)][c];
          ImGui::PushID(static_cast<int>(c));
          const bool selected = r == sel_row_ && static_cast<int>(c) == sel_col_;
          const ImVec2 at = ImGui::GetCursorScreenPos();
          if (ImGui::Selectable("##cell", selected, 0, ImVec2(cell_w, 0))) select(r, static_cast<int>(c));
          remember("cell:" + std::to_string(r) + ":" + std::to_string(c));
          if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::Text(tr(S::sum_cell_tip), static_cast<long long>(cell.evidence));
            if (cell.broken) {
              ImGui::PushStyleColor(ImGuiCol_Text, kBroken);
              ImGui::TextUnformatted(tr(S::sum_broken_tip));
              ImGui::PopStyleColor();
            }
            ImGui::EndTooltip();
          }
          // "(12)" evidence, then the start of the summary; a red count of broken citations at the end.
          const std::string count = "(" + std::to_string(cell.evidence) + ")";
          float x = at.x;
          dl->AddText(ImVec2(x, at.y), muted, count.c_str());
          x += ImGui::CalcTextSize(count.c_str()).x + fs * 0.3f;
          std::string broken;
          if (cell.broken) {
            char buf[64];
            std::snprintf(buf, sizeof buf, tr(S::sum_broken_fmt), cell.broken);
            broken = std::string("\xE2\x9A\xA0 ") + buf;
          }
          const float broken_w = broken.empty() ? 0 : ImGui::CalcTextSize(broken.c_str()).x + fs * 0.3f;
          std::string start = cell.text;
          std::replace(start.begin(), start.end(), '\n', ' ');
          start = widgets::ellipsize(start, at.x + cell_w - x - broken_w);
          dl->AddText(ImVec2(x, at.y), text, start.c_str());
          if (!broken.empty()) dl->AddText(ImVec2(at.x + cell_w - broken_w + fs * 0.3f, at.y), kBroken, broken.c_str());
          ImGui::PopID();
        }
        ImGui::PopID();
      }
    }
    ImGui::EndTable();
  }
  widgets::end_pane();
}

void SummariesView::draw_detail(float width, float height) {
  const auto& g = model_.grid();
  const float fs = ImGui::GetFontSize();
  widgets::begin_pane("##sum_detail", ImVec2(width, height), true);
  if (!draft_.open) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr(S::sum_pick_cell));
    ImGui::PopTextWrapPos();
    widgets::end_pane();
    return;
  }
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(draft_.indicator.c_str());
  ImGui::TextDisabled("%s", (draft_.by_case ? draft_.column : source_type_label(draft_.column)).c_str());
  ImGui::PopTextWrapPos();
  ImGui::Separator();
  ImGui::TextUnformatted(tr(S::sum_summary));
  if (has_unsaved_draft()) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.85f, 0.55f, 0.1f, 1), "%s", tr(S::sum_unsaved));
  }
  // The editor; a citation by keyboard is typed into it at its caret.
  const ImGuiID editor_id = ImGui::GetID("##summary");
  // (once Ctrl is up: the box ignores characters typed with Ctrl held)
  if (editor_active_ && !pending_typed_.empty() && !ImGui::GetIO().KeyCtrl) {
    ImGui::GetIO().AddInputCharactersUTF8(pending_typed_.c_str());
    pending_typed_.clear();
  }
  if (editor_active_ && !quotes_.empty()) {  // the box has the keyboard: the grid's keys work from it too
    if (pressed(Command::next_quote)) chosen_ = std::min(chosen_ + 1, static_cast<int>(quotes_.size()) - 1);
    if (pressed(Command::previous_quote)) chosen_ = std::max(chosen_ - 1, 0);
    if (pressed(Command::cite_quote)) cite(static_cast<size_t>(chosen_), true);
  }
  if (focus_editor_) {
    ImGui::SetKeyboardFocusHere();
    focus_editor_ = false;
  }
  widgets::input_text_multiline("##summary", &draft_.text, ImVec2(-1, std::max(fs * 6, height * 0.3f)));
  remember("editor");
  editor_active_ = ImGui::IsItemActive();
  if (ImGuiInputTextState* st = ImGui::GetInputTextState(editor_id))
    if (editor_active_) draft_.caret = byte_of_cp(draft_.text, static_cast<size_t>(st->GetCursorPos()));
  if (ImGui::Button(tr(S::sum_save))) save_draft();
  remember("save");
  ImGui::SameLine();
  ImGui::BeginDisabled(!has_unsaved_draft());
  if (ImGui::Button(tr(S::sum_revert))) draft_.text = draft_.original;
  remember("revert");
  ImGui::EndDisabled();
  ImGui::SameLine();
  {
    char hint[160];
    std::snprintf(hint, sizeof hint, tr(S::sum_editor_hint), shortcut_text(Command::cite_quote).c_str());
    ImGui::TextDisabled("%s", hint);
  }
  // The stored cell's citations, broken ones in red.
  const int r = model_.row_of(draft_.code);
  if (r >= 0 && sel_col_ >= 0) {
    const auto& cells = draft_.by_case ? g.by_case : g.by_type;
    const auto& row = cells[static_cast<size_t>(r)];
    if (static_cast<size_t>(sel_col_) < row.size() && row[static_cast<size_t>(sel_col_)].broken) {
      ImGui::PushStyleColor(ImGuiCol_Text, kBroken);
      char buf[64];
      std::snprintf(buf, sizeof buf, tr(S::sum_broken_fmt), row[static_cast<size_t>(sel_col_)].broken);
      ImGui::TextWrapped("\xE2\x9A\xA0 %s \xE2\x80\x94 %s", buf, tr(S::sum_broken_tip));
      ImGui::PopStyleColor();
    }
  }
  ImGui::Separator();
  // The cell's codings, each with Cite.
  ImGui::TextUnformatted(tr(S::sum_quotes));
  if (sel_row_ >= 0) {
    std::optional<std::vector<SumQuote>> q;
    ws_.act([&] { q = model_.quotes(ws_, sel_row_, sel_col_, by_case_); });
    if (q) quotes_ = std::move(*q);
  }
  ImGui::BeginChild("##sum_quotes", ImVec2(0, 0), false);
  if (quotes_.empty()) ImGui::TextDisabled("%s", tr(S::sum_no_quotes));
  chosen_ = std::clamp(chosen_, 0, std::max(0, static_cast<int>(quotes_.size()) - 1));
  // Quotes wrap to different heights (no clipper): a cell's first kMaxQuotes are listed.
  constexpr int kMaxQuotes = 300;
  const int shown = std::min(static_cast<int>(quotes_.size()), kMaxQuotes);
  for (int i = 0; i < shown; ++i) {
    const SumQuote& q = quotes_[static_cast<size_t>(i)];
    ImGui::PushID(i);
    if (ImGui::SmallButton(tr(S::sum_cite))) cite(static_cast<size_t>(i), false);
    remember("cite:" + std::to_string(i));
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(tr(S::sum_cite_tip), static_cast<long long>(q.coding),
                        shortcut_text(Command::cite_quote).c_str());
    ImGui::SameLine();
    const std::string head = "#" + std::to_string(q.coding) + " \xC2\xB7 " + q.citation +
                             (q.code.empty() ? "" : " \xC2\xB7 " + q.code) + " \xC2\xB7 " + q.coder;
    ImGui::PushStyleColor(ImGuiCol_Text, stance_colour(q.stance));
    if (ImGui::Selectable(head.c_str(), i == chosen_)) chosen_ = i;
    ImGui::PopStyleColor();
    remember("quote:" + std::to_string(i));
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(q.quote.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::PopID();
  }
  if (shown < static_cast<int>(quotes_.size()))
    ImGui::TextDisabled("\xE2\x80\xA6 +%d", static_cast<int>(quotes_.size()) - shown);
  ImGui::EndChild();
  widgets::end_pane();
}

}  // namespace telaah::ui
