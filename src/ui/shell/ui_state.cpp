// Loading and saving the remembered UI state (see ui_state.h).
#include "ui/shell/ui_state.h"

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
  if (j.contains("recent") && j["recent"].is_array())
    for (const auto& r : j["recent"])
      if (r.is_string()) p.recent.push_back(r);
  return p;
}

void save_prefs(const Prefs& p) {
  write_json(state_dir() / "prefs.json",
             {{"theme", p.theme}, {"language", p.language}, {"text_size", p.text_size}, {"recent", p.recent}});
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

void add_recent(Prefs& p, const fs::path& project) {
  std::error_code ec;
  fs::path abs = fs::absolute(project, ec);
  const std::string s = (ec ? project : abs.lexically_normal()).string();
  std::erase(p.recent, s);
  p.recent.insert(p.recent.begin(), s);
  if (p.recent.size() > 10) p.recent.resize(10);
}

}  // namespace telaah::ui
