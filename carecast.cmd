@echo off
rem carecast launcher for Windows: builds target\carecast.jar with Maven when it is missing,
rem then runs it with the arguments given. Needs Java 17 (and Maven for the first build).
rem To run without Maven, copy a built carecast.jar and use: java -jar carecast.jar run ...
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%target\carecast.jar"
where java >nul 2>nul || (echo carecast: Java is not installed or not on the PATH; install Java 17 1>&2 & exit /b 1)
if not exist "%JAR%" (
  where mvn >nul 2>nul || (echo carecast: %JAR% must be built and Maven is not on the PATH 1>&2 & exit /b 1)
  echo carecast: building %JAR% ^(first run^)... 1>&2
  pushd "%HERE%" & call mvn -B -q -DskipTests package & popd
  if not exist "%JAR%" (echo carecast: the build failed ^(Maven's messages are above^); nothing was run 1>&2 & exit /b 1)
)
rem Java's quick compiler alone: a run of a few seconds finishes sooner; a long one starts itself
rem again with the full compiler (see the launcher for Unix, ./carecast). The web app keeps the full one.
set "QUICK=-XX:TieredStopAtLevel=1 -Dcarecast.quickStart=true"
if /I "%~1"=="serve" set "QUICK="
rem run.txt names this launcher, so its re-run command works from anywhere.
set "CARECAST_LAUNCHER=%HERE%carecast.cmd"
java %QUICK% %JAVA_OPTS% -Djava.awt.headless=true -jar "%JAR%" %*
