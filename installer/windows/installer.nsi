; Dangol's Windows installer (NSIS). One script for both builds:
; - release builds on Windows: `tauri build` renders this file as its NSIS
;   template (tauri.conf.json > bundle > windows > nsis > template), filling
;   in the {{…}} values; the bundler signs it and makes the updater artifacts;
; - local builds on Linux: scripts/package-windows.sh renders it with the same
;   values and escaping (scripts/windows/render-nsis.mjs) and runs Debian's
;   makensis. docs/WINDOWS.md says why.
; It uses only the plugins that ship with NSIS, so no extra download is needed.
;
; What the owner gets: a per-user install (no administrator password) in
; %LOCALAPPDATA%\Programs\Dangol, a Start-menu entry and a desktop shortcut
; named 단골, Korean pages on a Korean Windows and English elsewhere, and the
; app opening at the end. Uninstalling keeps the shop's data folder
; (%APPDATA%\{{bundle_id}}) unless the owner ticks the box that says it will
; be deleted (or passes /DELETEDATA to a silent uninstall).
;
; Switches (the tauri updater passes /P or /S, /UPDATE and /R):
;   /S  silent   /P  passive (progress only)   /UPDATE  an update of an
;   installed Dangol   /R  open Dangol when done   uninstaller: /DELETEDATA

Unicode true
; A 64-bit installer where the NSIS at hand has 64-bit stubs (Debian's does;
; the local test runs under a 64-bit-only Wine), else NSIS's usual 32-bit
; one (the bundler's NSIS on Windows). Nothing below depends on which: the
; paths are per-user and the registry view is set to 64-bit either way.
!if /FileExists "${NSISDIR}\Stubs\lzma-amd64-unicode"
  Target amd64-unicode
!endif
ManifestDPIAware true
ManifestDPIAwareness PerMonitorV2
RequestExecutionLevel user

!if "{{compression}}" == "none"
  SetCompress off
!else
  SetCompressor /SOLID "{{compression}}"
!endif

!include MUI2.nsh
!include FileFunc.nsh
!include LogicLib.nsh
!include nsDialogs.nsh
!include WinMessages.nsh
!include x64.nsh

!define PRODUCTNAME "{{product_name}}"
!define SHORTCUTNAME "단골"
!define DISPLAYNAME "단골 Dangol"
!define MANUFACTURER "{{manufacturer}}"
!define VERSION "{{version}}"
!define VERSIONWITHBUILD "{{version_with_build}}"
!define BUNDLEID "{{bundle_id}}"
!define MAINBINARYNAME "{{main_binary_name}}"
!define MAINBINARYSRCPATH "{{main_binary_path}}"
!define OUTFILE "{{out_file}}"
!define INSTALLERICON "{{installer_icon}}"
!define ESTIMATEDSIZE "{{estimated_size}}"
!define UNINSTALLERSIGNCOMMAND "{{uninstaller_sign_cmd}}"
!define INSTALLWEBVIEW2MODE "{{install_webview2_mode}}"
!define WEBVIEW2INSTALLERARGS "{{webview2_installer_args}}"
!define WEBVIEW2BOOTSTRAPPERPATH "{{webview2_bootstrapper_path}}"
!define WEBVIEW2INSTALLERPATH "{{webview2_installer_path}}"
; The WebView2 Runtime's id in EdgeUpdate's registry keys (Microsoft's docs,
; "Detect if a WebView2 Runtime is already installed").
!define WEBVIEW2APPGUID "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${PRODUCTNAME}"

{{#if signed_plugins_path}}
; Release builds that sign: use the bundler's signed copies of NSIS's plugins.
!addplugindir /x86-unicode "{{signed_plugins_path}}"
{{/if}}

!if "${UNINSTALLERSIGNCOMMAND}" != ""
  !uninstfinalize '${UNINSTALLERSIGNCOMMAND}'
!endif

Name "${DISPLAYNAME}"
Caption "$(caption)"
UninstallCaption "$(uncaption)"
BrandingText "${DISPLAYNAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${PRODUCTNAME}"

VIProductVersion "${VERSIONWITHBUILD}"
VIAddVersionKey "ProductName" "${DISPLAYNAME}"
VIAddVersionKey "FileDescription" "${DISPLAYNAME}"
VIAddVersionKey "CompanyName" "${MANUFACTURER}"
VIAddVersionKey "LegalCopyright" "${MANUFACTURER}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "ProductVersion" "${VERSION}"

Var PassiveMode
Var UpdateMode
Var DeleteData
Var DataCheckbox

!if "${INSTALLERICON}" != ""
  !define MUI_ICON "${INSTALLERICON}"
  !define MUI_UNICON "${INSTALLERICON}"
!endif
!define MUI_ABORTWARNING

; --- Installer pages ----------------------------------------------------------
!define MUI_PAGE_CUSTOMFUNCTION_PRE SkipIfPassive
!define MUI_WELCOMEPAGE_TITLE "$(welcomeTitle)"
!define MUI_WELCOMEPAGE_TEXT "$(welcomeText)"
!insertmacro MUI_PAGE_WELCOME
; Our own words for the progress page: NSIS's Korean defaults put a
; "(을)를" after the product name.
!define MUI_PAGE_HEADER_TEXT "$(installingTitle)"
!define MUI_PAGE_HEADER_SUBTEXT "$(installingText)"
!define MUI_INSTFILESPAGE_FINISHHEADER_TEXT "$(installedTitle)"
!define MUI_INSTFILESPAGE_FINISHHEADER_SUBTEXT "$(installedText)"
!define MUI_INSTFILESPAGE_ABORTHEADER_TEXT "$(stoppedTitle)"
!define MUI_INSTFILESPAGE_ABORTHEADER_SUBTEXT "$(stoppedText)"
!insertmacro MUI_PAGE_INSTFILES
!define MUI_PAGE_CUSTOMFUNCTION_PRE SkipIfPassive
!define MUI_FINISHPAGE_TITLE "$(finishTitle)"
!define MUI_FINISHPAGE_TEXT "$(finishText)"
!define MUI_FINISHPAGE_RUN
!define MUI_FINISHPAGE_RUN_TEXT "$(finishRun)"
!define MUI_FINISHPAGE_RUN_FUNCTION OpenDangol
!insertmacro MUI_PAGE_FINISH

; --- Uninstaller pages ----------------------------------------------------------
UninstPage custom un.DataPageShow un.DataPageLeave
!define MUI_PAGE_HEADER_TEXT "$(removingTitle)"
!define MUI_PAGE_HEADER_SUBTEXT "$(removingText)"
!define MUI_INSTFILESPAGE_FINISHHEADER_TEXT "$(removedTitle)"
!define MUI_INSTFILESPAGE_FINISHHEADER_SUBTEXT "$(removedText)"
!insertmacro MUI_UNPAGE_INSTFILES

; English first: Windows in any language but Korean gets English, because
; NSIS falls back to the first language when the system's is not included.
{{#each languages}}
!insertmacro MUI_LANGUAGE "{{this}}"
{{/each}}
{{#each language_files}}
!include "{{this}}"
{{/each}}

; --- Helpers --------------------------------------------------------------------
Function SkipIfPassive
  ${IfThen} $PassiveMode = 1 ${|} Abort ${|}
FunctionEnd

Function OpenDangol
  ; The installer runs as the owner (no elevation), so a plain Exec opens
  ; Dangol as the owner too.
  Exec '"$INSTDIR\${MAINBINARYNAME}.exe"'
FunctionEnd

; Waits until Dangol's program file can be replaced: a running program is
; locked by Windows. An update starts while Dangol is closing, so silent and
; passive runs wait up to 15 s; otherwise the owner is asked to close it.
!macro WaitUntilClosed un
Function ${un}WaitUntilClosed
  StrCpy $R8 0
  check:
    ${IfNot} ${FileExists} "$INSTDIR\${MAINBINARYNAME}.exe"
      Return
    ${EndIf}
    ClearErrors
    FileOpen $R9 "$INSTDIR\${MAINBINARYNAME}.exe" a
    ${IfNot} ${Errors}
      FileClose $R9
      Return
    ${EndIf}
    ${If} ${Silent}
    ${OrIf} $PassiveMode = 1
      IntOp $R8 $R8 + 1
      ${If} $R8 < 30
        Sleep 500
        Goto check
      ${EndIf}
      SetErrorLevel 4
      Abort "$(appRunning)"
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(appRunning)" IDRETRY check
    Abort "$(appRunning)"
FunctionEnd
!macroend
!insertmacro WaitUntilClosed ""
!insertmacro WaitUntilClosed "un."

; Leaves the WebView2 Runtime's version in $R0 ("" when it is not installed).
!macro FindWebView2
  ReadRegStr $R0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2APPGUID}" "pv"
  ${If} $R0 == ""
  ${OrIf} $R0 == "0.0.0.0"
    ReadRegStr $R0 HKLM "SOFTWARE\Microsoft\EdgeUpdate\Clients\${WEBVIEW2APPGUID}" "pv"
  ${EndIf}
  ${If} $R0 == ""
  ${OrIf} $R0 == "0.0.0.0"
    ReadRegStr $R0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2APPGUID}" "pv"
  ${EndIf}
  ${If} $R0 == "0.0.0.0"
    StrCpy $R0 ""
  ${EndIf}
!macroend

; --- Install ----------------------------------------------------------------------
Function .onInit
  SetShellVarContext current
  SetRegView 64
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/P" $R1
  ${IfNot} ${Errors}
    StrCpy $PassiveMode 1
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/UPDATE" $R1
  ${IfNot} ${Errors}
    StrCpy $UpdateMode 1
  ${EndIf}
  ; An earlier install elsewhere (chosen by an older installer) is updated
  ; in place.
  ReadRegStr $R1 HKCU "${UNINSTKEY}" "InstallLocation"
  ${If} $R1 != ""
    StrCpy $INSTDIR $R1
  ${EndIf}
FunctionEnd

; Without the WebView2 Runtime Dangol's window would open blank, so the
; installer makes sure it is there before copying anything, and stops with a
; plain message when it cannot be installed.
Section WebView2
  ${If} $UpdateMode = 1
    Return ; Dangol ran before this update, so the runtime is there
  ${EndIf}
  !insertmacro FindWebView2
  ${If} $R0 != ""
    DetailPrint "WebView2 $R0"
    Return
  ${EndIf}

  InitPluginsDir
  StrCpy $R1 ""
  !if "${INSTALLWEBVIEW2MODE}" == "embedBootstrapper"
    File "/oname=$PLUGINSDIR\MicrosoftEdgeWebview2Setup.exe" "${WEBVIEW2BOOTSTRAPPERPATH}"
    StrCpy $R1 "$PLUGINSDIR\MicrosoftEdgeWebview2Setup.exe"
  !else if "${INSTALLWEBVIEW2MODE}" == "offlineInstaller"
    File "/oname=$PLUGINSDIR\MicrosoftEdgeWebView2RuntimeInstaller.exe" "${WEBVIEW2INSTALLERPATH}"
    StrCpy $R1 "$PLUGINSDIR\MicrosoftEdgeWebView2RuntimeInstaller.exe"
  !endif
  ${If} $R1 != ""
    DetailPrint "$(webview2Installing)"
    ExecWait '"$R1" ${WEBVIEW2INSTALLERARGS} /install' $R2
    DetailPrint "WebView2: $R2"
    !insertmacro FindWebView2
  ${EndIf}
  ${If} $R0 == ""
    DetailPrint "$(webview2Missing)"
    MessageBox MB_OK|MB_ICONSTOP "$(webview2Missing)" /SD IDOK
    SetErrorLevel 3
    Abort "$(webview2Stopped)"
  ${EndIf}
SectionEnd

Section Install
  SetOutPath $INSTDIR
  Call WaitUntilClosed

  File "/oname=${MAINBINARYNAME}.exe" "${MAINBINARYSRCPATH}"
  {{#each resources_dirs}}
  CreateDirectory "$INSTDIR\\{{this}}"
  {{/each}}
  {{#each resources}}
  File "/oname={{this.[1]}}" "{{@key}}"
  {{/each}}
  {{#each binaries}}
  File "/oname={{this}}" "{{@key}}"
  {{/each}}

  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; Start menu and desktop, both named 단골. An update leaves the owner's
  ; shortcuts alone (she may have moved or renamed them).
  ${If} $UpdateMode <> 1
    CreateShortcut "$SMPROGRAMS\${SHORTCUTNAME}.lnk" "$INSTDIR\${MAINBINARYNAME}.exe"
    CreateShortcut "$DESKTOP\${SHORTCUTNAME}.lnk" "$INSTDIR\${MAINBINARYNAME}.exe"
  ${EndIf}

  ; Settings > Apps (Add or remove programs), for this user only.
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${DISPLAYNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" '"$INSTDIR\${MAINBINARYNAME}.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${MANUFACTURER}"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" "$0"

  ${If} $PassiveMode = 1
    SetAutoClose true
  ${EndIf}
SectionEnd

Function .onInstSuccess
  ; Silent and passive runs skip the finish page: /R opens Dangol (the
  ; updater asks for it after an update).
  ${If} ${Silent}
  ${OrIf} $PassiveMode = 1
    ${GetParameters} $R0
    ClearErrors
    ${GetOptions} $R0 "/R" $R1
    ${IfNot} ${Errors}
      Call OpenDangol
    ${EndIf}
  ${EndIf}
FunctionEnd

; --- Uninstall --------------------------------------------------------------------
Function un.onInit
  SetShellVarContext current
  SetRegView 64
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/DELETEDATA" $R1
  ${IfNot} ${Errors}
    StrCpy $DeleteData 1
  ${Else}
    StrCpy $DeleteData 0
  ${EndIf}
FunctionEnd

; The one question the uninstaller asks: keep the shop's data (the default)
; or delete it too. The box says what will be lost, and ticking it asks once
; more.
Function un.DataPageShow
  !insertmacro MUI_HEADER_TEXT "$(dataTitle)" "$(dataSubtitle)"
  nsDialogs::Create 1018
  Pop $0
  ${NSD_CreateLabel} 0 0 100% 40u "$(dataKept)"
  Pop $0
  ${NSD_CreateText} 0 44u 100% 13u "$APPDATA\${BUNDLEID}"
  Pop $0
  SendMessage $0 ${EM_SETREADONLY} 1 0
  ${NSD_CreateCheckbox} 0 68u 100% 30u "$(dataDeleteBox)"
  Pop $DataCheckbox
  ${If} $DeleteData = 1
    ${NSD_Check} $DataCheckbox
  ${EndIf}
  nsDialogs::Show
FunctionEnd

Function un.DataPageLeave
  ${NSD_GetState} $DataCheckbox $0
  ${If} $0 == ${BST_CHECKED}
    MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(dataDeleteConfirm)" IDYES +2
    Abort
    StrCpy $DeleteData 1
  ${Else}
    StrCpy $DeleteData 0
  ${EndIf}
FunctionEnd

Section Uninstall
  Call un.WaitUntilClosed

  Delete "$INSTDIR\${MAINBINARYNAME}.exe"
  {{#each resources}}
  Delete "$INSTDIR\\{{this.[1]}}"
  {{/each}}
  {{#each binaries}}
  Delete "$INSTDIR\\{{this}}"
  {{/each}}
  {{#each resources_ancestors}}
  RMDir "$INSTDIR\\{{this}}"
  {{/each}}
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  Delete "$SMPROGRAMS\${SHORTCUTNAME}.lnk"
  Delete "$DESKTOP\${SHORTCUTNAME}.lnk"
  DeleteRegKey HKCU "${UNINSTKEY}"

  ; The shop's data: customers, history, backups (Roaming), and the window's
  ; web storage (Local). Kept unless the owner asked for them to go.
  ${If} $DeleteData = 1
    RMDir /r "$APPDATA\${BUNDLEID}"
    RMDir /r "$LOCALAPPDATA\${BUNDLEID}"
  ${Else}
    DetailPrint "$(dataKeptDetail) $APPDATA\${BUNDLEID}"
  ${EndIf}
SectionEnd
