// The coding view: the four panes' layout and the keys the view owns.
#include "ui/coding/view_coding.h"

#include <algorithm>
#include <cmath>

#include "ui/shell/shortcuts.h"
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
  memo_editing_ = false;  // the App saved it before the project changed
  code_rows_.clear();
  draft_ = CodeDraft{};
  memo_draft_.clear();
  memo_draft_for_ = 0;
  quick_open_ = memo_open_ = confirm_delete_code_ = false;
  memo_popup_shown_ = false;
  memo_coding_ = 0;
  link_picker_.project_changed();
  links_.clear();
  links_rev_ = -1;
  links_for_ = 0;
  link_memo_for_ = 0;
  link_memo_editing_ = false;
  link_focused_ = false;
  imp_rev_ = -1;
  imp_codes_.clear();
  attachments_.clear();
  hinders_open_ = false;
  merge_from_ = merge_into_ = memo_code_ = 0;
  merge_open_ = code_memo_open_ = focus_code_name_ = false;
}

std::optional<ImRect> CodingView::item_rect(const std::string& key) const {
  auto it = rects_.find(key);
  if (it == rects_.end()) return std::nullopt;
  return it->second;
}

std::optional<ImRect> CodingView::code_row_rect(store::Id code) const {
  auto it = code_rows_.find(code);
  if (it == code_rows_.end()) return std::nullopt;
  return it->second;
}

void CodingView::save_drafts() {
  save_code_draft();
  save_link_memo();
  // The memo popup (M): what is in its box is saved as its Save button would; the popup stays open.
  if (memo_popup_shown_ && memo_coding_ != 0) {
    const store::Coding* c = ws_.doc() ? ws_.doc()->coding(memo_coding_) : nullptr;
    if (c && c->memo != memo_popup_draft_) ws_.set_memo(memo_coding_, memo_popup_draft_);
  }
  if (memo_editing_ && memo_draft_for_ != 0) {
    memo_editing_ = false;  // first: the write reloads the document
    bool changed = true;
    if (const store::Coding* c = ws_.doc() ? ws_.doc()->coding(memo_draft_for_) : nullptr)
      changed = c->memo != memo_draft_;
    if (changed) ws_.set_memo(memo_draft_for_, memo_draft_);
  }
  memo_editing_ = false;
}

bool CodingView::has_unsaved_draft() const {
  if (code_draft_dirty()) return true;
  if (link_memo_editing_ && link_memo_for_ != 0)
    for (const LinkRow& r : links_)
      if (r.link.id == link_memo_for_ && r.link.memo != link_memo_draft_) return true;
  if (memo_popup_shown_ && memo_coding_ != 0) {
    const store::Coding* c = ws_.doc() ? ws_.doc()->coding(memo_coding_) : nullptr;
    if (c && c->memo != memo_popup_draft_) return true;
  }
  if (!memo_editing_ || memo_draft_for_ == 0) return false;
  const store::Coding* c = ws_.doc() ? ws_.doc()->coding(memo_draft_for_) : nullptr;
  return !c || c->memo != memo_draft_;
}

// The coding view in a narrow window: the document alone, with a toggle for
// the document list and one for the codebook and inspector; a side pane that
// is shown takes its share of the width until it is toggled off again.
void CodingView::draw_collapsed(float W, float height) {
  const ProjectUiState& state = ws_.state();
  const float dpi = ws_.look().dpi;
  auto toggle = [](const char* label, bool* on) {
    if (*on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const bool clicked = ImGui::SmallButton(label);
    if (*on) ImGui::PopStyleColor();
    if (clicked) *on = !*on;
  };
  toggle(tr(S::panes_documents), &show_left_);
  ImGui::SameLine();
  const float codes_w = ImGui::CalcTextSize(tr(S::panes_codes)).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionMax().x - codes_w));
  toggle(tr(S::panes_codes), &show_right_);
  const float h = ImGui::GetContentRegionAvail().y;
  (void)height;
  const float left = show_left_ ? std::min(W * 0.42f, std::max(140.0f * dpi, state.left_w * dpi)) : 0.0f;
  const float right = show_right_ ? std::min(W * 0.42f, std::max(140.0f * dpi, state.right_w * dpi)) : 0.0f;
  const float centre = std::max(20.0f, W - left - right);
  if (show_left_) {
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    widgets::begin_pane("##browser", ImVec2(left, h), true);
    ImGui::PopStyleVar();
    draw_browser();
    widgets::end_pane();
    ImGui::SameLine(0, 0);
  }
  widgets::begin_pane("##document", ImVec2(centre, h), true,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  draw_document();
  widgets::end_pane();
  if (show_right_) {
    ImGui::SameLine(0, 0);
    ImGui::BeginChild("##right", ImVec2(right, h), false);
    const float cb = std::clamp(state.codebook_frac, 0.15f, 0.85f) * h;
    widgets::begin_pane("##codebook", ImVec2(right, cb), true);
    draw_codebook();
    widgets::end_pane();
    widgets::begin_pane("##inspector", ImVec2(right, 0), true);
    draw_inspector();
    widgets::end_pane();
    ImGui::EndChild();
  } else if (memo_editing_) {
    save_drafts();  // the inspector is hidden: what was typed in it is saved
  }
}

void CodingView::draw() {
  rects_.clear();
  ProjectUiState& state = ws_.state();
  const float dpi = ws_.look().dpi;
  const float height = ImGui::GetContentRegionAvail().y;
  const float W = ImGui::GetContentRegionAvail().x;
  const float bar = std::round(6.0f * dpi);
  const store::Id doc_id = ws_.doc() ? ws_.doc()->meta.id : 0;
  if (doc_id != drawn_doc_) save_drafts();  // another document: the memo typed for a coding of the last one
  drawn_doc_ = doc_id;
  // The document keeps a readable width (45 em); a window too narrow for it
  // beside the side panes (800x600) shows them behind two toggles instead.
  const ImGuiStyle& st = ImGui::GetStyle();
  const float min_pane = 140.0f * dpi,
              min_centre = std::max(320.0f * dpi, 45.0f * ImGui::GetFontSize() + 2 * (st.WindowPadding.x + 1.0f));
  const PaneWidths fit = fit_panes(W, state.left_w * dpi, state.right_w * dpi, bar, min_pane, min_centre);
  if (fit.centre < min_centre) {
    draw_collapsed(W, height);
    draw_popups();
    return;
  }
  float left = fit.left, centre = fit.centre, right = fit.right;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  widgets::begin_pane("##browser", ImVec2(left, height), true);
  ImGui::PopStyleVar();
  draw_browser();
  widgets::end_pane();
  ImGui::SameLine(0, 0);
  // Only a dragged splitter changes the remembered widths: a small window
  // squeezes the panes for now, and the user's layout comes back with the space.
  const float max_left = std::max(left, W - right - 2 * bar - min_centre);
  if (widgets::splitter("##split_left", true, bar, &left, std::min(min_pane, left), max_left, height)) {
    state.left_w = left / dpi;
    centre = std::max(20.0f, W - left - right - 2 * bar);
  }
  ImGui::SameLine(0, 0);
  widgets::begin_pane("##document", ImVec2(centre, height), true,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  draw_document();
  widgets::end_pane();
  ImGui::SameLine(0, 0);
  const float max_centre = std::max(centre, W - left - 2 * bar - min_pane);
  if (widgets::splitter("##split_right", true, bar, &centre, std::min(min_centre, centre), max_centre, height)) {
    right = std::max(20.0f, W - left - centre - 2 * bar);
    state.right_w = right / dpi;
  }
  ImGui::SameLine(0, 0);
  ImGui::BeginChild("##right", ImVec2(right, height), false);
  float cb = std::clamp(state.codebook_frac, 0.15f, 0.85f) * height;
  widgets::begin_pane("##codebook", ImVec2(right, cb), true);
  draw_codebook();
  widgets::end_pane();
  widgets::splitter("##split_inspector", false, bar, &cb, height * 0.15f, height * 0.85f, right);
  widgets::begin_pane("##inspector", ImVec2(right, 0), true);
  draw_inspector();
  widgets::end_pane();
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
  if (link_picker_.is_open()) return;  // its keys are its own
  // Which keys: the shortcut table (ui/shell/shortcuts.cpp), as the document's menu shows them.
  // Delete on a focused link row is the link's (panel_links.cpp), not the coding's.
  if (pressed(Command::remove_coding) && sel_coding && !link_focused_) ws_.remove_coding(*sel_coding);
  if (pressed(Command::rename) && ws_.selected_code()) rename_code(*ws_.selected_code());
  if (io.KeyCtrl || io.KeyAlt) return;
  for (ImWchar c : io.InputQueueCharacters) {
    if (typed(Command::code_pinned, c)) {
      const size_t n = static_cast<size_t>(c - '1');
      if (n < ws_.state().pinned.size()) ws_.code_selection(ws_.state().pinned[n]);
    } else if (typed(Command::stance_supports, c) && sel_coding) {
      ws_.set_stance(*sel_coding, store::Stance::supports);
    } else if (typed(Command::stance_contradicts, c) && sel_coding) {
      ws_.set_stance(*sel_coding, store::Stance::contradicts);
    } else if (typed(Command::stance_neutral, c) && sel_coding) {
      ws_.set_stance(*sel_coding, store::Stance::neutral);
    } else if (typed(Command::quick_code, c) && has_text) {
      quick_open_ = true;
    } else if (typed(Command::in_vivo, c) && has_text) {
      ws_.code_in_vivo();
    } else if (typed(Command::memo, c) && sel_coding) {
      edit_memo(*sel_coding);
    } else if (typed(Command::link_to, c) && sel_coding) {
      link_from(*sel_coding);
    }
  }
}

}  // namespace telaah::ui
