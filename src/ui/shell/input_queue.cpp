// Feeding queued input to ImGui (see input_queue.h).
#include "ui/shell/input_queue.h"

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

// One frame's worth of events: stops at the first event whose meaning would
// change if ImGui saw it in the same frame as those before it (see the header).
void InputQueue::feed(ImGuiIO& io) {
  bool key_changed_mask[keycode::last + 1] = {};
  bool key_changed = false, modifier_changed = false, text = false, moved = false, wheeled = false;
  int buttons_changed = 0;
  while (!events_.empty()) {
    const Event& e = events_.front();
    bool stop = false;
    switch (e.kind) {
      case Event::key: {
        if (io.KeysDown[e.code] == e.down) break;  // no change (a release after focus loss)
        const bool mod = is_modifier_key(e.code);
        stop = key_changed_mask[e.code] || text || buttons_changed != 0 || (mod && key_changed) ||
               (!mod && modifier_changed);
        if (stop) break;
        io.KeysDown[e.code] = e.down;
        key_changed_mask[e.code] = true;
        key_changed = true;
        if (mod) {
          modifier_changed = true;
          sync_modifiers(io);
        }
        break;
      }
      case Event::character:
        stop = key_changed || buttons_changed != 0 || moved || wheeled;
        if (stop) break;
        io.AddInputCharacter(static_cast<unsigned>(e.code));
        text = true;
        break;
      case Event::pos:
        if (mouse_known_ && mouse_.x == e.x && mouse_.y == e.y) break;
        stop = buttons_changed != 0 || wheeled || key_changed || text;
        if (stop) break;
        mouse_ = ImVec2(e.x, e.y);
        mouse_known_ = true;
        io.MousePos = mouse_;
        moved = true;
        break;
      case Event::button:
        if (buttons_[e.code] == e.down) break;
        stop = (buttons_changed & (1 << e.code)) != 0 || wheeled;
        if (stop) break;
        buttons_[e.code] = e.down;
        mouse_known_ = true;
        io.MouseDown[e.code] = e.down;
        buttons_changed |= 1 << e.code;
        break;
      case Event::wheel:
        if (e.x == 0 && e.y == 0) break;
        stop = moved || buttons_changed != 0;
        if (stop) break;
        io.MouseWheelH += e.x;
        io.MouseWheel += e.y;
        wheeled = true;
        break;
      case Event::focus:
        if (!e.down) {  // focus lost: nothing stays held (the releases may never come)
          stop = key_changed || text || buttons_changed != 0;
          if (stop) break;
          for (bool& k : io.KeysDown) k = false;
          sync_modifiers(io);
          for (int b = 0; b < 5; ++b) buttons_[b] = io.MouseDown[b] = false;
          key_changed = true;
        }
        break;
    }
    if (stop) break;
    events_.pop_front();
  }
}

}  // namespace telaah::ui
