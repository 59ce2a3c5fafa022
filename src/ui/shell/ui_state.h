// UI state remembered between sessions, kept OUTSIDE the project file so it
// never becomes an undo step or a change-log row:
//   $XDG_STATE_HOME/telaah/prefs.json          theme, language, text size, recent projects
//   $XDG_STATE_HOME/telaah/<project_id>.json   layout, open document, scroll place, pinned codes
// ($XDG_STATE_HOME defaults to ~/.local/state.) Plain structs, saved as JSON;
// a damaged file is ignored (defaults), never fatal.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "store/types.h"

namespace telaah::ui {

struct Prefs {
  std::string theme = "light";      // light | dark
  std::string language = "en";      // en | id
  float text_size = 17.0f;          // document text, in points before DPI scaling
  std::vector<std::string> recent;  // most recent first
  // The window's place and size on the screen, in screen pixels (0: never saved).
  int window_x = 0, window_y = 0, window_w = 0, window_h = 0;
  bool window_maximized = false;
};

// Where the first window goes: inside the monitor's work area (the screen
// minus panels and docks), never larger than it. The remembered size and
// place when they fit (a size too large shrinks to the work area, a place
// off the screen is centred), otherwise `share` of the work area, centred.
struct Rect {
  int x = 0, y = 0, w = 0, h = 0;
};
Rect fit_window(const Rect& work_area, const Prefs& remembered, float share = 0.9f);

struct ProjectUiState {
  float left_w = 270, right_w = 360;  // pane widths, unscaled pixels
  float codebook_frac = 0.55f;        // share of the right column for the codebook
  store::Id open_doc = 0;
  int64_t top_cp = 0;  // first visible code point of the open document
  std::string view = "coding";
  std::vector<store::Id> pinned;     // codes on keys 1..9
  std::string coder;                 // the coder chosen last time
  bool blind = false;                // blind mode: only the session coder's codings are shown
  std::string show = "all";          // whose codings the document shows: all | me | compare
  std::string compare_a, compare_b;  // show == compare: the two coders
};

std::filesystem::path state_dir();
Prefs load_prefs();
void save_prefs(const Prefs& p);
ProjectUiState load_project_state(const std::string& project_id);
void save_project_state(const std::string& project_id, const ProjectUiState& s);
void add_recent(Prefs& p, const std::filesystem::path& project);  // keeps 10, most recent first

}  // namespace telaah::ui
