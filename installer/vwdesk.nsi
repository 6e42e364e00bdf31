; vwdesk's Windows installer (NSIS 3). Do not run makensis on this file by
; hand: installer/make_installer.py lists the bundle's files into FILES and
; passes the defines below:
;   python installer/make_installer.py dist/vwdesk   ->  dist/vwdesk-VERSION-setup.exe
;
; Installs for all users into Program Files (administrator rights), with a
; Start-menu shortcut; the command line (vwdesk-cli) is a component, off by
; default (tick it, or `/CLI` for a silent install: setup.exe /S /CLI). The
; uninstaller removes exactly the files it installed and never the users'
; data: databases, backups, settings and logs live in each user's own folder
; (%LOCALAPPDATA%\vwdesk) or where the office put them.
;
; Defines: VERSION (1.2.3), VERSION4 (1.2.3.0), BUNDLE (the bundle folder),
; FILES (the generated file list), ICON, OUTFILE; COMPRESSOR (optional).

Unicode true
ManifestDPIAware true
!ifndef COMPRESSOR
  !define COMPRESSOR "/SOLID lzma"  ; smallest; CI's check uses zlib (faster)
!endif
SetCompressor ${COMPRESSOR}
RequestExecutionLevel admin

!include MUI2.nsh
!include x64.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include "${FILES}"  ; APP_EXE, CLI_EXE and the macros VWDESK_INSTALL_FILES, VWDESK_REMOVE_FILES

!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\vwdesk"
!define SHORTCUT "$SMPROGRAMS\vwdesk.lnk"
!define CLI_SHORTCUT "$SMPROGRAMS\vwdesk-opdrachtregel.lnk"

Name "vwdesk ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\vwdesk"
InstallDirRegKey HKLM "${UNINST_KEY}" "InstallLocation"
BrandingText "vwdesk ${VERSION}"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=1043 "ProductName" "vwdesk"
VIAddVersionKey /LANG=1043 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1043 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1043 "FileDescription" "Installatie van vwdesk ${VERSION}"
VIAddVersionKey /LANG=1043 "CompanyName" "VluchtelingenWerk"
VIAddVersionKey /LANG=1043 "LegalCopyright" "EUPL-1.2"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "vwdesk nu starten"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Dutch"

Section "vwdesk (de app)" SecApp
  SectionIn RO
  SetShellVarContext all
  SetRegView 64
  ; An earlier version: its own uninstaller removes its files first (so no
  ; file of the old version stays behind); the users' data is not touched.
  ReadRegStr $0 HKLM "${UNINST_KEY}" "InstallLocation"
  ${If} $0 != ""
  ${AndIf} ${FileExists} "$0\uninstall.exe"
    ExecWait '"$0\uninstall.exe" /S _?=$0'
    Delete "$0\uninstall.exe"
    RMDir "$0"
  ${EndIf}

  !insertmacro VWDESK_INSTALL_FILES
  SetOutPath "$INSTDIR"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "${SHORTCUT}" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "vwdesk"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "VluchtelingenWerk"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" $0
SectionEnd

Section /o "Opdrachtregel (vwdesk-cli)" SecCli
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  File "${BUNDLE}/${CLI_EXE}"
  ; A command prompt in the program folder, where `vwdesk-cli` works.
  CreateShortcut "${CLI_SHORTCUT}" "$SYSDIR\cmd.exe" '/k "vwdesk-cli --help"' \
    "$INSTDIR\${APP_EXE}" 0
SectionEnd

LangString DESC_APP ${LANG_DUTCH} "Het programma, met een snelkoppeling in het menu Start."
LangString DESC_CLI ${LANG_DUTCH} "vwdesk-cli.exe voor de opdrachtprompt en scripts (importeren, exporteren, back-ups, jaarverslagen), met een snelkoppeling naar een opdrachtprompt in de programmamap."
!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp} $(DESC_APP)
  !insertmacro MUI_DESCRIPTION_TEXT ${SecCli} $(DESC_CLI)
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "vwdesk werkt alleen op 64-bits Windows; deze pc heeft 32-bits Windows."
    Abort
  ${EndIf}
  SetRegView 64
  ; setup.exe /S /CLI installs the command line too.
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/CLI" $1
  ${IfNot} ${Errors}
    SectionSetFlags ${SecCli} ${SF_SELECTED}
  ${EndIf}
FunctionEnd

Section "Uninstall"
  SetShellVarContext all
  SetRegView 64
  !insertmacro VWDESK_REMOVE_FILES
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only if empty: whatever someone else put there stays
  Delete "${SHORTCUT}"
  Delete "${CLI_SHORTCUT}"
  DeleteRegKey HKLM "${UNINST_KEY}"
SectionEnd
