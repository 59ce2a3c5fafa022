// An in-app file browser (Debian has no native-dialog library we may use):
// open a project, name a new one, or pick files and folders to import.
// A modal popup; its state is plain data owned by the App.
#pragma once
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace telaah::ui {

class FileBrowser {
 public:
  enum class Mode { open_project, new_project, import_files };

  void open(Mode mode, const std::filesystem::path& start_dir);
  // After open(): a title and confirm button other than the mode's (e.g. picking a file to merge from).
  void set_labels(std::string title, std::string ok) { title_ = std::move(title), ok_ = std::move(ok); }
  // After open(): list only files with these extensions (".qdpx"), besides folders.
  void only_extensions(std::vector<std::string> ext) { extensions_ = std::move(ext); }
  bool is_open() const { return open_; }
  Mode mode() const { return mode_; }
  // Draws the dialog while open. Returns the chosen paths once, when the user confirms.
  std::optional<std::vector<std::filesystem::path>> draw();

 private:
  struct Entry {
    std::string name;
    bool dir = false;
    uintmax_t size = 0;
  };
  void list(const std::filesystem::path& dir);
  bool shown(const Entry& e) const;

  Mode mode_ = Mode::open_project;
  bool open_ = false, popup_pending_ = false, show_hidden_ = false;
  std::filesystem::path dir_;
  std::string path_edit_, name_, error_, title_, ok_;
  std::vector<std::string> extensions_;  // empty: the mode's own
  std::vector<Entry> entries_;
  std::set<std::string> selected_;
};

}  // namespace telaah::ui
