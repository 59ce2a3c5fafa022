// The shortcut table and the menu items that show it (see shortcuts.h).
#include "ui/shell/shortcuts.h"

namespace telaah::ui {

namespace {
// GLFW key codes (the real window's io.KeysDown indices; letters and digits are their ASCII codes).
constexpr int kTab = 258, kEnter = 257, kDelete = 261, kDown = 264, kUp = 265, kF2 = 291, kF10 = 299;

Chord ctrl(int key, bool shift = false) {
  return Chord{key, true, shift, false, 0};
}
Chord key(int k, bool shift = false) {
  return Chord{k, false, shift, false, 0};
}
Chord ch(unsigned c) {
  return Chord{0, false, false, false, c};
}
}  // namespace

const std::vector<Shortcut>& shortcuts() {
  static const std::vector<Shortcut> table = [] {
    std::vector<Shortcut> t = {
        {Command::new_project, ctrl('N')},
        {Command::open_project, ctrl('O')},
        {Command::open_document, ctrl('P')},
        {Command::import_files, ctrl('I')},
        {Command::close_project, ctrl('W')},
        {Command::quit, ctrl('Q')},
        {Command::undo, ctrl('Z')},
        {Command::redo, ctrl('Z', true)},
        {Command::redo, ctrl('Y'), false},
        {Command::find, ctrl('F')},
        {Command::search_corpus, ctrl('F', true)},
        {Command::method_settings, ctrl('M', true)},
        {Command::report, ctrl('R')},
        {Command::export_files, ctrl('E')},
        {Command::find_duplicates, ctrl('D', true)},
        {Command::export_codebook, ctrl('E', true)},
        {Command::load_framework, ctrl('L', true)},
        {Command::next_pane, key(kTab)},
        {Command::previous_pane, key(kTab, true)},
        {Command::menu_bar, key(kF10)},
        {Command::quick_code, ch('Q')},
        {Command::quick_code, ch('q'), false},
        {Command::in_vivo, ch('I')},
        {Command::in_vivo, ch('i'), false},
        {Command::memo, ch('M')},
        {Command::memo, ch('m'), false},
        {Command::link_to, ch('L')},
        {Command::link_to, ch('l'), false},
        {Command::remove_coding, key(kDelete)},
        {Command::stance_supports, ch('+')},
        {Command::stance_supports, ch('='), false},
        {Command::stance_contradicts, ch('-')},
        {Command::stance_contradicts, ch(0x2212), false},  // the minus sign
        {Command::stance_neutral, ch('0')},
        {Command::copy, ctrl('C')},
        {Command::cite_quote, ctrl('K', true)},  // "kutip"
        {Command::next_quote, ctrl(kDown, true)},
        {Command::previous_quote, ctrl(kUp, true)},
        {Command::select_all, ctrl('A')},
        {Command::rename, key(kF2)},
        {Command::delete_item, key(kDelete)},
        {Command::suggest_next, ch('J')},
        {Command::suggest_next, ch('j'), false},
        {Command::suggest_previous, ch('K')},
        {Command::suggest_previous, ch('k'), false},
        {Command::suggest_accept, ch('A')},
        {Command::suggest_accept, ch('a'), false},
        {Command::suggest_reject, ch('R')},
        {Command::suggest_reject, ch('r'), false},
        {Command::suggest_other, ch('O')},
        {Command::suggest_other, ch('o'), false},
        {Command::suggest_skip, ch('S')},
        {Command::suggest_skip, ch('s'), false},
        {Command::suggest_apply, key(kEnter)},
    };
    for (int i = 0; i < 9; ++i) {
      t.push_back({view_command(static_cast<size_t>(i)), ctrl('1' + i)});
      t.push_back({Command::code_pinned, ch(static_cast<unsigned>('1' + i)), i == 0});
    }
    return t;
  }();
  return table;
}

std::string chord_text(const Chord& c) {
  std::string s;
  if (c.ctrl) s += "Ctrl+";
  if (c.alt) s += "Alt+";
  if (c.shift) s += "Shift+";
  if (c.key == 0) {
    if (c.ch < 0x80) return s + static_cast<char>(c.ch);
    return s + "\xE2\x88\x92";  // the one non-ASCII character chord: U+2212
  }
  if ((c.key >= 'A' && c.key <= 'Z') || (c.key >= '0' && c.key <= '9')) return s + static_cast<char>(c.key);
  switch (c.key) {
    case kTab:
      return s + "Tab";
    case kDelete:
      return s + "Del";
    case kF2:
      return s + "F2";
    case kF10:
      return s + "F10";
    case kDown:
      return s + "Down";
    case kUp:
      return s + "Up";
    default:
      return s + "#" + std::to_string(c.key);
  }
}

std::string shortcut_text(Command c) {
  if (c == Command::code_pinned)
    return "1\xE2\x80\x93"
           "9";  // one item per pinned code would be nine
  for (const Shortcut& s : shortcuts())
    if (s.command == c && s.shown) return chord_text(s.chord);
  return {};
}

bool pressed(Command c) {
  const ImGuiIO& io = ImGui::GetIO();
  for (const Shortcut& s : shortcuts())
    if (s.command == c && s.chord.key != 0 && s.chord.ctrl == io.KeyCtrl && s.chord.shift == io.KeyShift &&
        s.chord.alt == io.KeyAlt && ImGui::IsKeyPressed(s.chord.key, false))
      return true;
  return false;
}

bool typed(Command c, unsigned character) {
  for (const Shortcut& s : shortcuts())
    if (s.command == c && s.chord.key == 0 && s.chord.ch == character) return true;
  return false;
}

std::vector<MenuEntry>& menu_log() {
  static std::vector<MenuEntry> log;
  return log;
}

bool menu_item(const char* label, std::optional<Command> c, bool selected, bool enabled) {
  const std::string keys = c ? shortcut_text(*c) : std::string();
  menu_log().push_back({label, keys, c, enabled});
  return ImGui::MenuItem(label, keys.empty() ? nullptr : keys.c_str(), selected, enabled);
}

}  // namespace telaah::ui
