// The window's keyboard shortcuts in one table: the key handling (App's and
// the coding view's) asks it whether a command's keys were pressed, and the
// menus show the text it makes of the same keys beside each item, so a menu
// can never show a key that does something else (issue 18: "every action in
// the menus has a shortcut shown beside it").
//
// Menu items go through menu_item(), which also records what was drawn in the
// frame (label, shortcut text, command): the headless tests walk every menu
// with it.
#pragma once
#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace telaah::ui {

enum class Command {
  new_project,
  open_project,
  open_document,  // Ctrl+P: a document by its name
  import_files,
  close_project,
  quit,
  undo,
  redo,
  find,             // in the open document
  search_corpus,    // the search view's box
  method_settings,  // Project › Method settings… (the triangulation view's)
  report,           // Project › Report…
  export_files,     // Project › Export…
  find_duplicates,  // Project › Find near-duplicates…
  export_codebook,  // Project › Export codebook…
  load_framework,   // Project › Load framework… (the coding view's)
  view_1,           // Ctrl+1 ... Ctrl+9: the views in toolbar order
  view_2,
  view_3,
  view_4,
  view_5,
  view_6,
  view_7,
  view_8,
  view_9,
  next_pane,  // Tab
  previous_pane,
  menu_bar,  // F10 (Alt is ImGui's own)
  // The coding view's keys (typed characters: they follow the keyboard layout).
  code_pinned,  // 1-9
  quick_code,
  in_vivo,
  memo,
  link_to,  // L: the selected coding to another (the Link to… picker)
  remove_coding,
  stance_supports,
  stance_contradicts,
  stance_neutral,
  copy,
  // The summary grid's keys (also while its summary box has the keyboard).
  cite_quote,      // the chosen quote's [#ID] into the summary
  next_quote,      // choose the next quote of the cell
  previous_quote,  // choose the previous one
  // Lists that select several things (the documents view).
  select_all,   // Ctrl+A
  rename,       // F2
  delete_item,  // Delete: the selected documents or code
  // The suggestions queue's keys (typed characters).
  suggest_next,
  suggest_previous,
  suggest_accept,
  suggest_reject,
  suggest_other,
  suggest_skip,
  suggest_apply,
};

// One way to give a command: a key (GLFW key code) with exact modifiers, or a typed character.
struct Chord {
  int key = 0;  // 0: a character chord
  bool ctrl = false, shift = false, alt = false;
  unsigned ch = 0;  // the character, for a character chord
};

struct Shortcut {
  Command command;
  Chord chord;
  bool shown = true;  // the chord shown beside the command's menu item (the first shown one is)
};

// The table (shortcuts.cpp).
const std::vector<Shortcut>& shortcuts();
// "Ctrl+Shift+Z": the chord as the menus show it.
std::string chord_text(const Chord& c);
// The text shown beside the command's menu item; "" when it has no keys.
std::string shortcut_text(Command c);
// Whether one of the command's key chords was pressed this frame (no repeat).
bool pressed(Command c);
// Whether `ch`, a character typed this frame, is one of the command's character chords.
bool typed(Command c, unsigned ch);
inline Command view_command(size_t i) {
  return static_cast<Command>(static_cast<int>(Command::view_1) + static_cast<int>(i));
}

// A menu item with the command's shortcut beside it (ImGui::MenuItem); the
// entry is recorded in menu_log() for the frame.
bool menu_item(const char* label, std::optional<Command> c, bool selected = false, bool enabled = true);
struct MenuEntry {
  std::string label, shortcut;
  std::optional<Command> command;
  bool enabled = true;
};
std::vector<MenuEntry>& menu_log();  // the shell clears it at the start of each frame

}  // namespace telaah::ui
