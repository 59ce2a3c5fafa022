// The coding view: the four panes' layout and the keys the view owns.
#include "ui/coding/view_coding.h"

#include <algorithm>
#include <cmath>

#include "ui/shell/strings.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

PaneWidths fit_panes(float width, float left, float right, float bar, float min_pane, float min_centre) {
  // The side panes give way (in proportion) before the document drops below
  // min_centre; below min_pane each they stop, and only then the document
  // shrinks further. Nothing here changes what the user chose.
  left = std::max(left, min_pane);
  right = std::max(right, min_pane);
  const float sides = std::max(0.0f, width - 2 * bar - min_centre);
  if (left + right > sides && left + right > 0) {
    const float k = sides / (left + right);
    left = std::max(min_pane, left * k);
    right = std::max(min_pane, right * k);
  }
  // A tiny window: three equal shares, each at least a sliver.
  const float rest = width - 2 * bar - left - right;
  if (rest < 40.0f) {
    const float share = std::max(20.0f, (width - 2 * bar) / 3.0f);
    left = right = share;
  }
  const float centre = std::max(20.0f, width - 2 * bar - left - right);
  return {left, centre, right};
}

void CodingView::project_changed() {
  code_rows_.clear();
  draft_ = CodeDraft{};
  memo_draft_.clear();
  memo_draft_for_ = 0;
  quick_open_ = memo_open_ = confirm_delete_code_ = false;
  memo_coding_ = 0;
}

std::optional<ImRect> CodingView::code_row_rect(store::Id code) const {
  auto it = code_rows_.find(code);
  if (it == code_rows_.end()) return std::nullopt;
  return it->second;
}

void CodingView::draw() {
  ProjectUiState& state = ws_.state();
  const float dpi = ws_.look().dpi;
  const float height = ImGui::GetContentRegionAvail().y;
  const float W = ImGui::GetContentRegionAvail().x;
  const float bar = std::round(6.0f * dpi);
  const float min_pane = 140.0f * dpi, min_centre = 320.0f * dpi;
  const PaneWidths fit = fit_panes(W, state.left_w * dpi, state.right_w * dpi, bar, min_pane, min_centre);
  float left = fit.left, centre = fit.centre, right = fit.right;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  ImGui::BeginChild("##browser", ImVec2(left, height), true);
  ImGui::PopStyleVar();
  draw_browser();
  ImGui::EndChild();
  ImGui::SameLine(0, 0);
  // Only a dragged splitter changes the remembered widths: a small window
  // squeezes the panes for now, and the user's layout comes back with the space.
  const float max_left = std::max(left, W - right - 2 * bar - min_centre);
  if (widgets::splitter("##split_left", true, bar, &left, std::min(min_pane, left), max_left, height)) {
    state.left_w = left / dpi;
    centre = std::max(20.0f, W - left - right - 2 * bar);
  }
  ImGui::SameLine(0, 0);
  ImGui::BeginChild("##document", ImVec2(centre, height), true,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  draw_document();
  ImGui::EndChild();
  ImGui::SameLine(0, 0);
  const float max_centre = std::max(centre, W - left - 2 * bar - min_pane);
  if (widgets::splitter("##split_right", true, bar, &centre, std::min(min_centre, centre), max_centre, height)) {
    right = std::max(20.0f, W - left - centre - 2 * bar);
    state.right_w = right / dpi;
  }
  ImGui::SameLine(0, 0);
  ImGui::BeginChild("##right", ImVec2(right, height), false);
  float cb = std::clamp(state.codebook_frac, 0.15f, 0.85f) * height;
  ImGui::BeginChild("##codebook", ImVec2(right, cb), true);
  draw_codebook();
  ImGui::EndChild();
  widgets::splitter("##split_inspector", false, bar, &cb, height * 0.15f, height * 0.85f, right);
  ImGui::BeginChild("##inspector", ImVec2(right, 0), true);
  draw_inspector();
  ImGui::EndChild();
  ImGui::EndChild();
  state.codebook_frac = cb / std::max(1.0f, height);
  draw_popups();
  if (ws_.selected_code() != last_code_) ws_.keep_drawing();  // the code editor comes up: let it settle
  last_code_ = ws_.selected_code();
}

std::optional<store::Id> CodingView::visible_selected_coding() const {
  const auto sel = ws_.doc_view().selected_coding();
  if (!sel || !ws_.doc() || !ws_.doc()->coding(*sel)) return std::nullopt;  // not in the document shown
  return sel;
}

void CodingView::edit_memo(store::Id coding) {
  memo_coding_ = coding;
  memo_open_ = true;
}

// The view's keys: the shell calls this only while the view is shown, no
// popup is open and no text field has the keyboard. Each acts on the
// selection the document shows (highlighted, and in the inspector).
void CodingView::shortcuts() {
  ImGuiIO& io = ImGui::GetIO();
  const DocumentView& dv = ws_.doc_view();
  const auto sel_coding = visible_selected_coding();
  const bool has_text = ws_.doc() && dv.has_selection();
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Delete), false) && sel_coding && !io.KeyCtrl && !io.KeyAlt)
    ws_.remove_coding(*sel_coding);
  if (io.KeyCtrl || io.KeyAlt) return;
  for (ImWchar c : io.InputQueueCharacters) {
    if (c >= '1' && c <= '9') {
      const size_t n = static_cast<size_t>(c - '1');
      if (n < ws_.state().pinned.size()) ws_.code_selection(ws_.state().pinned[n]);
    } else if ((c == '+' || c == '=') && sel_coding) {
      ws_.set_stance(*sel_coding, store::Stance::supports);
    } else if ((c == '-' || c == 0x2212) && sel_coding) {
      ws_.set_stance(*sel_coding, store::Stance::contradicts);
    } else if (c == '0' && sel_coding) {
      ws_.set_stance(*sel_coding, store::Stance::neutral);
    } else if ((c == 'q' || c == 'Q') && has_text) {
      quick_open_ = true;
    } else if ((c == 'i' || c == 'I') && has_text) {
      ws_.code_in_vivo();
    } else if ((c == 'm' || c == 'M') && sel_coding) {
      edit_memo(*sel_coding);
    }
  }
}

}  // namespace telaah::ui
