#version 330 core
// The triangulation heatmap's cells (see heatmap.vert). The cell body's hue
// is the stance mix (supports, neutral and contradicts colours weighted by
// their shares): blue for support, orange for contradiction, a muddied tone
// where the evidence is mixed. Its strength is the cell's coverage (documents
// with evidence relative to the fullest cell). A strip along the bottom
// shows the three shares exactly; cells without evidence are hatched.
// The same colours are computed on the CPU for the plain ImGui fallback
// (src/ui/triangulation_heatmap.cpp: body_colour), so both paths agree.

in vec2 v_local;
flat in vec2 v_size;
flat in vec4 v_mix;
flat in int v_flags;

uniform vec4 u_support;
uniform vec4 u_neutral;
uniform vec4 u_contradict;
uniform vec4 u_empty;
uniform vec4 u_background;
uniform vec4 u_outline;
uniform float u_rounding;

out vec4 frag_colour;

// Signed distance to a rounded box centred at the origin.
float rounded_box(vec2 p, vec2 half_size, float r) {
  vec2 q = abs(p) - half_size + vec2(r);
  return length(max(q, 0.0)) + min(max(q.x, q.y), 0.0) - r;
}

vec3 stance_hue(vec3 shares) {
  float total = max(shares.x + shares.y + shares.z, 1e-6);
  return (u_support.rgb * shares.x + u_neutral.rgb * shares.y + u_contradict.rgb * shares.z) / total;
}

void main() {
  vec2 half_size = v_size * 0.5;
  float d = rounded_box(v_local - half_size, half_size - vec2(0.5), u_rounding);
  float coverage_alpha = clamp(0.5 - d, 0.0, 1.0);  // anti-aliased edge
  if (coverage_alpha <= 0.0) discard;

  bool empty = (v_flags & 4) != 0;
  vec3 colour;
  if (empty) {
    // Hatching: no evidence is a visible absence, not just a pale cell.
    float stripe = step(0.5, fract((v_local.x + v_local.y) / 9.0));
    colour = mix(u_empty.rgb, u_background.rgb, 0.55 * stripe);
  } else {
    float strength = 0.18 + 0.82 * clamp(v_mix.w, 0.0, 1.0);
    colour = mix(u_background.rgb, stance_hue(v_mix.xyz), strength);
    // The stance strip: exact shares, left to right supports | neutral | contradicts.
    float strip = clamp(v_size.y * 0.16, 3.0, 7.0);
    if (v_local.y > v_size.y - strip - 1.0) {
      float x = v_local.x / max(v_size.x, 1.0);
      float total = max(v_mix.x + v_mix.y + v_mix.z, 1e-6);
      float s = v_mix.x / total, n = v_mix.y / total;
      colour = x < s ? u_support.rgb : (x < s + n ? u_neutral.rgb : u_contradict.rgb);
    }
  }
  // Hover and selection: a ring inside the edge.
  float ring = (v_flags & 2) != 0 ? 2.5 : ((v_flags & 1) != 0 ? 1.5 : 0.0);
  if (ring > 0.0 && d > -ring) colour = mix(colour, u_outline.rgb, clamp(d + ring + 0.5, 0.0, 1.0));
  frag_colour = vec4(colour, coverage_alpha);
}
