// Choosing files: the desktop's own file dialog when there is one (zenity or
// kdialog, found on PATH at run time and run as a child process), otherwise
// the in-app browser: a modal popup with places (home, desktop, documents,
// the project's folder, mounted volumes, recent folders), a type filter per
// caller, type-ahead and keys (Enter opens, Backspace goes up, Ctrl+H shows
// hidden files). Its state is plain data owned by the caller.
//
// The XDG desktop portal (org.freedesktop.portal.FileChooser) is not used:
// it needs a D-Bus library linked into the window; zenity and kdialog are
// what GNOME and KDE desktops ship, and a missing or failing helper falls
// back to the in-app browser.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace telaah::ui {

// One choice of the type filter: a label and the extensions it shows (".telaah"; empty: all files).
struct FileFilter {
  std::string label;
  std::vector<std::string> extensions;
};

// A place in the browser's side list.
struct Place {
  enum class Kind { home, desktop, documents, project, volume, recent };
  Kind kind = Kind::home;
  std::string label;
  std::filesystem::path path;
};

// The places for a home folder, the project's folder (may be empty), the text
// of $XDG_CONFIG_HOME/user-dirs.dirs (may be empty), of /proc/mounts (volumes
// mounted under /media and /mnt) and the recent folders. Folders that do not
// exist are left out (volumes are trusted to exist: they are mounted).
std::vector<Place> file_places(const std::filesystem::path& home, const std::filesystem::path& project_dir,
                               const std::string& user_dirs, const std::string& mounts,
                               const std::vector<std::filesystem::path>& recent);
// Folders files were last chosen in (most recent first, at most 8), kept in
// the state folder (ui_state.h), outside any project.
std::vector<std::filesystem::path> recent_folders();
void remember_folder(const std::filesystem::path& dir);

class FileBrowser {
 public:
  // save_file: name a file to write (the first filter's first extension is added when missing).
  enum class Mode { open_project, new_project, import_files, save_file };

  void open(Mode mode, const std::filesystem::path& start_dir);
  // After open(): a title and confirm button other than the mode's (e.g. picking a file to merge from).
  void set_labels(std::string title, std::string ok) { title_ = std::move(title), ok_ = std::move(ok); }
  // After open(): list only files with these extensions (".qdpx"), besides folders.
  void only_extensions(std::vector<std::string> ext);
  // After open(): the type filter's choices (the first is chosen); replaces the mode's own.
  void set_filters(std::vector<FileFilter> filters);
  // After open(): the project's folder, offered among the places.
  void set_project_dir(const std::filesystem::path& dir);
  // After open(), save_file: the name proposed.
  void set_name(std::string name) { name_ = std::move(name); }
  bool is_open() const { return open_; }
  Mode mode() const { return mode_; }
  // Draws the dialog while open. Returns the chosen paths once, when the user confirms.
  std::optional<std::vector<std::filesystem::path>> draw();

  // The filters each kind of caller offers.
  static std::vector<FileFilter> project_filters(bool with_qdpx);  // .telaah (and .qdpx/.qde), all files
  static std::vector<FileFilter> import_filters();                 // what the importers read, all files
  static std::vector<FileFilter> qdpx_filters();                   // .qdpx/.qde
  static std::vector<FileFilter> report_filters();                 // .html, .md, .docx

  // The desktop's own dialog: off until the window allows it (the platform
  // layer does; headless tests do not). $TELAAH_FILE_CHOOSER = builtin |
  // zenity | kdialog overrides the choice; otherwise a helper is used when a
  // display is there ($DISPLAY or $WAYLAND_DISPLAY) and it is on PATH.
  static void allow_native(bool on);
  // Called from the helper's waiting thread when it ends (the platform's glfwPostEmptyEvent).
  static void set_wake(std::function<void()> wake);

  // --- for tests ---
  bool native_running() const { return native_ != nullptr; }
  const std::string& native_helper() const { return native_helper_; }  // the last helper started ("" none)
  const std::filesystem::path& dir() const { return dir_; }
  const std::vector<Place>& places() const { return places_; }
  const std::vector<FileFilter>& filters() const { return filters_; }
  size_t filter() const { return filter_; }
  void set_filter(size_t i) { filter_ = i < filters_.size() ? i : 0; }
  bool show_hidden() const { return show_hidden_; }
  std::vector<std::string> shown_names() const;  // files and folders listed, in order
  const std::set<std::string>& selected() const { return selected_; }
  // The text of each row drawn in the last frame (the folder mark is drawn, not a glyph).
  const std::vector<std::string>& row_labels() const { return row_labels_; }
  void go(const std::filesystem::path& dir) { list(dir); }

 private:
  struct Entry {
    std::string name;
    bool dir = false;
    uintmax_t size = 0;
  };
  struct Native;
  void list(const std::filesystem::path& dir);
  void refresh_places();
  bool shown(const Entry& e) const;
  bool start_native();
  std::optional<std::vector<std::filesystem::path>> poll_native();
  std::filesystem::path with_extension(std::filesystem::path p) const;
  void keys(std::optional<std::vector<std::filesystem::path>>& result);
  std::vector<std::filesystem::path> confirm();

  Mode mode_ = Mode::open_project;
  bool open_ = false, popup_pending_ = false, show_hidden_ = false;
  bool native_tried_ = false, scroll_to_sel_ = false;
  std::filesystem::path dir_, project_dir_;
  std::string path_edit_, name_, error_, title_, ok_;
  std::vector<FileFilter> filters_;
  size_t filter_ = 0;
  std::vector<Entry> entries_;
  std::set<std::string> selected_;
  std::vector<Place> places_;
  std::vector<std::string> row_labels_;
  std::string typed_;  // type-ahead
  double typed_at_ = -10;
  std::shared_ptr<Native> native_;  // the helper while it runs (shared: the browser stays copyable)
  std::string native_helper_;
};

}  // namespace telaah::ui
