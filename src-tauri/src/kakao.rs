//! Opening KakaoTalk after "카카오톡으로 보내기 위해 복사", when it is
//! installed. No plugin says whether an app is installed, so each system
//! is asked in its own way, and nothing is launched when the answer is no:
//!
//! - Windows: KakaoTalk for PC registers the `kakaotalk:` URL scheme
//!   (`HKEY_CLASSES_ROOT\kakaotalk`); `reg query` says whether it is there,
//!   and `start` opens it.
//! - macOS: `open -a KakaoTalk` opens the app and fails when there is none.
//! - Linux (no KakaoTalk is made for it; the tests' system): a handler for
//!   `x-scheme-handler/kakaotalk` is looked up with `xdg-mime` first.

use std::process::{Command, Stdio};

fn quiet(cmd: &mut Command) -> &mut Command {
    // No console window flashing up over the app (CREATE_NO_WINDOW).
    #[cfg(windows)]
    std::os::windows::process::CommandExt::creation_flags(cmd, 0x0800_0000);
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
}

fn succeeds(cmd: &mut Command) -> bool {
    quiet(cmd).status().is_ok_and(|s| s.success())
}

/// Opens KakaoTalk; false when it is not installed (or would not open).
pub fn open() -> bool {
    if cfg!(target_os = "windows") {
        succeeds(Command::new("reg").args(["query", r"HKCR\kakaotalk"]))
            && succeeds(Command::new("cmd").args(["/C", "start", "", "kakaotalk://"]))
    } else if cfg!(target_os = "macos") {
        succeeds(Command::new("open").args(["-a", "KakaoTalk"]))
    } else {
        let handler = quiet(Command::new("xdg-mime").args([
            "query",
            "default",
            "x-scheme-handler/kakaotalk",
        ]))
        .output()
        .map(|o| !String::from_utf8_lossy(&o.stdout).trim().is_empty())
        .unwrap_or(false);
        handler && succeeds(Command::new("xdg-open").arg("kakaotalk://"))
    }
}
