// Choosing files (see file_browser.h). The in-app browser lists a folder
// once when it is entered, not every frame; the desktop's dialog runs as a
// child process watched by a thread that wakes the window when it ends.
#include "ui/shell/file_browser.h"

#include <fcntl.h>
#include <imgui.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "store/project.h"
#include "ui/shell/strings.h"
#include "ui/shell/ui_state.h"
#include "ui/widgets/widgets.h"

extern char** environ;

namespace fs = std::filesystem;

namespace telaah::ui {

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// /proc/mounts writes a space in a mount point as \040 (tab \011, newline \012, backslash \134).
std::string unescape_mount(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 3 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isdigit(static_cast<unsigned char>(s[i + 2])) && std::isdigit(static_cast<unsigned char>(s[i + 3]))) {
      out += static_cast<char>((s[i + 1] - '0') * 64 + (s[i + 2] - '0') * 8 + (s[i + 3] - '0'));
      i += 3;
    } else {
      out += s[i];
    }
  }
  return out;
}

// XDG_DESKTOP_DIR="$HOME/Desktop" in user-dirs.dirs; "" when not set there.
fs::path user_dir(const std::string& user_dirs, const std::string& key, const fs::path& home) {
  std::istringstream in(user_dirs);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key + "=", 0) != 0) continue;
    std::string v = line.substr(key.size() + 1);
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
    if (v.rfind("$HOME", 0) == 0) return home.string() + v.substr(5);
    return v;
  }
  return {};
}

std::atomic<bool> g_native_allowed{false};
std::mutex g_wake_mutex;
std::function<void()> g_wake;

}  // namespace

std::vector<Place> file_places(const fs::path& home, const fs::path& project_dir, const std::string& user_dirs,
                               const std::string& mounts, const std::vector<fs::path>& recent) {
  std::vector<Place> out;
  std::error_code ec;
  auto add = [&](Place::Kind kind, std::string label, const fs::path& p, bool check) {
    if (p.empty() || (check && !fs::is_directory(p, ec))) return;
    for (const auto& q : out)
      if (q.path == p) return;
    out.push_back(Place{kind, std::move(label), p});
  };
  if (!home.empty()) {
    add(Place::Kind::home, tr(S::fb_home), home, true);
    fs::path desk = user_dir(user_dirs, "XDG_DESKTOP_DIR", home);
    fs::path docs = user_dir(user_dirs, "XDG_DOCUMENTS_DIR", home);
    add(Place::Kind::desktop, tr(S::fb2_desktop), desk.empty() ? home / "Desktop" : desk, true);
    add(Place::Kind::documents, tr(S::fb2_documents), docs.empty() ? home / "Documents" : docs, true);
  }
  add(Place::Kind::project, tr(S::fb2_project_folder), project_dir, true);
  std::istringstream in(mounts);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream f(line);
    std::string dev, at;
    if (!(f >> dev >> at)) continue;
    at = unescape_mount(at);
    if (at.rfind("/media/", 0) == 0 || at.rfind("/mnt/", 0) == 0 || at == "/mnt")
      add(Place::Kind::volume, fs::path(at).filename().string(), at, false);
  }
  for (const auto& r : recent) add(Place::Kind::recent, r.filename().string(), r, true);
  return out;
}

static fs::path recent_file() {
  return state_dir() / "recent_folders.txt";
}

std::vector<fs::path> recent_folders() {
  std::vector<fs::path> out;
  std::istringstream in(read_text(recent_file()));
  std::string line;
  while (std::getline(in, line) && out.size() < 8)
    if (!line.empty()) out.emplace_back(line);
  return out;
}

void remember_folder(const fs::path& dir) {
  if (dir.empty()) return;
  std::vector<fs::path> r = recent_folders();
  std::erase(r, dir);
  r.insert(r.begin(), dir);
  if (r.size() > 8) r.resize(8);
  std::error_code ec;
  fs::create_directories(recent_file().parent_path(), ec);
  const fs::path tmp = recent_file().string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    for (const auto& p : r) out << p.string() << "\n";
  }
  fs::rename(tmp, recent_file(), ec);
}

// ---------------------------------------------------------------------------
// Filters

std::vector<FileFilter> FileBrowser::project_filters(bool with_qdpx) {
  std::vector<FileFilter> f;
  if (with_qdpx) f.push_back({tr(S::fb2_projects_and_qdpx), {store::kProjectExtension, ".qdpx", ".qde"}});
  f.push_back({tr(S::fb2_projects), {store::kProjectExtension}});
  f.push_back({tr(S::fb2_all_files), {}});
  return f;
}

std::vector<FileFilter> FileBrowser::import_filters() {
  // The names the importers read by their extension (ingest/extract.cpp detect_format).
  return {{tr(S::fb2_importable),
           {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".shtml", ".docx", ".odt", ".pdf"}},
          {tr(S::fb2_all_files), {}}};
}

std::vector<FileFilter> FileBrowser::qdpx_filters() {
  return {{tr(S::fb2_qdpx), {".qdpx", ".qde"}}};
}

std::vector<FileFilter> FileBrowser::report_filters() {
  return {{tr(S::fb2_reports), {".html", ".md", ".docx"}}, {tr(S::fb2_all_files), {}}};
}

void FileBrowser::only_extensions(std::vector<std::string> ext) {
  std::vector<std::string> unique;
  std::string label;
  for (auto& e : ext) {
    e = lower(e);
    if (std::find(unique.begin(), unique.end(), e) != unique.end()) continue;
    label += (unique.empty() ? "" : ", ") + e;
    unique.push_back(e);
  }
  filters_ = {{std::string(tr(S::fb2_files)) + " (" + label + ")", unique}};
  filter_ = 0;
}

void FileBrowser::set_filters(std::vector<FileFilter> filters) {
  for (auto& f : filters)
    for (auto& e : f.extensions) e = lower(e);
  filters_ = std::move(filters);
  filter_ = 0;
}

void FileBrowser::set_project_dir(const fs::path& dir) {
  if (dir == project_dir_ && !places_.empty()) return;
  project_dir_ = dir;
  refresh_places();
}

void FileBrowser::refresh_places() {
  const char* home = std::getenv("HOME");
  const char* cfg = std::getenv("XDG_CONFIG_HOME");
  const fs::path user_dirs =
      cfg && *cfg ? fs::path(cfg) / "user-dirs.dirs" : fs::path(home ? home : "") / ".config" / "user-dirs.dirs";
  places_ =
      file_places(home ? home : "", project_dir_, read_text(user_dirs), read_text("/proc/mounts"), recent_folders());
}

// ---------------------------------------------------------------------------
// The in-app browser

void FileBrowser::open(Mode mode, const fs::path& start_dir) {
  mode_ = mode;
  open_ = popup_pending_ = true;
  native_tried_ = false;
  native_.reset();
  name_ = mode == Mode::new_project ? std::string("study") + store::kProjectExtension : "";
  selected_.clear();
  title_.clear();
  ok_.clear();
  typed_.clear();
  switch (mode) {
    case Mode::open_project:
      filters_ = project_filters(true);
      break;
    case Mode::new_project:
      filters_ = project_filters(false);
      break;
    case Mode::import_files:
      filters_ = import_filters();
      break;
    case Mode::save_file:
      filters_ = {{tr(S::fb2_all_files), {}}};
      break;
  }
  filter_ = 0;
  std::error_code ec;
  fs::path d = start_dir.empty() ? fs::current_path(ec) : start_dir;
  if (!fs::is_directory(d, ec)) d = fs::current_path(ec);
  list(d);
  refresh_places();
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
  typed_.clear();
}

bool FileBrowser::shown(const Entry& e) const {
  if (!show_hidden_ && !e.name.empty() && e.name[0] == '.') return false;
  if (e.dir) return true;
  if (filters_.empty()) return true;
  const auto& ext = filters_[std::min(filter_, filters_.size() - 1)].extensions;
  if (ext.empty()) return true;
  const std::string x = lower(fs::path(e.name).extension().string());
  return std::find(ext.begin(), ext.end(), x) != ext.end();
}

std::vector<std::string> FileBrowser::shown_names() const {
  std::vector<std::string> out;
  for (const auto& e : entries_)
    if (shown(e)) out.push_back(e.name);
  return out;
}

fs::path FileBrowser::with_extension(fs::path p) const {
  if (mode_ == Mode::new_project) {
    if (p.extension() != store::kProjectExtension) p += store::kProjectExtension;
  } else if (mode_ == Mode::save_file && p.extension().empty() && !filters_.empty()) {
    const auto& ext = filters_[std::min(filter_, filters_.size() - 1)].extensions;
    if (!ext.empty()) p += ext.front();
  }
  return p;
}

// The chosen paths, or empty when the choice means entering a folder (done here).
std::vector<fs::path> FileBrowser::confirm() {
  std::vector<fs::path> out;
  if (mode_ == Mode::new_project || mode_ == Mode::save_file) {
    if (name_.empty()) return out;
    out.push_back(with_extension(dir_ / name_));
  } else {
    for (const auto& s : selected_) out.push_back(dir_ / s);
  }
  std::error_code ec;
  // Opening a folder in the open dialog means entering it.
  if (mode_ != Mode::import_files && out.size() == 1 && fs::is_directory(out[0], ec)) {
    list(out[0]);
    return {};
  }
  return out;
}

// Keys while no text field has the keyboard: type-ahead, Up/Down, Enter, Backspace, Ctrl+H.
void FileBrowser::keys(std::optional<std::vector<fs::path>>& result) {
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || !ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) return;
  auto key = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), true); };
  const std::vector<std::string> names = shown_names();
  auto at = [&]() -> int {
    if (selected_.size() != 1) return -1;
    auto it = std::find(names.begin(), names.end(), *selected_.begin());
    return it == names.end() ? -1 : static_cast<int>(it - names.begin());
  };
  auto choose = [&](int i) {
    if (names.empty()) return;
    i = std::clamp(i, 0, static_cast<int>(names.size()) - 1);
    selected_ = {names[static_cast<size_t>(i)]};
    scroll_to_sel_ = true;
    if (mode_ == Mode::new_project || mode_ == Mode::save_file) {
      auto e = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& x) { return x.name == names[i]; });
      if (e != entries_.end() && !e->dir) name_ = e->name;
    }
  };
  if (io.KeyCtrl && !io.KeyAlt) {
    if (ImGui::IsKeyPressed('H', false)) show_hidden_ = !show_hidden_;
    return;
  }
  // Type-ahead: letters typed within a second of each other name one entry.
  if (!io.InputQueueCharacters.empty()) {
    if (ImGui::GetTime() - typed_at_ > 1.0) typed_.clear();
    typed_at_ = ImGui::GetTime();
    for (ImWchar c : io.InputQueueCharacters)
      if (c >= 0x20 && c < 0x7F) typed_ += static_cast<char>(std::tolower(static_cast<int>(c)));
    for (size_t i = 0; i < names.size(); ++i)
      if (lower(names[i]).rfind(typed_, 0) == 0) {
        choose(static_cast<int>(i));
        break;
      }
  }
  if (key(ImGuiKey_DownArrow)) choose(at() + 1);
  if (key(ImGuiKey_UpArrow)) choose(at() < 0 ? 0 : at() - 1);
  if (key(ImGuiKey_Home)) choose(0);
  if (key(ImGuiKey_End)) choose(static_cast<int>(names.size()) - 1);
  if (key(ImGuiKey_Backspace)) list(dir_.parent_path());
  if (key(ImGuiKey_Enter) || key(ImGuiKey_KeyPadEnter)) {
    const int i = at();
    if (i >= 0) {
      const fs::path p = dir_ / names[static_cast<size_t>(i)];
      std::error_code ec;
      if (fs::is_directory(p, ec))
        list(p);
      else if (mode_ == Mode::open_project || mode_ == Mode::import_files)
        result = std::vector<fs::path>{p};
    }
    if (!result && (mode_ == Mode::new_project || mode_ == Mode::save_file) && i < 0) {
      auto out = confirm();
      if (!out.empty()) result = std::move(out);
    }
  }
}

// A folder drawn as a folder (a tab and a body): no font needs a glyph for it.
static void folder_mark(ImDrawList* dl, ImVec2 p, float size, ImU32 col) {
  const float w = size * 0.95f, h = size * 0.7f;
  const float x = p.x + size * 0.1f, y = p.y + (size - h) * 0.55f;
  dl->AddRectFilled(ImVec2(x, y - h * 0.18f), ImVec2(x + w * 0.45f, y + h * 0.1f), col, size * 0.08f);
  dl->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + h), col, size * 0.1f);
}

std::optional<std::vector<fs::path>> FileBrowser::draw() {
  if (!open_) return std::nullopt;
  if (native_) {
    auto r = poll_native();
    if (native_ || !open_) return r;  // still choosing there, or chosen / cancelled
  }
  if (popup_pending_ && !native_tried_) {
    native_tried_ = true;
    if (start_native()) return std::nullopt;
  }
  const char* title = mode_ == Mode::open_project  ? tr(S::fb_open_title)
                      : mode_ == Mode::new_project ? tr(S::fb_new_title)
                      : mode_ == Mode::save_file   ? tr(S::fb2_save_title)
                                                   : tr(S::fb_import_title);
  if (!title_.empty()) title = title_.c_str();
  const std::string id = std::string(title) + "###filebrowser";
  if (popup_pending_) {
    ImGui::OpenPopup(id.c_str());
    popup_pending_ = false;
  }
  const ImVec2 ds = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowSize(
      ImVec2(std::min(ds.x * 0.9f, ImGui::GetFontSize() * 56), std::min(ds.y * 0.85f, ImGui::GetFontSize() * 34)),
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

  const bool naming = mode_ == Mode::new_project || mode_ == Mode::save_file;
  const float footer = ImGui::GetFrameHeightWithSpacing() * (naming ? 2.2f : 1.2f);
  // Places on the left.
  const float places_w = ImGui::GetFontSize() * 10;
  ImGui::BeginChild("##places", ImVec2(places_w, -footer), true);
  ImGui::TextDisabled("%s", tr(S::fb2_places));
  std::optional<fs::path> enter;
  for (size_t i = 0; i < places_.size(); ++i) {
    const Place& p = places_[i];
    ImGui::PushID(static_cast<int>(i));
    std::string label = p.label.empty() ? p.path.string() : p.label;
    if (p.kind == Place::Kind::recent && i > 0 && places_[i - 1].kind != Place::Kind::recent) {
      ImGui::Separator();
      ImGui::TextDisabled("%s", tr(S::fb2_recent));
    }
    if (ImGui::Selectable(label.c_str(), dir_ == p.path)) enter = p.path;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", p.path.string().c_str());
    ImGui::PopID();
  }
  ImGui::EndChild();
  ImGui::SameLine();

  ImGui::BeginChild("##entries", ImVec2(0, -footer), true);
  if (ImGui::IsWindowAppearing()) ImGui::SetWindowFocus();
  row_labels_.clear();
  const float icon_w = ImGui::GetFontSize() * 1.5f;
  const ImU32 folder_col = ImGui::GetColorU32(ImVec4(0.85f, 0.65f, 0.25f, 1));
  for (const auto& e : entries_) {
    if (!shown(e)) continue;
    const bool sel = selected_.count(e.name) > 0;
    const std::string label = e.name + (e.dir ? "/" : "");
    row_labels_.push_back(label);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::PushID(e.name.c_str());
    const bool clicked = ImGui::Selectable("##row", sel, ImGuiSelectableFlags_AllowDoubleClick);
    ImGui::PopID();
    if (sel && scroll_to_sel_) {
      ImGui::SetScrollHereY(0.5f);
      scroll_to_sel_ = false;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (e.dir) folder_mark(dl, at, ImGui::GetFontSize(), folder_col);
    dl->AddText(ImVec2(at.x + icon_w, at.y), ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
    if (clicked) {
      if (ImGui::IsMouseDoubleClicked(0)) {
        if (e.dir)
          enter = dir_ / e.name;
        else if (!naming)
          result = std::vector<fs::path>{dir_ / e.name};
      } else if (mode_ == Mode::import_files && ImGui::GetIO().KeyCtrl) {
        if (sel)
          selected_.erase(e.name);
        else
          selected_.insert(e.name);
      } else {
        selected_ = {e.name};
        if (naming && !e.dir) name_ = e.name;
      }
    }
    if (!e.dir && e.size > 0) {
      ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::GetFontSize() * 6);
      ImGui::TextDisabled("%.1f KB", static_cast<double>(e.size) / 1024.0);
    }
  }
  keys(result);
  ImGui::EndChild();
  if (enter) list(*enter);

  if (naming) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(S::fb_name));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    widgets::input_text("##name", &name_);
  }
  ImGui::Checkbox(tr(S::fb_show_hidden), &show_hidden_);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::fb2_keys_tip));
  if (filters_.size() > 1 || (!filters_.empty() && !filters_[0].extensions.empty())) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    const FileFilter& cur = filters_[std::min(filter_, filters_.size() - 1)];
    if (ImGui::BeginCombo("##type", cur.label.c_str())) {
      for (size_t i = 0; i < filters_.size(); ++i)
        if (ImGui::Selectable(filters_[i].label.c_str(), i == filter_)) filter_ = i;
      ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::fb2_type));
  }
  ImGui::SameLine();
  const float bw = ImGui::GetFontSize() * 7;
  ImGui::SetCursorPosX(
      std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionMax().x - 2 * bw - ImGui::GetStyle().ItemSpacing.x));
  if (ImGui::Button(tr(S::cancel), ImVec2(bw, 0))) keep = false;
  ImGui::SameLine();
  const char* ok = mode_ == Mode::open_project  ? tr(S::fb_open)
                   : mode_ == Mode::new_project ? tr(S::fb_create)
                   : mode_ == Mode::save_file   ? tr(S::fb2_save)
                                                : tr(S::fb_import);
  if (!ok_.empty()) ok = ok_.c_str();
  const bool can = naming ? !name_.empty() : !selected_.empty();
  ImGui::BeginDisabled(!can);
  if (ImGui::Button(ok, ImVec2(bw, 0))) {
    auto out = confirm();
    if (!out.empty()) result = std::move(out);
  }
  ImGui::EndDisabled();
  if (result) remember_folder(dir_);
  if (result || !keep) {
    open_ = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  return result;
}

// ---------------------------------------------------------------------------
// The desktop's dialog

struct FileBrowser::Native {
  pid_t pid = -1;
  int fd = -1;
  std::thread waiter;
  std::mutex m;
  bool done = false;
  int status = -1;  // exit code; -1: did not run or was killed
  std::string out;
  ~Native() {
    {
      std::lock_guard<std::mutex> l(m);
      if (!done && pid > 0) ::kill(pid, SIGTERM);
    }
    if (waiter.joinable()) waiter.join();
  }
};

void FileBrowser::allow_native(bool on) {
  g_native_allowed = on;
}

void FileBrowser::set_wake(std::function<void()> wake) {
  std::lock_guard<std::mutex> l(g_wake_mutex);
  g_wake = std::move(wake);
}

static std::string on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (!path) return {};
  std::istringstream in(path);
  std::string d;
  while (std::getline(in, d, ':')) {
    if (d.empty()) continue;
    const fs::path p = fs::path(d) / name;
    if (::access(p.c_str(), X_OK) == 0) return p.string();
  }
  return {};
}

static bool failed_before(const std::string& helper, bool mark) {
  static std::mutex m;
  static std::set<std::string> failed;
  std::lock_guard<std::mutex> l(m);
  if (mark) failed.insert(helper);
  return failed.count(helper) > 0;
}

bool FileBrowser::start_native() {
  native_helper_.clear();
  const char* env = std::getenv("TELAAH_FILE_CHOOSER");
  const std::string want = env ? env : "";
  if (want == "builtin" || (want.empty() && !g_native_allowed)) return false;
  std::string helper, exe;
  if (want == "zenity" || want == "kdialog") {
    helper = want;
    exe = on_path(want);
  } else {
    const char* x = std::getenv("DISPLAY");
    const char* w = std::getenv("WAYLAND_DISPLAY");
    if (!(x && *x) && !(w && *w)) return false;
    const char* de = std::getenv("XDG_CURRENT_DESKTOP");
    const bool kde = de && std::string(de).find("KDE") != std::string::npos;
    for (const char* h :
         kde ? std::vector<const char*>{"kdialog", "zenity"} : std::vector<const char*>{"zenity", "kdialog"}) {
      exe = on_path(h);
      if (!exe.empty()) {
        helper = h;
        break;
      }
    }
  }
  if (exe.empty() || failed_before(helper, false)) return false;

  const char* title = !title_.empty()               ? title_.c_str()
                      : mode_ == Mode::open_project ? tr(S::fb_open_title)
                      : mode_ == Mode::new_project  ? tr(S::fb_new_title)
                      : mode_ == Mode::save_file    ? tr(S::fb2_save_title)
                                                    : tr(S::fb_import_title);
  const bool save = mode_ == Mode::new_project || mode_ == Mode::save_file;
  const bool multiple = mode_ == Mode::import_files;
  const std::string start = (dir_ / (save ? name_ : std::string())).string();
  std::vector<std::string> args{helper};
  if (helper == "zenity") {
    args.push_back("--file-selection");
    args.push_back(std::string("--title=") + title);
    args.push_back("--filename=" + (save ? start : dir_.string() + "/"));
    if (save) args.push_back("--save");
    if (mode_ == Mode::save_file) args.push_back("--confirm-overwrite");
    if (multiple) args.insert(args.end(), {"--multiple", "--separator=\n"});
    for (const auto& f : filters_) {
      std::string globs;
      for (const auto& e : f.extensions) globs += (globs.empty() ? "*" : " *") + e;
      args.push_back("--file-filter=" + f.label + " | " + (globs.empty() ? std::string("*") : globs));
    }
  } else {
    std::string globs;
    for (const auto& f : filters_) {
      std::string g;
      for (const auto& e : f.extensions) g += (g.empty() ? "*" : " *") + e;
      globs += (globs.empty() ? "" : "\n") + (g.empty() ? std::string("*") : g) + "|" + f.label;
    }
    args.push_back(save ? "--getsavefilename" : "--getopenfilename");
    if (multiple) args.insert(args.end(), {"--multiple", "--separate-output"});
    args.push_back(save ? start : dir_.string());
    args.push_back(globs);
    args.push_back("--title");
    args.push_back(title);
  }

  int pipefd[2];
  if (::pipe2(pipefd, O_CLOEXEC) != 0) return false;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, pipefd[1], 1);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int rc = ::posix_spawn(&pid, exe.c_str(), &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  ::close(pipefd[1]);
  if (rc != 0) {
    ::close(pipefd[0]);
    failed_before(helper, true);
    return false;
  }
  auto n = std::make_shared<Native>();
  n->pid = pid;
  n->fd = pipefd[0];
  Native* raw = n.get();
  n->waiter = std::thread([raw] {
    std::string out;
    char buf[4096];
    for (;;) {
      const ssize_t k = ::read(raw->fd, buf, sizeof buf);
      if (k > 0)
        out.append(buf, static_cast<size_t>(k));
      else if (k < 0 && errno == EINTR)
        continue;
      else
        break;
    }
    ::close(raw->fd);
    int st = 0;
    while (::waitpid(raw->pid, &st, 0) < 0 && errno == EINTR) {
    }
    {
      std::lock_guard<std::mutex> l(raw->m);
      raw->out = std::move(out);
      raw->status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
      raw->done = true;
    }
    std::lock_guard<std::mutex> l(g_wake_mutex);
    if (g_wake) g_wake();
  });
  native_ = std::move(n);
  native_helper_ = helper;
  popup_pending_ = false;
  return true;
}

std::optional<std::vector<fs::path>> FileBrowser::poll_native() {
  int status;
  std::string out;
  {
    std::lock_guard<std::mutex> l(native_->m);
    if (!native_->done) return std::nullopt;
    status = native_->status;
    out = native_->out;
  }
  native_.reset();
  if (status == 0) {
    std::vector<fs::path> paths;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line))
      if (!line.empty()) paths.push_back(with_extension(line));
    if (!paths.empty()) {
      open_ = false;
      remember_folder(paths.front().parent_path());
      return paths;
    }
  }
  if (status == 1 || status == 0) {  // cancelled (or nothing chosen)
    open_ = false;
    return std::nullopt;
  }
  // The helper failed (no display, crashed, unknown option): the in-app browser, from now on.
  failed_before(native_helper_, true);
  popup_pending_ = true;
  return std::nullopt;
}

}  // namespace telaah::ui
