// The window: GLFW + OpenGL 3.3 core + Dear ImGui, the frame loop that idles
// when nothing happens, fonts and DPI, drag and drop, and scripted
// screenshots. The only place that talks to GLFW and GL.
#pragma once
#include <string>

namespace telaah::platform {

struct GuiOptions {
  std::string project;        // open this project (empty: last one, or the sample on first start)
  std::string screenshot;     // write a PNG after `frames` frames and exit
  int width = 0, height = 0;  // --size; 0: the remembered size, else 90% of the monitor's work area
  int frames = 0;             // frames to draw before the screenshot (0: enough to settle)
  std::string open_doc;       // document id, title or file name to open
  std::string view;           // coding | search | retrieval | triangulation | agreement
  std::string query;          // search query / find-in-document text
  std::string theme;          // light | dark (overrides the saved preference for this run)
  std::string language;       // en | id
  std::string keys;           // typed once the window is up: "ctrl+p seoul down tab" (screenshots of keyboard use)
};

// Runs the window until it is closed. Returns the process exit status
// (0 ok, 1 user error, 2 no display / GL failure).
int run_gui(const GuiOptions& opt);

}  // namespace telaah::platform
