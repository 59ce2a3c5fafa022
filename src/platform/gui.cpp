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
#include <cstdio>
#include <iostream>
#include <vector>

#include "platform/heatmap_gl.h"
#include "platform/screenshot.h"
#include "ui/shell/app.h"
#include "ui/shell/fonts.h"

namespace fs = std::filesystem;

// The UI reads letter keys by their GLFW key code (ImGui 1.86 has no ImGuiKey_F etc.).
static_assert(GLFW_KEY_A == 'A' && GLFW_KEY_F == 'F' && GLFW_KEY_Q == 'Q' && GLFW_KEY_Z == 'Z',
              "GLFW letter key codes are expected to be ASCII capitals");

namespace telaah::platform {
namespace {

// Per-window loop state, reached from GLFW callbacks through the user pointer.
struct Loop {
  ui::App* app = nullptr;
  int active_frames = 3;  // frames still to draw after the last input
  // ImGui 1.86 reads key state once per frame: a key pressed and released
  // between two frames (a quick tap, xdotool) would never be seen. Releases
  // that arrive together with a press are held back by one frame.
  std::vector<int> pressed_this_frame, deferred_release;
  std::vector<fs::path> dropped;
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

// Installed before ImGui's backend, which chains to them.
void on_cursor(GLFWwindow* w, double, double) {
  touch(w);
}
void on_button(GLFWwindow* w, int, int, int) {
  touch(w);
}
void on_scroll(GLFWwindow* w, double, double) {
  touch(w);
}
void on_key(GLFWwindow* w, int key, int, int action, int) {
  Loop& l = loop_of(w);
  if (key >= 0 && action == GLFW_PRESS) l.pressed_this_frame.push_back(key);
  // Any release in a batch of events that also pressed a key is held back,
  // so modifiers stay down with the key they modify (Ctrl+Q typed quickly).
  if (key >= 0 && action == GLFW_RELEASE && !l.pressed_this_frame.empty()) l.deferred_release.push_back(key);
  touch(w);
}

void sync_modifiers(ImGuiIO& io) {
  io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL] || io.KeysDown[GLFW_KEY_RIGHT_CONTROL];
  io.KeyShift = io.KeysDown[GLFW_KEY_LEFT_SHIFT] || io.KeysDown[GLFW_KEY_RIGHT_SHIFT];
  io.KeyAlt = io.KeysDown[GLFW_KEY_LEFT_ALT] || io.KeysDown[GLFW_KEY_RIGHT_ALT];
  io.KeySuper = io.KeysDown[GLFW_KEY_LEFT_SUPER] || io.KeysDown[GLFW_KEY_RIGHT_SUPER];
}
void on_char(GLFWwindow* w, unsigned) {
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
  GLFWwindow* window = glfwCreateWindow(opt.width, opt.height, "Telaah", nullptr, nullptr);
  if (!window) {
    std::cerr << "telaah: cannot create an OpenGL 3.3 window (" << g_glfw_error << ")\n";
    glfwTerminate();
    return 1;  // the environment's fault, not a bug
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
  glfwSetWindowSizeCallback(window, on_size);
  glfwSetWindowRefreshCallback(window, on_refresh);
  glfwSetDropCallback(window, on_drop);
  glfwSetWindowContentScaleCallback(window, on_scale);
  glfwGetWindowContentScale(window, &loop.scale, nullptr);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // our layout lives in ui_state, per project
  io.ConfigWindowsMoveFromTitleBarOnly = true;
  ImGui_ImplGlfw_InitForOpenGL(window, true);
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

    bool device_ready = false;
    std::string title;
    int frame = 0;
    const int settle = opt.frames > 0 ? opt.frames : 8;
    while (status == 0 && !glfwWindowShouldClose(window) && !app.wants_quit()) {
      if (shot || loop.active_frames > 0 || app.doc_view().animating())
        glfwPollEvents();
      else if (app.needs_frames())
        glfwWaitEventsTimeout(1.0 / 30.0);  // a task runs: show its progress
      else
        glfwWaitEventsTimeout(io.WantTextInput ? 0.5 : 10.0);  // idle (0.5: caret blink)
      // Keys tapped since the last frame: down for this frame, released after it.
      std::vector<int> release_after;
      release_after.swap(loop.deferred_release);
      loop.pressed_this_frame.clear();
      for (int k : release_after)
        if (k < static_cast<int>(IM_ARRAYSIZE(io.KeysDown))) io.KeysDown[k] = true;
      if (!release_after.empty()) sync_modifiers(io);
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
      ImGui_ImplGlfw_NewFrame();
      ImGui::NewFrame();
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
      for (int k : release_after)
        if (k < static_cast<int>(IM_ARRAYSIZE(io.KeysDown))) io.KeysDown[k] = false;
      if (!release_after.empty()) {
        sync_modifiers(io);
        loop.active_frames = kFramesAfterInput;  // the next frame sees the release
      }
      // The screenshot waits for fonts, layout and scrolling to settle (at most 10 s of frames).
      if (shot && frame >= settle && ((!app.needs_frames() && !app.fonts_dirty()) || frame > settle + 600)) {
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
