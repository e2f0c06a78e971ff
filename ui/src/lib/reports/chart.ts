/**
 * A chart's drawing box: drawn at the width it really has on screen (so
 * its labels keep their size), with room on the left for the value axis
 * and below for the month names.
 */
export type Box = { W: number; H: number; left: number; right: number; top: number; plotW: number; plotH: number };

export function chartBox(width: number, H: number, right: number): Box {
  const W = Math.max(280, Math.round(width));
  const left = 48;
  const top = 20;
  const bottom = 26;
  return { W, H, left, right, top, plotW: W - left - right, plotH: H - top - bottom };
}

/** About how wide a small chart label is (Hangul is wider than digits). */
export function labelWidth(text: string, fontSize = 10.5): number {
  let w = 0;
  for (const c of text) w += /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/.test(c) ? fontSize : fontSize * 0.6;
  return w;
}
