// Feeding queued input to ImGui (see input_queue.h).
#include "ui/shell/input_queue.h"

#include <vector>

namespace telaah::ui {

bool is_modifier_key(int key) {
  return key >= keycode::left_shift && key <= keycode::right_super;
}

void InputQueue::key(int key, bool down) {
  if (key < 0 || key >= keycode::last + 1) return;
  events_.push_back({Event::key, key, down});
}
void InputQueue::character(unsigned c) {
  events_.push_back({Event::character, static_cast<int>(c)});
}
void InputQueue::mouse_pos(float x, float y) {
  events_.push_back({Event::pos, 0, false, x, y});
}
void InputQueue::mouse_button(int button, bool down) {
  if (button < 0 || button >= 5) return;
  events_.push_back({Event::button, button, down});
}
void InputQueue::wheel(float dx, float dy) {
  events_.push_back({Event::wheel, 0, false, dx, dy});
}
void InputQueue::focus(bool focused) {
  events_.push_back({Event::focus, 0, focused});
}

void InputQueue::restore_mouse(ImGuiIO& io) const {
  if (!mouse_known_) return;
  io.MousePos = mouse_;
  for (int b = 0; b < 5; ++b) io.MouseDown[b] = buttons_[b];
}

static void sync_modifiers(ImGuiIO& io) {
  using namespace keycode;
  io.KeyCtrl = io.KeysDown[left_control] || io.KeysDown[right_control];
  io.KeyShift = io.KeysDown[left_shift] || io.KeysDown[right_shift];
  io.KeyAlt = io.KeysDown[left_alt] || io.KeysDown[right_alt];
  io.KeySuper = io.KeysDown[left_super] || io.KeysDown[right_super];
}

// TODAY'S BEHAVIOUR (to be replaced): everything queued is applied at once,
// as the GLFW backend's callbacks did; a release that came in a batch with a
// press is held back one frame (the old gui.cpp work-around).
void InputQueue::feed(ImGuiIO& io) {
  static std::vector<int> release_now;
  for (int k : release_now) io.KeysDown[k] = false;
  if (!release_now.empty()) sync_modifiers(io);
  release_now.clear();
  bool pressed = false;
  while (!events_.empty()) {
    const Event e = events_.front();
    events_.pop_front();
    switch (e.kind) {
      case Event::key:
        if (e.down) {
          pressed = true;
          io.KeysDown[e.code] = true;
        } else if (pressed) {
          release_now.push_back(e.code);
        } else {
          io.KeysDown[e.code] = false;
        }
        sync_modifiers(io);
        break;
      case Event::character:
        io.AddInputCharacter(static_cast<unsigned>(e.code));
        break;
      case Event::pos:
        mouse_ = ImVec2(e.x, e.y);
        mouse_known_ = true;
        io.MousePos = mouse_;
        break;
      case Event::button:
        buttons_[e.code] = e.down;
        mouse_known_ = true;
        io.MouseDown[e.code] = e.down;
        break;
      case Event::wheel:
        io.MouseWheelH += e.x;
        io.MouseWheel += e.y;
        break;
      case Event::focus:
        io.AddFocusEvent(e.down);
        break;
    }
  }
}

}  // namespace telaah::ui
