// The in-app file browser (see file_browser.h). The folder is listed once
// when entered, not every frame.
#include "ui/shell/file_browser.h"

#include <imgui.h>

#include <algorithm>
#include <cstdlib>

#include "store/project.h"
#include "ui/shell/strings.h"
#include "ui/widgets/widgets.h"

namespace fs = std::filesystem;

namespace telaah::ui {

void FileBrowser::open(Mode mode, const fs::path& start_dir) {
  mode_ = mode;
  open_ = popup_pending_ = true;
  name_ = mode == Mode::new_project ? std::string("study") + store::kProjectExtension : "";
  selected_.clear();
  title_.clear();
  ok_.clear();
  extensions_.clear();
  std::error_code ec;
  fs::path d = start_dir.empty() ? fs::current_path(ec) : start_dir;
  if (!fs::is_directory(d, ec)) d = fs::current_path(ec);
  list(d);
}

void FileBrowser::list(const fs::path& dir) {
  std::error_code ec;
  fs::path canon = fs::weakly_canonical(dir, ec);
  std::vector<Entry> found;
  fs::directory_iterator it(ec ? dir : canon, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    error_ = std::string(tr(S::fb_cannot_list)) + " " + dir.string() + " (" + ec.message() + ")";
    return;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    Entry e;
    e.name = it->path().filename().string();
    std::error_code ec2;
    e.dir = it->is_directory(ec2);
    if (!e.dir) e.size = it->file_size(ec2);
    found.push_back(std::move(e));
  }
  std::sort(found.begin(), found.end(),
            [](const Entry& a, const Entry& b) { return a.dir != b.dir ? a.dir : a.name < b.name; });
  entries_ = std::move(found);
  dir_ = ec ? dir : canon;
  path_edit_ = dir_.string();
  selected_.clear();
  error_.clear();
}

bool FileBrowser::shown(const Entry& e) const {
  if (!show_hidden_ && !e.name.empty() && e.name[0] == '.') return false;
  if (e.dir) return true;
  const std::string ext = fs::path(e.name).extension().string();
  if (!extensions_.empty()) return std::find(extensions_.begin(), extensions_.end(), ext) != extensions_.end();
  if (mode_ == Mode::import_files) return true;
  // Opening a REFI-QDA project (.qdpx, .qde) offers to import it as a new project.
  return ext == store::kProjectExtension || (mode_ == Mode::open_project && (ext == ".qdpx" || ext == ".qde"));
}

std::optional<std::vector<fs::path>> FileBrowser::draw() {
  if (!open_) return std::nullopt;
  const char* title = mode_ == Mode::open_project  ? tr(S::fb_open_title)
                      : mode_ == Mode::new_project ? tr(S::fb_new_title)
                                                   : tr(S::fb_import_title);
  if (!title_.empty()) title = title_.c_str();
  const std::string id = std::string(title) + "###filebrowser";
  if (popup_pending_) {
    ImGui::OpenPopup(id.c_str());
    popup_pending_ = false;
  }
  const ImVec2 ds = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowSize(
      ImVec2(std::min(ds.x * 0.9f, ImGui::GetFontSize() * 46), std::min(ds.y * 0.85f, ImGui::GetFontSize() * 34)),
      ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImVec2(ds.x * 0.5f, ds.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  bool keep = true;
  if (!ImGui::BeginPopupModal(id.c_str(), &keep)) {
    if (!keep) open_ = false;
    return std::nullopt;
  }
  std::optional<std::vector<fs::path>> result;
  if (ImGui::ArrowButton("##up", ImGuiDir_Up)) list(dir_.parent_path());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::fb_up));
  ImGui::SameLine();
  if (ImGui::Button(tr(S::fb_home)))
    if (const char* h = std::getenv("HOME")) list(h);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  if (widgets::input_text("##path", &path_edit_, ImGuiInputTextFlags_EnterReturnsTrue)) list(path_edit_);
  if (!error_.empty()) ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1), "%s", error_.c_str());

  const float footer = ImGui::GetFrameHeightWithSpacing() * (mode_ == Mode::new_project ? 2.2f : 1.2f);
  ImGui::BeginChild("##entries", ImVec2(0, -footer), true);
  std::optional<fs::path> enter;
  for (const auto& e : entries_) {
    if (!shown(e)) continue;
    const bool sel = selected_.count(e.name) > 0;
    std::string label = (e.dir ? "\xE2\x96\xB8 " : "   ") + e.name + (e.dir ? "/" : "");
    if (ImGui::Selectable(label.c_str(), sel, ImGuiSelectableFlags_AllowDoubleClick)) {
      if (ImGui::IsMouseDoubleClicked(0)) {
        if (e.dir)
          enter = dir_ / e.name;
        else if (mode_ != Mode::new_project)
          result = std::vector<fs::path>{dir_ / e.name};
      } else if (mode_ == Mode::import_files && ImGui::GetIO().KeyCtrl) {
        if (sel)
          selected_.erase(e.name);
        else
          selected_.insert(e.name);
      } else {
        selected_ = {e.name};
        if (mode_ == Mode::new_project && !e.dir) name_ = e.name;
      }
    }
    if (!e.dir && e.size > 0) {
      ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::GetFontSize() * 6);
      ImGui::TextDisabled("%.1f KB", static_cast<double>(e.size) / 1024.0);
    }
  }
  ImGui::EndChild();
  if (enter) list(*enter);

  if (mode_ == Mode::new_project) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(S::fb_name));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    widgets::input_text("##name", &name_);
  }
  ImGui::Checkbox(tr(S::fb_show_hidden), &show_hidden_);
  ImGui::SameLine();
  const float bw = ImGui::GetFontSize() * 7;
  ImGui::SetCursorPosX(ImGui::GetContentRegionMax().x - 2 * bw - ImGui::GetStyle().ItemSpacing.x);
  if (ImGui::Button(tr(S::cancel), ImVec2(bw, 0))) keep = false;
  ImGui::SameLine();
  const char* ok = mode_ == Mode::open_project  ? tr(S::fb_open)
                   : mode_ == Mode::new_project ? tr(S::fb_create)
                                                : tr(S::fb_import);
  if (!ok_.empty()) ok = ok_.c_str();
  const bool can = mode_ == Mode::new_project ? !name_.empty() : !selected_.empty();
  ImGui::BeginDisabled(!can);
  if (ImGui::Button(ok, ImVec2(bw, 0))) {
    std::vector<fs::path> out;
    if (mode_ == Mode::new_project) {
      fs::path p = dir_ / name_;
      if (p.extension() != store::kProjectExtension) p += store::kProjectExtension;
      out.push_back(p);
    } else {
      for (const auto& s : selected_) out.push_back(dir_ / s);
    }
    // Opening a folder in the open dialog means entering it.
    if (mode_ == Mode::open_project && out.size() == 1 && fs::is_directory(out[0]))
      list(out[0]);
    else
      result = std::move(out);
  }
  ImGui::EndDisabled();
  if (result || !keep) {
    open_ = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  return result;
}

}  // namespace telaah::ui
