/**
 * Which Cytoscape renderer draws a view: the WebGL renderer (Cytoscape ≥ 3.31 preview) for large
 * views on a hardware GPU, where the 2D canvas spends most of a frame on thousands of shapes; the
 * 2D canvas for small views (every shape, dash and label drawn exactly) and whenever WebGL 2 is
 * missing or software-rendered: measured in headless Chromium on SwiftShader, WebGL took 2–7 s for
 * the first frame of a 3000-element view and ~0.9 s per pan frame, the 2D canvas ~1 s and ~80 ms.
 * The analyst (or a test) can force either with localStorage `ple.renderer` = `webgl` | `canvas`.
 */
import type { CytoscapeOptions } from 'cytoscape';

/** Elements (nodes + edges) from which a view is drawn with WebGL. */
export const WEBGL_FROM = 1500;

export interface WebglSupport {
  /** A WebGL 2 context can be made. */
  supported: boolean;
  /** It is rendered in software (SwiftShader, llvmpipe, …): slower than the 2D canvas. */
  software: boolean;
  renderer: string;
}

let probed: WebglSupport | undefined;

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** Probes WebGL 2 once (false outside a DOM) and frees the probe's context at once. */
export function webglSupport(): WebglSupport {
  if (probed) return probed;
  probed = { supported: false, software: false, renderer: '' };
  try {
    if (typeof document === 'undefined') return probed;
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return probed;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    // Browsers cap live WebGL contexts per page: release this one now.
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    probed = { supported: true, software: SOFTWARE.test(renderer), renderer };
  } catch {
    // no canvas, no WebGL
  }
  return probed;
}

/** Test hook: forget the probe, or set its answer. */
export function setWebglSupport(value?: WebglSupport): void {
  probed = value;
}

export type RendererKind = 'webgl' | 'canvas';
export type RendererPreference = RendererKind | 'auto';

/** The analyst's forced renderer, if any (localStorage `ple.renderer`). */
export function rendererPreference(): RendererPreference {
  try {
    const v = typeof localStorage === 'undefined' ? null : localStorage.getItem('ple.renderer');
    return v === 'webgl' || v === 'canvas' ? v : 'auto';
  } catch {
    return 'auto';
  }
}

/**
 * The renderer for a view of `elements` elements: WebGL from WEBGL_FROM elements on a hardware
 * WebGL 2; a preference forces one (WebGL only where supported at all).
 */
export function rendererFor(elements: number, support: WebglSupport = webglSupport(), pref: RendererPreference = rendererPreference()): RendererKind {
  if (!support.supported || pref === 'canvas') return 'canvas';
  if (pref === 'webgl') return 'webgl';
  return !support.software && elements >= WEBGL_FROM ? 'webgl' : 'canvas';
}

/** Cytoscape's typings (3.34) do not declare the `renderer` option yet. */
type Options = Partial<CytoscapeOptions> & { renderer?: Record<string, unknown> };

/** Cytoscape constructor options for a renderer kind. */
export function rendererOptions(kind: RendererKind): Options {
  if (kind === 'webgl') {
    return {
      // The preview's defaults for the texture atlases (2048², measured faster than 4096² here).
      renderer: { name: 'canvas', webgl: true, webglTexSize: 2048, webglBatchSize: 2048 },
      // WebGL redraws the whole view each frame: no cached texture, edges stay during pan and zoom.
      textureOnViewport: false,
      hideEdgesOnViewport: false,
    };
  }
  // Pan and zoom move a cached texture and skip edges: interaction stays smooth on capped views of thousands.
  return { textureOnViewport: true, hideEdgesOnViewport: true };
}
