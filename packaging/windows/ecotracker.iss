; Inno Setup script: an installer for the bundle PyInstaller makes on Windows
; (packaging/windows/README.md). Not built or tried on this project's Linux machines.
#define Version GetEnv("ECOTRACKER_VERSION")
#if Version == ""
  #define Version "0.1.0"
#endif

[Setup]
AppId={{7A0C2E61-3C59-4C36-9B0E-5C1B2F0E8E11}
AppName=EcoTracker
AppVersion={#Version}
AppPublisher=EcoTracker
DefaultDirName={autopf}\EcoTracker
DefaultGroupName=EcoTracker
OutputDir=..\..\dist
OutputBaseFilename=EcoTracker-{#Version}-setup
SetupIconFile=ecotracker.ico
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
; per-machine install by IT; each person's data stays in their own profile
PrivilegesRequired=admin
ChangesEnvironment=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "..\..\dist\ecotracker\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\EcoTracker"; Filename: "{app}\EcoTracker.exe"
Name: "{autodesktop}\EcoTracker"; Filename: "{app}\EcoTracker.exe"

[Registry]
; ecotracker.exe (the command line) on the PATH for every user
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; \
  ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; \
  Check: NeedsAddPath(ExpandConstant('{app}'))

[Code]
function NeedsAddPath(Dir: string): Boolean;
var Path: string;
begin
  if not RegQueryStringValue(HKLM, 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment',
                             'Path', Path) then
    Result := True
  else
    Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';') = 0;
end;
