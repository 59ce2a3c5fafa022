// The window's popups: the file browser's result, quick-code with
// type-ahead, the memo editor, a new coder, the import dialog and report,
// deleting a code, and errors that need the user's attention.
#include <algorithm>
#include <cctype>

#include "ui/shell/app.h"
#include "ui/shell/strings.h"
#include "ui/widgets/widgets.h"

namespace fs = std::filesystem;

namespace telaah::ui {

static void centre_next(float width_em) {
  const ImVec2 ds = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(ds.x * 0.5f, ds.y * 0.4f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * width_em, 0), ImGuiCond_Appearing);
}

// Cancel and OK buttons at the right of a modal; closes it. 1: OK, -1: cancelled, 0: still open.
static int ok_cancel(const char* ok, bool ok_enabled = true) {
  const float bw = ImGui::GetFontSize() * 7;
  ImGui::SetCursorPosX(
      std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionMax().x - 2 * bw - ImGui::GetStyle().ItemSpacing.x));
  if (ImGui::Button(tr(S::cancel), ImVec2(bw, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    ImGui::CloseCurrentPopup();
    return -1;
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(!ok_enabled);
  const bool pressed = ImGui::Button(ok, ImVec2(bw, 0));
  ImGui::EndDisabled();
  if (pressed) ImGui::CloseCurrentPopup();
  return pressed ? 1 : 0;
}

void App::on_files_dropped(const std::vector<fs::path>& paths) {
  if (paths.empty()) return;
  if (tasks_.busy()) {  // an import or merge is about to write to the open project: nothing may replace it now
    set_status(tr(S::status_busy_wait), true);
    return;
  }
  if (!project_ || (paths.size() == 1 && paths[0].extension() == store::kProjectExtension)) {
    if (paths.size() == 1 && paths[0].extension() == store::kProjectExtension)
      open_project(paths[0]);
    else
      set_status(tr(S::hint_open_project_first), true);
    return;
  }
  import_pending_ = ImportRequest();
  import_pending_->paths = paths;
}

void App::draw_popups() {
  if (auto chosen = file_browser_.draw()) {
    switch (file_browser_.mode()) {
      case FileBrowser::Mode::open_project:
        open_project(chosen->front());
        break;
      case FileBrowser::Mode::new_project:
        if (fs::exists(chosen->front()))
          error_modal_ = std::string(tr(S::error_exists)) + chosen->front().string();
        else
          create_project(chosen->front());
        break;
      case FileBrowser::Mode::import_files:
        import_pending_ = ImportRequest();
        import_pending_->paths = *chosen;
        break;
    }
  }
  if (project_) {
    draw_quick_code();
    draw_memo_editor();
    draw_import_dialog();
  }

  if (new_coder_open_) {
    ImGui::OpenPopup("###newcoder");
    new_coder_open_ = false;
    new_coder_name_.clear();
  }
  centre_next(22);
  if (ImGui::BeginPopupModal((std::string(tr(S::new_coder)) + "###newcoder").c_str(), nullptr,
                             ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted(tr(S::new_coder_prompt));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool enter = widgets::input_text("##coder", &new_coder_name_, ImGuiInputTextFlags_EnterReturnsTrue);
    if ((ok_cancel(tr(S::ok), !new_coder_name_.empty()) == 1 || (enter && !new_coder_name_.empty())) && project_) {
      if (act([&] { project_->set_coder(new_coder_name_); }))
        set_status(std::string(tr(S::status_coder)) + new_coder_name_);
      if (enter) ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }

  if (confirm_delete_code_ && selected_code_) {
    ImGui::OpenPopup("###deletecode");
    confirm_delete_code_ = false;
  }
  centre_next(28);
  if (ImGui::BeginPopupModal((std::string(tr(S::button_delete_code)) + "###deletecode").c_str(), nullptr,
                             ImGuiWindowFlags_AlwaysAutoResize)) {
    const CodeInfo* ci = selected_code_ ? cache_.code(*selected_code_) : nullptr;
    if (ci) {
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
      ImGui::Text(tr(S::confirm_delete_code), ci->path.c_str(), static_cast<long long>(ci->total));
      ImGui::PopTextWrapPos();
    }
    if (ok_cancel(tr(S::button_delete)) == 1 && ci) {
      const std::string name = ci->code.name;
      const store::Id id = ci->code.id;
      if (act([&] { project_->delete_code(id); })) {
        selected_code_.reset();
        refresh();
        set_status(std::string(tr(S::status_code_deleted)) + name + tr(S::status_undo_hint));
      }
    }
    ImGui::EndPopup();
  }

  if (show_import_report_) {
    ImGui::OpenPopup("###importreport");
    show_import_report_ = false;
  }
  centre_next(40);
  if (ImGui::BeginPopupModal((std::string(tr(S::import_report)) + "###importreport").c_str(), nullptr,
                             ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 38);
    for (const auto& [file, why] : import_skipped_)
      ImGui::BulletText("%s: %s", file.filename().string().c_str(), why.c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::Button(tr(S::ok), ImVec2(ImGui::GetFontSize() * 7, 0))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }

  if (!error_modal_.empty()) ImGui::OpenPopup("###error");
  centre_next(30);
  if (ImGui::BeginPopupModal((std::string(tr(S::error_title)) + "###error").c_str(), nullptr,
                             ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    ImGui::TextUnformatted(error_modal_.c_str());
    ImGui::TextDisabled("%s", tr(S::error_nothing_lost));
    ImGui::PopTextWrapPos();
    if (ImGui::Button(tr(S::ok), ImVec2(ImGui::GetFontSize() * 7, 0))) {
      error_modal_.clear();
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

void App::draw_quick_code() {
  if (quick_open_) {
    ImGui::OpenPopup("###quick");
    quick_open_ = false;
    quick_filter_.clear();
    quick_index_ = 0;
  }
  centre_next(26);
  if (!ImGui::BeginPopup("###quick")) return;
  ImGui::TextDisabled("%s", tr(S::quick_code_title));
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(-1);
  const bool enter =
      widgets::input_text_hint("##q", tr(S::quick_code_hint), &quick_filter_, ImGuiInputTextFlags_EnterReturnsTrue);
  if (ImGui::IsItemEdited()) quick_index_ = 0;
  // Matches: names first (prefix before substring), then paths and aliases.
  const std::string needle = lower_ascii(quick_filter_);
  std::vector<std::pair<int, const CodeInfo*>> hits;
  for (const auto& c : cache_.codes) {
    const std::string name = lower_ascii(c.code.name);
    int rank = -1;
    if (needle.empty())
      rank = 2;
    else if (name.rfind(needle, 0) == 0)
      rank = 0;
    else if (name.find(needle) != std::string::npos)
      rank = 1;
    else if (lower_ascii(c.path).find(needle) != std::string::npos)
      rank = 2;
    else
      for (const auto& a : c.code.aliases)
        if (lower_ascii(a).find(needle) != std::string::npos) rank = 2;
    if (rank >= 0) hits.push_back({rank, &c});
  }
  std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  if (hits.size() > 12) hits.resize(12);
  const int n = static_cast<int>(hits.size());
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) quick_index_ = std::min(n - 1, quick_index_ + 1);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) quick_index_ = std::max(0, quick_index_ - 1);
  std::optional<store::Id> chosen;
  for (int i = 0; i < n; ++i) {
    const CodeInfo* c = hits[static_cast<size_t>(i)].second;
    ImGui::PushID(i);
    widgets::colour_chip(c->colour, ImGui::GetTextLineHeight() * 0.7f);
    ImGui::SameLine();
    if (ImGui::Selectable(c->path.c_str(), i == quick_index_)) chosen = c->code.id;
    ImGui::PopID();
  }
  if (n == 0) ImGui::TextDisabled("%s", tr(S::quick_code_none));
  if (enter && n > 0) chosen = hits[static_cast<size_t>(std::clamp(quick_index_, 0, n - 1))].second->code.id;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
  if (chosen) {
    code_selection(*chosen);
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void App::draw_memo_editor() {
  if (memo_open_) {
    ImGui::OpenPopup("###memo");
    memo_open_ = false;
    memo_popup_draft_ = doc_ && doc_->coding(memo_coding_) ? doc_->coding(memo_coding_)->memo : "";
  }
  centre_next(30);
  if (!ImGui::BeginPopupModal((std::string(tr(S::label_memo)) + "###memo").c_str(), nullptr,
                              ImGuiWindowFlags_AlwaysAutoResize))
    return;
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  widgets::input_text_multiline("##memotext", &memo_popup_draft_,
                                ImVec2(ImGui::GetFontSize() * 28, ImGui::GetTextLineHeight() * 8));
  // Ctrl+Enter in the box saves too (ImGui ends the edit on it; Enter makes a new line).
  const bool ctrl_enter = ImGui::IsItemDeactivated() && ImGui::GetIO().KeyCtrl &&
                          (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
                           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter)));
  if (ctrl_enter) ImGui::CloseCurrentPopup();
  if (ok_cancel(tr(S::button_save)) == 1 || ctrl_enter) set_memo(memo_coding_, memo_popup_draft_);
  ImGui::EndPopup();
}

void App::draw_import_dialog() {
  if (import_pending_ && !ImGui::IsPopupOpen("###import")) ImGui::OpenPopup("###import");
  centre_next(30);
  if (!ImGui::BeginPopupModal((std::string(tr(S::import_title)) + "###import").c_str(), nullptr,
                              ImGuiWindowFlags_AlwaysAutoResize))
    return;
  if (!import_pending_) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  ImportRequest& r = *import_pending_;
  ImGui::Text(tr(S::import_files_count), static_cast<int>(r.paths.size()));
  for (size_t i = 0; i < std::min<size_t>(r.paths.size(), 6); ++i)
    ImGui::BulletText("%s", r.paths[i].filename().string().c_str());
  if (r.paths.size() > 6) ImGui::TextDisabled("\xE2\x80\xA6");
  ImGui::TextUnformatted(tr(S::label_type));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  if (ImGui::BeginCombo("##type", source_type_label(r.source_type).c_str())) {
    for (const auto& st : cache_.source_types)
      if (ImGui::Selectable(source_type_label(st.name).c_str(), st.name == r.source_type)) r.source_type = st.name;
    ImGui::EndCombo();
  }
  ImGui::TextUnformatted(tr(S::label_language));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
  widgets::input_text("##lang", &r.language);
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr(S::import_language_hint));
  const int res = ok_cancel(tr(S::fb_import));
  if (res == 1) start_import(r);
  if (res != 0) import_pending_.reset();
  ImGui::EndPopup();
}

}  // namespace telaah::ui
