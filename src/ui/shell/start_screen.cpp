// What the window shows with no project open: new, open, the sample
// project, and the recent projects. Also how the window starts without a
// project argument (reopen the last project, or build the sample on first start).
#include <cstdlib>

#include "sample/sample.h"
#include "ui/shell/app.h"
#include "ui/shell/strings.h"

namespace fs = std::filesystem;

namespace telaah::ui {

// Where `make run` and the first start keep the sample project.
static fs::path sample_project_path() {
  if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return fs::path(x) / "telaah" / "sample.telaah";
  if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".local/share/telaah/sample.telaah";
  return fs::temp_directory_path() / "telaah-sample.telaah";
}

void App::start_without_project() {
  for (const auto& r : prefs_.recent) {
    std::error_code ec;
    if (fs::is_regular_file(r, ec)) {
      if (ws_.open_project(r)) return;
      break;  // the error is shown; the start screen follows
    }
  }
  if (prefs_.recent.empty() && opt_.sample_on_first_start) open_sample();
}

void App::open_sample() {
  const fs::path p = sample_project_path();
  std::error_code ec;
  if (fs::is_regular_file(p, ec)) {
    ws_.open_project(p);
    return;
  }
  const fs::path corpus = sample::default_corpus_dir();
  if (corpus.empty()) {
    ws_.alert(tr(S::error_no_corpus));
    return;
  }
  if (ws_.busy()) return;
  // Building opens its own Project on the worker; the window has none open meanwhile.
  ws_.tasks().start(tr(S::task_sample), [this, p, corpus](TaskProgress& progress) -> std::function<void()> {
    fs::create_directories(p.parent_path());
    sample::build_sample(p, corpus, [&](const std::string& m) { progress.set(0.5, m); });
    return [this, p] { ws_.open_project(p); };
  });
  ws_.set_status(tr(S::status_building_sample));
}

void App::draw_start_screen() {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float col = std::min(avail.x * 0.9f, ImGui::GetFontSize() * 34);
  ImGui::SetCursorPos(ImVec2((avail.x - col) * 0.5f, avail.y * 0.12f));
  ImGui::BeginGroup();
  ImGui::TextUnformatted("Telaah");
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + col);
  ImGui::TextDisabled("%s", tr(S::tagline));
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  const bool busy = ws_.busy();
  ImGui::BeginDisabled(busy);
  const ImVec2 bs(col, 0);
  if (ImGui::Button(tr(S::start_new), bs)) file_browser_.open(FileBrowser::Mode::new_project, {});
  if (ImGui::Button(tr(S::start_open), bs)) file_browser_.open(FileBrowser::Mode::open_project, {});
  if (ImGui::Button(tr(S::start_sample), bs)) open_sample();
  if (ImGui::Button(tr(S::start_import_qdpx), bs)) browse_qdpx();
  ImGui::EndDisabled();
  ImGui::Spacing();
  if (!prefs_.recent.empty()) {
    ImGui::TextDisabled("%s", tr(S::menu_recent));
    for (const auto& r : prefs_.recent) {
      std::error_code ec;
      if (!fs::is_regular_file(r, ec)) continue;
      const fs::path p(r);
      ImGui::PushID(r.c_str());
      if (ImGui::Selectable(p.filename().string().c_str(), false, 0, ImVec2(col, 0)) && !busy) ws_.open_project(p);
      ImGui::SameLine(ImGui::GetFontSize() * 12);
      ImGui::TextDisabled("%s", p.parent_path().string().c_str());
      ImGui::PopID();
    }
  }
  ImGui::Spacing();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + col);
  ImGui::TextDisabled("%s", tr(S::start_drop_hint));
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
}

}  // namespace telaah::ui
