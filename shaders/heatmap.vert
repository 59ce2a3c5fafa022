#version 330 core
// The triangulation heatmap (src/platform/heatmap_gl.cpp): one quad (two
// triangles) per cell of the indicator x column matrix, in ImGui's screen
// pixels. Each vertex carries its position inside the cell so the fragment
// shader can draw rounded edges, the stance strip and the hatching of empty
// cells without any texture.

layout(location = 0) in vec2 a_pos;    // screen pixels
layout(location = 1) in vec2 a_local;  // pixels from the cell's top-left corner
layout(location = 2) in vec2 a_size;   // the cell's size in pixels
layout(location = 3) in vec4 a_mix;    // shares of supports, neutral, contradicts; coverage (0..1)
layout(location = 4) in float a_flags; // bit 0 hovered, bit 1 selected, bit 2 no evidence

uniform mat4 u_projection;

out vec2 v_local;
flat out vec2 v_size;
flat out vec4 v_mix;
flat out int v_flags;

void main() {
  v_local = a_local;
  v_size = a_size;
  v_mix = a_mix;
  v_flags = int(a_flags + 0.5);
  gl_Position = u_projection * vec4(a_pos, 0.0, 1.0);
}
