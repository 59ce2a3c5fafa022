// The window and its frame loop (see gui.h). Idles in glfwWaitEventsTimeout
// when nothing happens and draws a few extra frames after input (ImHex's
// window.cpp, Tracy's activeFrames); background tasks wake it up with
// glfwPostEmptyEvent.
#include "platform/gui.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <vector>

#include "platform/heatmap_gl.h"
#include "platform/screenshot.h"
#include "ui/shell/app.h"
#include "ui/shell/fonts.h"
#include "ui/shell/input_queue.h"
#include "ui/shell/ui_state.h"

namespace fs = std::filesystem;

// The UI reads letter keys by their GLFW key code (ImGui 1.86 has no ImGuiKey_F etc.).
static_assert(GLFW_KEY_A == 'A' && GLFW_KEY_F == 'F' && GLFW_KEY_Q == 'Q' && GLFW_KEY_Z == 'Z',
              "GLFW letter key codes are expected to be ASCII capitals");
static_assert(GLFW_KEY_LEFT_SHIFT == telaah::ui::keycode::left_shift &&
                  GLFW_KEY_RIGHT_SUPER == telaah::ui::keycode::right_super &&
                  GLFW_KEY_LAST == telaah::ui::keycode::last,
              "the input queue's modifier key codes are GLFW's");

namespace telaah::platform {
namespace {

// Per-window loop state, reached from GLFW callbacks through the user pointer.
struct Loop {
  ui::App* app = nullptr;
  int active_frames = 3;  // frames still to draw after the last input
  // Keyboard, character and mouse events in the order they came; fed to ImGui
  // a frame's worth at a time (ImGui 1.86 samples input once per frame, so a
  // burst between two slow frames was misread; see ui/shell/input_queue.h).
  ui::InputQueue input;
  std::vector<fs::path> dropped;
  bool close_requested = false;  // the window's close button: quits as Ctrl+Q does (drafts saved, or kept open)
  float scale = 1.0f;
  bool scale_changed = false;
};

constexpr int kFramesAfterInput = 3;
std::string g_glfw_error;

Loop& loop_of(GLFWwindow* w) {
  return *static_cast<Loop*>(glfwGetWindowUserPointer(w));
}
void touch(GLFWwindow* w) {
  loop_of(w).active_frames = kFramesAfterInput;
}

// ImGui's GLFW backend is initialised without its callbacks: these queue the
// events instead of writing them into ImGui's state as they come.
void on_cursor(GLFWwindow* w, double x, double y) {
  loop_of(w).input.mouse_pos(static_cast<float>(x), static_cast<float>(y));
  touch(w);
}
void on_enter(GLFWwindow* w, int entered) {
  if (!entered) loop_of(w).input.mouse_pos(-FLT_MAX, -FLT_MAX);
  touch(w);
}
void on_button(GLFWwindow* w, int button, int action, int) {
  loop_of(w).input.mouse_button(button, action == GLFW_PRESS);
  touch(w);
}
void on_scroll(GLFWwindow* w, double dx, double dy) {
  loop_of(w).input.wheel(static_cast<float>(dx), static_cast<float>(dy));
  touch(w);
}
void on_key(GLFWwindow* w, int key, int, int action, int) {
  if (action != GLFW_REPEAT) loop_of(w).input.key(key, action == GLFW_PRESS);  // ImGui makes its own repeats
  touch(w);
}
void on_char(GLFWwindow* w, unsigned c) {
  loop_of(w).input.character(c);
  touch(w);
}
void on_focus(GLFWwindow* w, int focused) {
  loop_of(w).input.focus(focused != 0);
  touch(w);
}
void on_size(GLFWwindow* w, int, int) {
  touch(w);
}
void on_refresh(GLFWwindow* w) {
  touch(w);
}
void on_drop(GLFWwindow* w, int n, const char** paths) {
  for (int i = 0; i < n; ++i) loop_of(w).dropped.emplace_back(paths[i]);
  touch(w);
}
void on_close(GLFWwindow* w) {
  glfwSetWindowShouldClose(w, GLFW_FALSE);  // the App decides, in the next frame
  loop_of(w).close_requested = true;
  touch(w);
}
void on_scale(GLFWwindow* w, float x, float) {
  loop_of(w).scale = x;
  loop_of(w).scale_changed = true;
  touch(w);
}

void rebuild_fonts(ui::App& app, const ui::FontFiles& files, bool device_ready) {
  ImGuiIO& io = ImGui::GetIO();
  const ui::FontSet f = ui::build_fonts(*io.Fonts, app.font_spec(), app.glyphs(), files);
  if (device_ready) {  // before the first frame the backend creates the texture itself
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  app.set_fonts(f);
}

// The scripted start: --open, --view, --query. Errors are user errors (exit 1).
// --keys: space-separated chords ("ctrl+p", "shift+tab", "down") and words typed as text,
// queued as the window's own callbacks queue them.
bool queue_keys(ui::InputQueue& q, const std::string& keys) {
  static const std::pair<const char*, int> names[] = {
      {"tab", GLFW_KEY_TAB}, {"enter", GLFW_KEY_ENTER},  {"esc", GLFW_KEY_ESCAPE}, {"space", GLFW_KEY_SPACE},
      {"up", GLFW_KEY_UP},   {"down", GLFW_KEY_DOWN},    {"left", GLFW_KEY_LEFT},  {"right", GLFW_KEY_RIGHT},
      {"f10", GLFW_KEY_F10}, {"delete", GLFW_KEY_DELETE}};
  std::istringstream in(keys);
  std::string tok;
  while (in >> tok) {
    bool ctrl = false, shift = false, alt = false;
    std::string k = tok;
    for (;;) {
      if (k.rfind("ctrl+", 0) == 0)
        ctrl = true, k = k.substr(5);
      else if (k.rfind("shift+", 0) == 0)
        shift = true, k = k.substr(6);
      else if (k.rfind("alt+", 0) == 0)
        alt = true, k = k.substr(4);
      else
        break;
    }
    int code = -1;
    for (const auto& [name, c] : names)
      if (k == name) code = c;
    if (code < 0 && k.size() == 1 && (ctrl || alt) && std::isalnum(static_cast<unsigned char>(k[0])))
      code = std::toupper(static_cast<unsigned char>(k[0]));
    if (code < 0) {
      if (ctrl || shift || alt) {
        std::cerr << "telaah: --keys: unknown key '" << tok << "'\n";
        return false;
      }
      for (unsigned char c : tok) {  // a word: typed
        const int kc = std::isalpha(c) ? std::toupper(c) : (std::isdigit(c) ? c : -1);
        if (kc >= 0) q.key(kc, true);
        q.character(c);
        if (kc >= 0) q.key(kc, false);
      }
      continue;
    }
    if (ctrl) q.key(GLFW_KEY_LEFT_CONTROL, true);
    if (shift) q.key(GLFW_KEY_LEFT_SHIFT, true);
    if (alt) q.key(GLFW_KEY_LEFT_ALT, true);
    q.key(code, true);
    q.key(code, false);
    if (alt) q.key(GLFW_KEY_LEFT_ALT, false);
    if (shift) q.key(GLFW_KEY_LEFT_SHIFT, false);
    if (ctrl) q.key(GLFW_KEY_LEFT_CONTROL, false);
  }
  return true;
}

bool script_start(ui::App& app, const GuiOptions& opt) {
  if (!opt.view.empty()) {
    auto v = ui::view_from_key(opt.view);
    if (!v) {
      std::cerr << "telaah: unknown view '" << opt.view << "' (coding, search, retrieval, triangulation, agreement)\n";
      return false;
    }
    app.set_view(*v);
  }
  if (!opt.query.empty()) app.set_query(opt.query);
  if (!opt.open_doc.empty()) {
    if (!app.project()) {
      std::cerr << "telaah: --open needs a project\n";
      return false;
    }
    try {
      if (opt.open_doc.rfind("coding:", 0) == 0) {  // a coding: its document, the coding selected in the inspector
        const store::Coding c = app.project()->coding(std::strtoll(opt.open_doc.c_str() + 7, nullptr, 10));
        app.workspace().show_passage(c.doc, c.start, c.end, c.id);
        return true;
      }
      const store::Id id = app.project()->resolve_document(opt.open_doc);
      if (!app.open_document(id)) {
        std::cerr << "telaah: cannot open document '" << opt.open_doc << "': " << app.status() << "\n";
        return false;
      }
    } catch (const UserError& e) {
      std::cerr << "telaah: " << e.what() << "\n";
      return false;
    }
  }
  return true;
}

}  // namespace

int run_gui(const GuiOptions& opt) {
  glfwSetErrorCallback([](int, const char* msg) { g_glfw_error = msg ? msg : ""; });
  if (!glfwInit()) {
    std::cerr << "telaah: cannot open a window (" << g_glfw_error
              << "); is there a display? Without one, run it under xvfb-run.\n";
    return 1;  // the environment's fault, not a bug
  }
  const bool shot = !opt.screenshot.empty();
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  // The first window fits the monitor's work area and is never larger; the
  // size and place of the last session come back (screenshots: --size, 1440x900).
  ui::Rect place{0, 0, opt.width > 0 ? opt.width : 1440, opt.height > 0 ? opt.height : 900};
  bool maximize = false;
  if (!shot) {
    const ui::Prefs remembered = ui::load_prefs();
    ui::Rect wa;
    float sx = 1, sy = 1;
    if (GLFWmonitor* mon = glfwGetPrimaryMonitor()) {
      glfwGetMonitorWorkarea(mon, &wa.x, &wa.y, &wa.w, &wa.h);
      glfwGetMonitorContentScale(mon, &sx, &sy);
    }
    ui::Prefs want = remembered;
    if (opt.width > 0) want.window_w = opt.width, want.window_h = opt.height;
    place = ui::fit_window(wa, want);
    maximize = remembered.window_maximized && opt.width <= 0;
    // GLFW_SCALE_TO_MONITOR multiplies the size asked for by the content scale.
    place.w = std::max(320, static_cast<int>(static_cast<float>(place.w) / std::max(1.0f, sx)));
    place.h = std::max(240, static_cast<int>(static_cast<float>(place.h) / std::max(1.0f, sy)));
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);  // shown once it is in its place
  }
  GLFWwindow* window = glfwCreateWindow(place.w, place.h, "Telaah", nullptr, nullptr);
  if (!window) {
    std::cerr << "telaah: cannot create an OpenGL 3.3 window (" << g_glfw_error << ")\n";
    glfwTerminate();
    return 1;  // the environment's fault, not a bug
  }
  if (!shot) {
    glfwSetWindowPos(window, place.x, place.y);
    if (maximize) glfwMaximizeWindow(window);
    glfwShowWindow(window);
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(shot ? 0 : 1);

  Loop loop;
  glfwSetWindowUserPointer(window, &loop);
  glfwSetCursorPosCallback(window, on_cursor);
  glfwSetMouseButtonCallback(window, on_button);
  glfwSetScrollCallback(window, on_scroll);
  glfwSetKeyCallback(window, on_key);
  glfwSetCharCallback(window, on_char);
  glfwSetCursorEnterCallback(window, on_enter);
  glfwSetWindowFocusCallback(window, on_focus);
  glfwSetWindowSizeCallback(window, on_size);
  glfwSetWindowRefreshCallback(window, on_refresh);
  glfwSetDropCallback(window, on_drop);
  glfwSetWindowCloseCallback(window, on_close);
  glfwSetWindowContentScaleCallback(window, on_scale);
  glfwGetWindowContentScale(window, &loop.scale, nullptr);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // our layout lives in ui_state, per project
  io.ConfigWindowsMoveFromTitleBarOnly = true;
  ImGui_ImplGlfw_InitForOpenGL(window, false);  // our callbacks queue the input (above)
  ImGui_ImplOpenGL3_Init("#version 330 core");
  HeatmapGL heatmap;  // the triangulation heatmap's shader; on failure the view draws without it
  heatmap.init();

  int status = 0;
  {
    ui::AppOptions ao;
    ao.remember = !shot;  // screenshots must not depend on, or change, the user's state
    ao.backups = !shot;
    ui::App app(ao);
    loop.app = &app;
    app.tasks().wake = [] { glfwPostEmptyEvent(); };
    ui::FileBrowser::allow_native(!shot);  // the desktop's file dialog (zenity/kdialog) when there is one
    ui::FileBrowser::set_wake([] { glfwPostEmptyEvent(); });
    if (!opt.theme.empty()) app.prefs().theme = opt.theme;
    if (!opt.language.empty()) app.prefs().language = opt.language;
    app.apply_prefs();
    app.set_dpi_scale(loop.scale);
    const ui::FontFiles files = ui::find_font_files();

    if (!opt.project.empty()) {
      if (!app.open_project(opt.project) && shot) {
        std::cerr << "telaah: cannot open " << opt.project << "\n";
        status = 1;
      }
    } else if (!shot) {
      app.start_without_project();
    }
    if (status == 0 && !script_start(app, opt)) status = 1;
    if (status == 0 && !queue_keys(loop.input, opt.keys)) status = 1;

    bool device_ready = false;
    std::string title;
    int frame = 0;
    const int settle = opt.frames > 0 ? opt.frames : 8;
    while (status == 0 && !glfwWindowShouldClose(window) && !app.wants_quit()) {
      if (shot || loop.active_frames > 0 || !loop.input.empty() || app.doc_view().animating())
        glfwPollEvents();
      else if (app.doc_view().animating() || app.settling())
        glfwWaitEventsTimeout(1.0 / 30.0);
      else if (app.needs_frames())  // only a task runs: its progress once a second; input and its end wake at once
        glfwWaitEventsTimeout(1.0);
      else
        glfwWaitEventsTimeout(io.WantTextInput ? 0.5 : 10.0);  // idle (0.5: caret blink)
      if (!loop.dropped.empty()) {
        app.on_files_dropped(loop.dropped);
        loop.dropped.clear();
      }
      if (loop.scale_changed) {
        app.set_dpi_scale(loop.scale);
        loop.scale_changed = false;
      }
      if (app.fonts_dirty()) rebuild_fonts(app, files, device_ready);
      if (app.window_title() != title) {
        title = app.window_title();
        glfwSetWindowTitle(window, title.c_str());
      }
      ImGui_ImplOpenGL3_NewFrame();
      device_ready = true;
      ImGui_ImplGlfw_NewFrame();     // display size, time, cursor shape (it also polls the mouse:
      loop.input.restore_mouse(io);  // ours is the queued one)
      loop.input.feed(io);           // one frame's worth of queued input
      if (!loop.input.empty()) loop.active_frames = kFramesAfterInput;
      ImGui::NewFrame();
      if (loop.close_requested) {
        loop.close_requested = false;
        app.request_quit();  // a draft the project refused keeps the window open, the status line says why
      }
      app.frame();
      ImGui::Render();
      int fw = 0, fh = 0;
      glfwGetFramebufferSize(window, &fw, &fh);
      glViewport(0, 0, fw, fh);
      const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
      glClearColor(bg.x, bg.y, bg.z, 1.0f);
      glClear(GL_COLOR_BUFFER_BIT);
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
      ++frame;
      // The screenshot waits for fonts, layout and scrolling to settle (at most 10 s of frames).
      if (shot && frame >= settle &&
          ((!app.needs_frames() && !app.fonts_dirty() && loop.input.empty()) || frame > settle + 600)) {
        std::string err;
        if (!write_screenshot(opt.screenshot, fw, fh, &err)) {
          std::cerr << "telaah: " << err << "\n";
          status = 1;
        }
        break;
      }
      glfwSwapBuffers(window);
      if (loop.active_frames > 0) --loop.active_frames;
    }
    if (!shot) {  // remembered for the next start (the App saves its prefs as it goes)
      ui::Prefs& p = app.prefs();
      p.window_maximized = glfwGetWindowAttrib(window, GLFW_MAXIMIZED) != 0;
      if (!p.window_maximized) {
        glfwGetWindowPos(window, &p.window_x, &p.window_y);
        glfwGetWindowSize(window, &p.window_w, &p.window_h);
      }
    }
    loop.app = nullptr;
  }  // the App saves its state and closes the project here

  heatmap.shutdown();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return status;
}

}  // namespace telaah::platform
