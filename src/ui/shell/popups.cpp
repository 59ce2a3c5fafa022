// The shell's popups: the file browser's result, a new coder, the import
// dialog and report, and errors that need the user's attention. (The coding
// view's own popups are in coding/coding_popups.cpp.)
#include <algorithm>
#include <cctype>

#include "ui/shell/app.h"
#include "ui/shell/strings.h"
#include "ui/widgets/widgets.h"

namespace fs = std::filesystem;

namespace telaah::ui {

using widgets::centre_next;
using widgets::ok_cancel;

void App::on_files_dropped(const std::vector<fs::path>& paths) {
  if (paths.empty()) return;
  if (ws_.busy()) {  // an import or merge is about to write to the open project: nothing may replace it now
    ws_.set_status(tr(S::status_busy_wait), true);
    return;
  }
  if (paths.size() == 1 && is_refi_project(paths[0])) {  // another tool's project: offered for import as a new one
    offer_qdpx_import(paths[0]);
    return;
  }
  if (!ws_.has_project() || (paths.size() == 1 && paths[0].extension() == store::kProjectExtension)) {
    if (paths.size() == 1 && paths[0].extension() == store::kProjectExtension)
      ws_.open_project(paths[0]);
    else
      ws_.set_status(tr(S::hint_open_project_first), true);
    return;
  }
  import_pending_ = ImportRequest();
  import_pending_->paths = paths;
  import_previewed_ = false;
}

void App::draw_popups() {
  if (file_browser_.is_open() && ws_.has_project()) file_browser_.set_project_dir(ws_.project_path().parent_path());
  if (auto chosen = file_browser_.draw()) {
    switch (file_browser_.mode()) {
      case FileBrowser::Mode::open_project:
        open_project(chosen->front());  // a .qdpx is offered for import
        break;
      case FileBrowser::Mode::new_project:
        if (fs::exists(chosen->front()))
          ws_.alert(std::string(tr(S::error_exists)) + chosen->front().string());
        else
          ws_.create_project(chosen->front());
        break;
      case FileBrowser::Mode::import_files:
        import_pending_ = ImportRequest();
        import_pending_->paths = *chosen;
        import_previewed_ = false;
        break;
      case FileBrowser::Mode::save_file:  // the window's own browser never saves
        break;
    }
  }
  if (ws_.has_project()) draw_import_dialog();
  if (ws_.has_project()) {
    if (auto id =
            picker_.draw(ws_.cache())) {  // Ctrl+P: the document opens in the coding view, its text has the keyboard
      ws_.show_view(View::coding);
      if (ws_.open_document(*id)) {
        ws_.doc_view().focus();
        keyboard_focus_ = true;
      }
    }
  }
  draw_qdpx_intake();
  duplicates_.draw();
  if (ws_.has_project()) output_.draw();  // Project › Report… / Export… and their result

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
    if ((ok_cancel(tr(S::ok), !new_coder_name_.empty()) == 1 || (enter && !new_coder_name_.empty())) &&
        ws_.has_project()) {
      ws_.set_coder(new_coder_name_);
      if (enter) ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }

  if (auto skipped = ws_.take_import_skipped(); !skipped.empty()) {
    import_skipped_ = std::move(skipped);
    ImGui::OpenPopup("###importreport");
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

  if (!ws_.alert_text().empty()) ImGui::OpenPopup("###error");
  centre_next(30);
  if (ImGui::BeginPopupModal((std::string(tr(S::error_title)) + "###error").c_str(), nullptr,
                             ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    ImGui::TextUnformatted(ws_.alert_text().c_str());
    ImGui::TextDisabled("%s", tr(S::error_nothing_lost));
    ImGui::PopTextWrapPos();
    if (ImGui::Button(tr(S::ok), ImVec2(ImGui::GetFontSize() * 7, 0))) {
      ws_.clear_alert();
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

void App::set_import_column(size_t file, const std::string& role, const std::string& column) {
  if (!import_pending_ || file >= import_pending_->previews.size()) return;
  auto& pv = import_pending_->previews[file];
  for (auto& [r, c] : pv.mapping)  // a column serves one role
    if (r != role && c == column && !column.empty()) c.clear();
  pv.mapping[role] = column;
  refresh_preview(pv);
}

// One file's preview: an export's family and first articles, a table's first
// rows and column choices, or a single document's editable metadata.
void App::draw_import_preview(size_t i) {
  using ingest::news::Family;
  ImportPreview& pv = import_pending_->previews[i];
  ImGui::PushID(static_cast<int>(i));
  ImGui::Separator();
  ImGui::TextUnformatted(pv.path.filename().string().c_str());
  if (pv.family != Family::none) {
    const S label = pv.family == Family::factiva ? S::import_family_factiva
                    : pv.family == Family::nexis ? S::import_family_nexis
                    : pv.family == Family::feed  ? S::import_family_feed
                                                 : S::import_family_table;
    ImGui::TextUnformatted(tr(label));
  }
  if (pv.family == Family::table) {
    const float w = ImGui::GetFontSize() * 9;
    for (const char* role : {"text", "title", "date", "outlet", "author"}) {
      ImGui::SetNextItemWidth(w);
      const std::string cur = pv.mapping[role];
      if (ImGui::BeginCombo(role, cur.empty() ? tr(S::import_col_none) : cur.c_str())) {
        if (ImGui::Selectable(tr(S::import_col_none), cur.empty())) set_import_column(i, role, "");
        for (const auto& h : pv.table.header)
          if (ImGui::Selectable(h.c_str(), h == cur)) set_import_column(i, role, h);
        ImGui::EndCombo();
      }
      if (std::string(role) != "author") ImGui::SameLine();
    }
    const int cols = static_cast<int>(std::min<size_t>(pv.table.header.size(), 6));
    if (cols > 0 && ImGui::BeginTable("rows", cols, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame)) {
      for (int c = 0; c < cols; ++c) ImGui::TableSetupColumn(pv.table.header[static_cast<size_t>(c)].c_str());
      ImGui::TableHeadersRow();
      for (const auto& row : pv.table.rows) {
        ImGui::TableNextRow();
        for (int c = 0; c < cols; ++c) {
          ImGui::TableSetColumnIndex(c);
          const std::string cell = static_cast<size_t>(c) < row.size() ? row[static_cast<size_t>(c)] : "";
          ImGui::TextUnformatted(cell.substr(0, std::min<size_t>(cell.size(), 40)).c_str());
        }
      }
      ImGui::EndTable();
    }
  }
  if (pv.family != Family::none && !pv.first.empty()) {
    ImGui::TextUnformatted(tr(S::import_first_articles));
    for (const auto& a : pv.first)
      ImGui::BulletText("%s  %s  %s", a.date.empty() ? tr(S::import_no_date) : a.date.c_str(), a.outlet.c_str(),
                        a.title.substr(0, std::min<size_t>(a.title.size(), 70)).c_str());
  }
  if (pv.family == Family::none && pv.error.empty() && !pv.title.empty()) {
    const float w = ImGui::GetFontSize() * 14;
    ImGui::SetNextItemWidth(w * 2);
    widgets::input_text(tr(S::import_meta_title), &pv.title);
    ImGui::SetNextItemWidth(w * 0.7f);
    widgets::input_text(tr(S::import_meta_date), &pv.date);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w * 0.3f);
    widgets::input_text(tr(S::import_meta_lang), &pv.language);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w * 0.6f);
    if (ImGui::BeginCombo(tr(S::import_meta_type), pv.source_type.empty()
                                                       ? tr(S::import_col_none)
                                                       : source_type_label(pv.source_type).c_str())) {
      if (ImGui::Selectable(tr(S::import_col_none), pv.source_type.empty())) pv.source_type.clear();
      for (const auto& st : ws_.cache().source_types)
        if (ImGui::Selectable(source_type_label(st.name).c_str(), st.name == pv.source_type)) pv.source_type = st.name;
      ImGui::EndCombo();
    }
  }
  if (!pv.error.empty()) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40);
    ImGui::TextColored(ImVec4(0.85f, 0.3f, 0.25f, 1), "%s", pv.error.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::PopID();
}

void App::draw_import_dialog() {
  if (import_pending_ && !import_previewed_) {
    // Each chosen file looked at once, before the dialog shows (first articles / rows only).
    import_pending_->previews = preview_import(ws_.project(), import_pending_->paths);
    import_previewed_ = true;
    for (const auto& pv : import_pending_->previews)
      if (pv.family != ingest::news::Family::none) import_pending_->source_type = "news";
  }
  if (import_pending_ && !ImGui::IsPopupOpen("###import")) ImGui::OpenPopup("###import");
  centre_next(44);
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
  if (r.previews.empty()) {
    for (size_t i = 0; i < std::min<size_t>(r.paths.size(), 6); ++i)
      ImGui::BulletText("%s", r.paths[i].filename().string().c_str());
  } else {
    for (size_t i = 0; i < std::min<size_t>(r.previews.size(), 6); ++i) draw_import_preview(i);
  }
  if (r.paths.size() > 6) ImGui::TextDisabled("\xE2\x80\xA6");
  ImGui::Separator();
  ImGui::TextUnformatted(tr(S::label_type));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  if (ImGui::BeginCombo("##type", source_type_label(r.source_type).c_str())) {
    for (const auto& st : ws_.cache().source_types)
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
  import_ok_rect_ = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  if (res == 1) ws_.start_import(r);
  if (res != 0) {
    import_pending_.reset();
    import_previewed_ = false;
  }
  ImGui::EndPopup();
}

}  // namespace telaah::ui
