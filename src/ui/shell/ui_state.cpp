// Loading and saving the remembered UI state (see ui_state.h).
#include "ui/shell/ui_state.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using nlohmann::json;

namespace telaah::ui {

fs::path state_dir() {
  if (const char* x = std::getenv("XDG_STATE_HOME"); x && *x) return fs::path(x) / "telaah";
  if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".local" / "state" / "telaah";
  return fs::temp_directory_path() / "telaah-state";
}

static json read_json(const fs::path& f) {
  std::ifstream in(f);
  if (!in) return json::object();
  try {
    json j = json::parse(in);
    return j.is_object() ? j : json::object();
  } catch (const std::exception&) {
    return json::object();  // damaged: start from defaults
  }
}

// Written to a temporary file and renamed, so a crash never leaves half a file.
static void write_json(const fs::path& f, const json& j) {
  std::error_code ec;
  fs::create_directories(f.parent_path(), ec);
  fs::path tmp = f;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    if (!out) return;  // state is a convenience: failing to save it is not an error
    out << j.dump(2) << "\n";
    if (!out) return;
  }
  fs::rename(tmp, f, ec);
}

Prefs load_prefs() {
  json j = read_json(state_dir() / "prefs.json");
  Prefs p;
  p.theme = j.value("theme", p.theme);
  p.language = j.value("language", p.language);
  p.text_size = j.value("text_size", p.text_size);
  try {
    p.window_x = j.value("window_x", 0);
    p.window_y = j.value("window_y", 0);
    p.window_w = j.value("window_w", 0);
    p.window_h = j.value("window_h", 0);
    p.window_maximized = j.value("window_maximized", false);
  } catch (const std::exception&) {
    p.window_w = p.window_h = 0;  // a value of the wrong type: the default place
  }
  if (j.contains("recent") && j["recent"].is_array())
    for (const auto& r : j["recent"])
      if (r.is_string()) p.recent.push_back(r);
  return p;
}

void save_prefs(const Prefs& p) {
  write_json(state_dir() / "prefs.json", {{"theme", p.theme},
                                          {"language", p.language},
                                          {"text_size", p.text_size},
                                          {"recent", p.recent},
                                          {"window_x", p.window_x},
                                          {"window_y", p.window_y},
                                          {"window_w", p.window_w},
                                          {"window_h", p.window_h},
                                          {"window_maximized", p.window_maximized}});
}

ProjectUiState load_project_state(const std::string& project_id) {
  ProjectUiState s;
  if (project_id.empty()) return s;
  json j = read_json(state_dir() / (project_id + ".json"));
  try {
    s.left_w = j.value("left_w", s.left_w);
    s.right_w = j.value("right_w", s.right_w);
    s.codebook_frac = j.value("codebook_frac", s.codebook_frac);
    s.open_doc = j.value("open_doc", s.open_doc);
    s.top_cp = j.value("top_cp", s.top_cp);
    s.view = j.value("view", s.view);
    s.coder = j.value("coder", s.coder);
    s.blind = j.value("blind", s.blind);
    s.show = j.value("show", s.show);
    s.compare_a = j.value("compare_a", s.compare_a);
    s.compare_b = j.value("compare_b", s.compare_b);
    if (j.contains("pinned") && j["pinned"].is_array()) s.pinned = j["pinned"].get<std::vector<store::Id>>();
  } catch (const std::exception&) {
    return ProjectUiState{};  // a value of the wrong type: defaults
  }
  return s;
}

void save_project_state(const std::string& project_id, const ProjectUiState& s) {
  if (project_id.empty()) return;
  write_json(state_dir() / (project_id + ".json"), {{"left_w", s.left_w},
                                                    {"right_w", s.right_w},
                                                    {"codebook_frac", s.codebook_frac},
                                                    {"open_doc", s.open_doc},
                                                    {"top_cp", s.top_cp},
                                                    {"view", s.view},
                                                    {"pinned", s.pinned},
                                                    {"coder", s.coder},
                                                    {"blind", s.blind},
                                                    {"show", s.show},
                                                    {"compare_a", s.compare_a},
                                                    {"compare_b", s.compare_b}});
}

Rect fit_window(const Rect& wa, const Prefs& r, float share) {
  if (wa.w <= 0 || wa.h <= 0) return {0, 0, r.window_w > 0 ? r.window_w : 1280, r.window_h > 0 ? r.window_h : 720};
  Rect out;
  const bool remembered = r.window_w >= 320 && r.window_h >= 240;
  out.w = remembered ? std::min(r.window_w, wa.w) : static_cast<int>(static_cast<float>(wa.w) * share);
  out.h = remembered ? std::min(r.window_h, wa.h) : static_cast<int>(static_cast<float>(wa.h) * share);
  const bool inside = remembered && r.window_x >= wa.x && r.window_y >= wa.y && r.window_x + out.w <= wa.x + wa.w &&
                      r.window_y + out.h <= wa.y + wa.h;
  out.x = inside ? r.window_x : wa.x + (wa.w - out.w) / 2;
  out.y = inside ? r.window_y : wa.y + (wa.h - out.h) / 2;
  return out;
}

void add_recent(Prefs& p, const fs::path& project) {
  std::error_code ec;
  fs::path abs = fs::absolute(project, ec);
  const std::string s = (ec ? project : abs.lexically_normal()).string();
  std::erase(p.recent, s);
  p.recent.insert(p.recent.begin(), s);
  if (p.recent.size() > 10) p.recent.resize(10);
}

}  // namespace telaah::ui
