fn main() {
    // tauri.conf.json sits at the root; capabilities live under src-tauri/.
    let attributes =
        tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/**/*");
    tauri_build::try_build(attributes).expect("tauri build script");
}
