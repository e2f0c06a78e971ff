// No console window next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // Linux: WebKitGTK draws without its DMA-BUF renderer, unless the
    // environment says otherwise. That renderer is the known cause of
    // blank windows with some GPU drivers, and with software GL (a PC
    // without a GPU driver, or Xvfb) it held about 120 MiB of the web
    // process's memory for a page of forms and lists (BENCHMARKS.md).
    // Set before any thread starts: the web process inherits it.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
    }
    dangol_lib::run();
}
