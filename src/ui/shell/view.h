// What every view of the window is to the shell (App): a key, a title, a
// body to draw, the shortcuts it owns, and what it drops when another project
// opens. A view is made with the Workspace it works on and talks only to it;
// it never reaches into App or into another view. The shell draws the shown
// view's body, and calls its shortcuts() only while it is shown, no popup is
// open and no text field has the keyboard, so a view's keys never act on
// something the researcher cannot see.
//
// Adding a view: one folder with its files (a class deriving from View), and
// one line in the list in App::App (app.cpp).
#pragma once
#include <string>
#include <string_view>

#include "ui/shell/strings.h"

namespace telaah::ui {

class Workspace;

// Which view: its key ("coding", "search", ...), as remembered per project and
// given to `telaah gui --view`. The five built-in views have names below.
struct ViewKey {
  std::string_view name;
  constexpr bool operator==(const ViewKey& o) const { return name == o.name; }
};

class View {
 public:
  virtual ~View() = default;
  virtual ViewKey key() const = 0;
  virtual S title() const = 0;  // in the toolbar and the View menu
  // Draws the body (a child window filling the space between toolbar and status line).
  virtual void draw() = 0;
  // ImGuiWindowFlags of the body's child window (a view that scrolls its own panes: no scrollbar).
  virtual int body_flags() const { return 0; }
  // The keys this view owns (see above).
  virtual void shortcuts() {}
  // Another project was opened, or the project closed: drop what belongs to the old one.
  virtual void project_changed() {}
  // Items this view adds to the shell's menus (the Project and View menus).
  enum class Menu { project, view };
  virtual void menu_items(Menu) {}
  // The keys of those menu items (shown beside them): called whatever view is
  // shown, while no popup is open and no text field has the keyboard.
  virtual void menu_shortcuts() {}
  // Text typed in one of the view's boxes and not saved yet (a memo that still
  // has the keyboard): save_drafts() saves it as the box losing the keyboard
  // would. The shell calls it before quitting, closing, and switching views.
  virtual void save_drafts() {}
  virtual bool has_unsaved_draft() const { return false; }
  // False: the view is switched off for this project (no toolbar button, no menu item, not shown).
  virtual bool available() const { return true; }

  // The built-in views' keys.
  static constexpr ViewKey coding{"coding"};
  static constexpr ViewKey search{"search"};
  static constexpr ViewKey retrieval{"retrieval"};
  static constexpr ViewKey triangulation{"triangulation"};
  static constexpr ViewKey agreement{"agreement"};
  static constexpr ViewKey summaries{"summaries"};
  static constexpr ViewKey cases{"cases"};
  static constexpr ViewKey documents{"documents"};
};

}  // namespace telaah::ui
