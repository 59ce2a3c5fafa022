// A REFI-QDA project (.qdpx, .qde) from another QDA tool, opened from the
// start screen, the Open dialog, a drop on the window or `telaah gui FILE.qdpx`
// (a double-click in the file manager): the window offers to import it as a
// new Telaah project beside it, imports it on a worker (all-or-nothing: the
// exchange layer writes under a temporary name and renames at the end), opens
// the new project and shows the import report (what deviated, what was lost).
#include <algorithm>
#include <cctype>
#include <system_error>

#include "exchange/exchange.h"
#include "ui/shell/app.h"
#include "ui/shell/strings.h"
#include "ui/widgets/widgets.h"

namespace fs = std::filesystem;

namespace telaah::ui {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// "study.qdpx" -> "study.telaah" beside it, or "study (2).telaah", ... when taken.
fs::path free_target(const fs::path& source) {
  const fs::path dir = source.parent_path().empty() ? fs::path(".") : source.parent_path();
  const std::string stem = source.stem().string();
  std::error_code ec;
  for (int n = 1; n < 1000; ++n) {
    const std::string name = stem + (n == 1 ? "" : " (" + std::to_string(n) + ")") + store::kProjectExtension;
    if (!fs::exists(dir / name, ec)) return dir / name;
  }
  return dir / (stem + store::kProjectExtension);
}

// Why `target` cannot become the new project ("" when it can).
std::string target_problem(const std::string& target) {
  const fs::path p(target);
  std::error_code ec;
  if (p.extension() != store::kProjectExtension || p.stem().empty()) return tr(S::qdpx_bad_name);
  if (fs::exists(p, ec) || fs::is_symlink(p, ec)) return tr(S::qdpx_exists);
  const fs::path dir = p.parent_path().empty() ? fs::path(".") : p.parent_path();
  if (!fs::is_directory(dir, ec)) return tr(S::qdpx_no_folder);
  return {};
}

}  // namespace

bool App::is_refi_project(const fs::path& file) {
  const std::string ext = lower(file.extension().string());
  return ext == ".qdpx" || ext == ".qde";
}

bool App::offer_qdpx_import(const fs::path& file) {
  if (ws_.busy()) {
    ws_.set_status(tr(S::qdpx_busy), true);
    return false;
  }
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) {
    ws_.alert(std::string(tr(S::qdpx_failed)) + file.string() + ": " + tr(S::qdpx_not_found));
    return false;
  }
  QdpxIntake in;
  in.source = fs::absolute(file, ec);
  if (ec) in.source = file;
  in.target = free_target(in.source).string();
  qdpx_ = std::move(in);
  return true;
}

void App::browse_qdpx() {
  file_browser_.open(FileBrowser::Mode::open_project, {});
  file_browser_.set_labels(tr(S::fb_qdpx_title), tr(S::qdpx_import));
  file_browser_.only_extensions({".qdpx", ".qde", ".QDPX", ".QDE"});
}

void App::start_qdpx_import() {
  const fs::path src = qdpx_->source, dst = qdpx_->target;
  qdpx_.reset();
  if (ws_.busy()) {
    ws_.set_status(tr(S::qdpx_busy), true);
    return;
  }
  ws_.tasks().start(tr(S::qdpx_task), [this, src, dst](TaskProgress& progress) -> std::function<void()> {
    exchange::ImportOptions o;
    o.progress = [&progress](const std::string& m) {
      if (progress.cancelled()) throw std::runtime_error("cancelled");
      progress.set(0.5, m);
    };
    try {
      const exchange::ImportReport r = exchange::import_refi(src, dst, o);
      return [this, dst, text = r.to_text()] {
        save_drafts();
        if (ws_.open_project(dst)) {
          qdpx_report_ = text;
          qdpx_report_open_ = true;
        }
      };
    } catch (const std::exception& e) {
      if (progress.cancelled()) throw;
      return [this, why = std::string(e.what())] { ws_.alert(std::string(tr(S::qdpx_failed)) + why); };
    }
  });
}

void App::draw_qdpx_intake() {
  using widgets::centre_next;
  if (qdpx_ && qdpx_->appear) {
    ImGui::OpenPopup("###qdpx");
    qdpx_->appear = false;
  }
  centre_next(36);
  if (ImGui::BeginPopupModal((std::string(tr(S::qdpx_title)) + "###qdpx").c_str(), nullptr,
                             ImGuiWindowFlags_AlwaysAutoResize)) {
    if (!qdpx_) {
      ImGui::CloseCurrentPopup();
      ImGui::EndPopup();
    } else {
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 34);
      ImGui::TextUnformatted(tr(S::qdpx_explain));
      ImGui::Spacing();
      ImGui::TextDisabled("%s", tr(S::qdpx_from));
      ImGui::TextUnformatted(qdpx_->source.string().c_str());
      ImGui::PopTextWrapPos();
      ImGui::Spacing();
      ImGui::TextDisabled("%s", tr(S::qdpx_to));
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 34);
      // The dialog's one field keeps the keyboard: typing always edits the name, Enter imports, Esc cancels.
      if (ImGui::IsWindowAppearing() || !ImGui::IsAnyItemActive()) ImGui::SetKeyboardFocusHere();
      const bool enter = widgets::input_text("##qdpx_target", &qdpx_->target, ImGuiInputTextFlags_EnterReturnsTrue);
      qdpx_->error = target_problem(qdpx_->target);
      if (!qdpx_->error.empty()) ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1), "%s", qdpx_->error.c_str());
      ImGui::Spacing();
      const bool can = qdpx_->error.empty() && !ws_.busy();
      const int r = widgets::ok_cancel(tr(S::qdpx_import), can);
      qdpx_import_rect_ = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
      if (r == -1) {
        qdpx_.reset();
      } else if (r == 1 || (enter && can)) {
        if (enter) ImGui::CloseCurrentPopup();
        start_qdpx_import();
      }
      ImGui::EndPopup();
    }
  } else {
    qdpx_import_rect_.reset();
    if (qdpx_ && !qdpx_->appear && !ImGui::IsPopupOpen("###qdpx")) qdpx_.reset();  // closed some other way
  }

  if (qdpx_report_open_) {
    ImGui::OpenPopup("###qdpxreport");
    qdpx_report_open_ = false;
  }
  centre_next(40);
  if (ImGui::BeginPopupModal((std::string(tr(S::qdpx_report_title)) + "###qdpxreport").c_str(), nullptr,
                             ImGuiWindowFlags_AlwaysAutoResize)) {
    const float h = std::min(ImGui::GetIO().DisplaySize.y * 0.6f, ImGui::GetTextLineHeightWithSpacing() * 24);
    ImGui::BeginChild("##report", ImVec2(ImGui::GetFontSize() * 38, h), true);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(qdpx_report_.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    if (ImGui::Button(tr(S::ok), ImVec2(ImGui::GetFontSize() * 7, 0)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
      ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

}  // namespace telaah::ui
